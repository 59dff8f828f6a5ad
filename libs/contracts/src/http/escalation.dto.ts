import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import {
  ESCALATION_LEVELS,
  ESCALATION_REASONS,
  type EscalationLevel,
  type EscalationReason,
  LAW_DOMAINS,
  type LawDomain,
  TEXT_MAX_LENGTH,
} from '@casusregie/domain';
import { MAX_LIST_ITEMS, OPAQUE_ID_MAX_LENGTH, ORGANISATION_CODE_MAX_LENGTH } from './shared/patterns';
import { IsCalendarDate, IsFreeText, IsOpaqueId, IsOrganisationCode } from './shared/validators';

/** Function titles of functionarissen (never a person's name). */
export const FUNCTION_TITLE_MAX_LENGTH = 200;

/** A mandate holder or decision owner: an organisation and a function title, never a person. */
export class FunctionarisDto {
  @ApiProperty({
    description: 'Organisation code of the functionaris.',
    example: 'GM0344',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOrganisationCode()
  organisationCode!: string;

  @ApiProperty({
    description: 'Function title only, never a name.',
    example: 'wethouder zorg',
    maxLength: FUNCTION_TITLE_MAX_LENGTH,
  })
  @IsFreeText(FUNCTION_TITLE_MAX_LENGTH)
  functionTitle!: string;
}

export class EscalateCaseDto {
  @ApiProperty({
    enum: ESCALATION_LEVELS,
    example: 'opschaaltafel',
    description:
      'The ladder is climbed one level at a time; a higher level raises (and closes) the open one.',
  })
  @IsIn(ESCALATION_LEVELS)
  level!: EscalationLevel;

  @ApiProperty({ enum: ESCALATION_REASONS, example: 'dispute-between-financiers' })
  @IsIn(ESCALATION_REASONS)
  reason!: EscalationReason;

  @ApiProperty({
    description: 'The question put to the escalation level, without personal data.',
    example: 'Wie financiert de persoonlijke verzorging na ontslag uit de kliniek?',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  question!: string;

  // Mandate holder and decision owner are required by the domain, which refuses an escalation without them
  // with its own codes (422 mandate-holder-required / decision-owner-required); validation lets that through.
  @ApiProperty({
    type: FunctionarisDto,
    required: true,
    description: 'Who has doorzettingsmacht. Without one: 422 mandate-holder-required.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FunctionarisDto)
  mandateHolder?: FunctionarisDto;

  @ApiProperty({
    type: FunctionarisDto,
    required: true,
    description:
      'Who takes the doorbraakbesluit; a coordinator of this organisation records it. Without one: 422 ' +
      'decision-owner-required (an escalation without a decision owner ends in advice nobody acts on).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FunctionarisDto)
  decisionOwner?: FunctionarisDto;

  @ApiPropertyOptional({
    description: 'Agreed due date of the decision (YYYY-MM-DD); the table service level applies anyway.',
    example: '2026-03-20',
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({
    description:
      'The needs the escalation is about; required for a dispute between financiers. When raising to the next ' +
      'level, the needs of the open escalation are taken over if omitted.',
    example: ['need-pv'],
    type: [String],
    maxItems: MAX_LIST_ITEMS,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @IsOpaqueId({ each: true })
  needIds?: string[];
}

export class DeescalateCaseDto {
  @ApiProperty({
    description: 'Why the case goes back to the maatwerktafel.',
    example: 'Partijen zijn het aan tafel alsnog eens geworden.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}

export class RecordAdviceDto {
  @ApiProperty({
    description: 'Organisation code of the advisor (e.g. an expert team).',
    example: 'GM0344',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOrganisationCode()
  advisorCode!: string;

  @ApiProperty({
    description:
      'The advice. It decides nothing: the escalation stays open until its decision owner decides.',
    example: 'Advies: Zvw, gezien de geneeskundige context van de zorg.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  advice!: string;
}

export class BreakthroughAssignmentDto {
  @ApiProperty({
    description: 'The need (zorgfunctie) assigned.',
    example: 'need-pv',
    maxLength: OPAQUE_ID_MAX_LENGTH,
  })
  @IsOpaqueId()
  needId!: string;

  @ApiProperty({ enum: LAW_DOMAINS, example: 'Wmo' })
  @IsIn(LAW_DOMAINS)
  lawDomain!: LawDomain;

  @ApiProperty({
    description: 'Organisation code of the financier.',
    example: 'GM0344',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOrganisationCode()
  financierCode!: string;

  @ApiProperty({ description: 'A voorlopige financier: pays now, settles (verrekent) later.', example: true })
  @IsBoolean()
  provisional!: boolean;

  @ApiPropertyOptional({
    description:
      'Required when provisional (422 settlement-agreement-required): who pays in the end, and how.',
    example: 'De verzekeraar vergoedt de kosten als het Zorginstituut oordeelt dat de Zvw van toepassing is.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  settlementAgreement?: string;

  @ApiPropertyOptional({
    description: 'Organisation code of the provider that delivers.',
    example: '73730001',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOptional()
  @IsOrganisationCode()
  deliveredByCode?: string;
}

export class DecideBreakthroughDto {
  @ApiProperty({
    description: 'What was decided, without personal data.',
    example: 'De gemeente financiert voorlopig; verrekening na het oordeel van het Zorginstituut.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  summary!: string;

  @ApiProperty({
    description: 'When the decision is evaluated (YYYY-MM-DD).',
    example: '2026-06-01',
    format: 'date',
  })
  @IsCalendarDate()
  evaluationDate!: string;

  @ApiPropertyOptional({
    description: 'Until when the decision holds (YYYY-MM-DD).',
    example: '2026-12-31',
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({
    type: [BreakthroughAssignmentDto],
    maxItems: MAX_LIST_ITEMS,
    description: 'Who pays for which need; at least one (422 assignments-required).',
  })
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BreakthroughAssignmentDto)
  assignments!: BreakthroughAssignmentDto[];
}

export class DefinitiveFinancierDto {
  @ApiProperty({ enum: LAW_DOMAINS, example: 'Zvw' })
  @IsIn(LAW_DOMAINS)
  lawDomain!: LawDomain;

  @ApiProperty({
    description: 'Organisation code of the definitive financier.',
    example: '3311',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOrganisationCode()
  financierCode!: string;
}

export class SettleProvisionalFinancingDto {
  @ApiProperty({
    description: 'The provisional responsibility created by a doorbraakbesluit (`<decisionId>:<needId>`).',
    example: '1b0e6c1e-2f4a-4c59-9d43-7f0a4a3c8e21:need-pv',
    maxLength: OPAQUE_ID_MAX_LENGTH,
  })
  @IsOpaqueId()
  responsibilityId!: string;

  @ApiProperty({
    type: DefinitiveFinancierDto,
    description: 'The same financier and law domain confirms the provisional one; another one takes over.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => DefinitiveFinancierDto)
  definitive!: DefinitiveFinancierDto;

  @ApiProperty({
    description: 'How it was settled, without personal data.',
    example: 'Verrekend na het oordeel van het Zorginstituut.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  note!: string;
}
