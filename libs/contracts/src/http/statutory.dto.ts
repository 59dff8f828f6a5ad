import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import {
  STATUTORY_APPLICATION_KINDS,
  STATUTORY_OUTCOMES,
  type StatutoryApplicationKind,
  type StatutoryOutcome,
} from '@casusregie/domain';
import { ORGANISATION_CODE } from './registration.dto';
import { ORGANISATION_CODE_MAX_LENGTH } from './shared/patterns';
import { IsCalendarDate } from './shared/validators';

/** A Wmo melding or aanvraag, or a CIZ aanvraag, whose statutory decision term the case tracks. */
export class RecordStatutoryApplicationDto {
  @ApiProperty({ enum: STATUTORY_APPLICATION_KINDS, example: 'wmo-aanvraag' })
  @IsIn(STATUTORY_APPLICATION_KINDS)
  kind!: StatutoryApplicationKind;

  @ApiPropertyOptional({
    description: 'The need the application is for.',
    format: 'uuid',
    example: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5',
  })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @ApiProperty({
    description: 'Organisation that must decide: the gemeente (Wmo) or the CIZ (Wlz).',
    example: 'GM0344',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsString()
  @Matches(ORGANISATION_CODE)
  deciderCode!: string;

  @ApiProperty({
    description: 'Date of the melding or aanvraag (YYYY-MM-DD), not in the future.',
    example: '2026-03-02',
  })
  @IsCalendarDate()
  submittedOn!: string;

  @ApiPropertyOptional({
    description: 'CIZ aanvraag in bijzondere omstandigheden: 2 weeks instead of 6. Only for a CIZ aanvraag.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}

export class RecordStatutoryDecisionDto {
  @ApiProperty({ enum: STATUTORY_OUTCOMES, example: 'granted' })
  @IsIn(STATUTORY_OUTCOMES)
  outcome!: StatutoryOutcome;

  @ApiProperty({ description: 'Date of the decision (YYYY-MM-DD).', example: '2026-04-10' })
  @IsCalendarDate()
  decidedOn!: string;
}
