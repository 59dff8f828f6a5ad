import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_RESULTS, type CaseResult, TEXT_MAX_LENGTH } from '@casusregie/domain';
import { IsFreeText } from './shared/validators';

export class CloseCaseDto {
  @ApiProperty({ enum: CASE_RESULTS, example: 'placed' })
  @IsIn(CASE_RESULTS)
  result!: CaseResult;

  @ApiPropertyOptional({
    description: 'A closing note, without personal data.',
    example: 'Geplaatst; financiering verrekend na het doorbraakbesluit.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  note?: string;
}

export class ReopenCaseDto {
  @ApiProperty({
    description: 'Why the case returns to the maatwerktafel; a new discussion deadline starts.',
    example: 'Nieuwe crisis na ontslag; plaatsing beëindigd.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}
