import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { NEED_CATEGORIES, type NeedCategory, SETTINGS, type Setting } from '@casusregie/domain';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Query parameters of GET /wegwijzer/suggest. The age comes as a number: never send a birth date in a URL. */
export class WegwijzerSuggestQueryDto {
  @ApiProperty({ enum: NEED_CATEGORIES, example: 'begeleiding' })
  @IsIn(NEED_CATEGORIES)
  category!: NeedCategory;

  @ApiProperty({ description: 'Date of evaluation (rules valid on that date apply).', example: '2026-11-24' })
  @IsISO8601({ strict: true })
  date!: string;

  @ApiPropertyOptional({ description: 'Age in completed years on the date.', example: 18 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(130)
  ageOnDate?: number;

  @ApiProperty({ description: 'A CIZ indicatiebesluit (Wlz) exists.', example: false })
  @Transform(toBoolean)
  @IsBoolean()
  wlzIndication!: boolean;

  @ApiPropertyOptional({ enum: SETTINGS, example: 'thuis' })
  @IsOptional()
  @IsIn(SETTINGS)
  setting?: Setting;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  medicalContext?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  blijvend?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  strafrechtelijk?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  pleegzorg?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  verlengdeJeugdhulp?: boolean;
}
