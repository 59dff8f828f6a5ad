import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  JEUGDHULP_KADERS,
  type JeugdhulpKader,
  NEED_CATEGORIES,
  type NeedCategory,
  TEXT_MAX_LENGTH,
} from '@casusregie/domain';
import { ORGANISATION_CODE } from './registration.dto';

/** A session id, chosen by the client or derived from the date: the domain's opaque id (letters, digits, . _ : -). */
export const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Most lists in one command; a session records a handful of each. */
export const MAX_LIST_ITEMS = 50;

/**
 * A calendar date (YYYY-MM-DD) that exists: 2026-02-30 is refused. (escalation.dto.ts has the same rule as
 * IsCalendarDate; both can move to one shared module once both groups are in.)
 */
export function IsCalendarDay(): PropertyDecorator {
  const decorators = [
    IsString(),
    Matches(CALENDAR_DATE, { message: '$property must be a calendar date (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid calendar date' }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Free text by a professional: not blank, at most `max` characters (the domain's limit by default). */
export function IsFreeText(max: number = TEXT_MAX_LENGTH): PropertyDecorator {
  const decorators = [IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' })];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class PutOnAgendaDto {
  @ApiProperty({ description: 'Date of the table session (YYYY-MM-DD).', example: '2026-03-05' })
  @IsCalendarDay()
  sessionDate!: string;

  @ApiPropertyOptional({
    description:
      'Id of the session, when the table has more than one on a day or plans them elsewhere. ' +
      'Default: `session-<sessionDate>`.',
    example: 'session-2026-03-05',
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @Matches(SESSION_ID, { message: '$property must be an opaque id (letters, digits, . _ : -; at most 128)' })
  sessionId?: string;
}

export class AgreementInputDto {
  @ApiProperty({
    description: 'What was agreed, without personal data.',
    example: 'Gemeente en zorgverzekeraar verkennen samen de inzet van wijkverpleging.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  text!: string;
}

export class ActionInputDto {
  @ApiProperty({
    description: 'What must be done, without personal data.',
    example: 'Indicatie wijkverpleging aanvragen.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  description!: string;

  @ApiProperty({ description: 'Organisation that owns the action.', example: '3311', maxLength: 32 })
  @IsString()
  @Matches(ORGANISATION_CODE)
  ownerOrganisationCode!: string;

  @ApiProperty({ description: 'Due date (YYYY-MM-DD).', example: '2026-03-12' })
  @IsCalendarDay()
  dueDate!: string;
}

export class NeedIdentifiedDto {
  @ApiProperty({ enum: NEED_CATEGORIES, example: 'persoonlijke-verzorging' })
  @IsIn(NEED_CATEGORIES)
  category!: NeedCategory;

  @ApiPropertyOptional({
    enum: JEUGDHULP_KADERS,
    description: 'Jeugdhulp that continues after 18 by law or by default.',
    example: 'pleegzorg',
  })
  @IsOptional()
  @IsIn(JEUGDHULP_KADERS)
  jeugdhulpKader?: JeugdhulpKader;
}

export class NeedChangedDto {
  @ApiProperty({ format: 'uuid', example: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5' })
  @IsUUID()
  needId!: string;

  @ApiProperty({ enum: NEED_CATEGORIES, example: 'verpleging' })
  @IsIn(NEED_CATEGORIES)
  category!: NeedCategory;

  @ApiPropertyOptional({ enum: JEUGDHULP_KADERS, example: 'pleegzorg' })
  @IsOptional()
  @IsIn(JEUGDHULP_KADERS)
  jeugdhulpKader?: JeugdhulpKader;

  @ApiProperty({ example: 'Na overleg blijkt het om verpleging te gaan.', maxLength: TEXT_MAX_LENGTH })
  @IsFreeText()
  reason!: string;
}

export class NeedEndedDto {
  @ApiProperty({ format: 'uuid', example: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5' })
  @IsUUID()
  needId!: string;

  @ApiProperty({ example: 'Niet meer nodig na herstel.', maxLength: TEXT_MAX_LENGTH })
  @IsFreeText()
  reason!: string;
}

/**
 * Everything a session records about the case at once. The server gives the new agreements, actions and needs
 * their ids and answers them in `ids`, in the order they were sent.
 */
export class RecordDiscussionDto {
  @ApiProperty({ description: 'The session the case was on the agenda of.', example: 'session-2026-03-05' })
  @IsString()
  @Matches(SESSION_ID, { message: '$property must be an opaque id (letters, digits, . _ : -; at most 128)' })
  sessionId!: string;

  @ApiProperty({
    description: 'Organisations present at the session.',
    type: [String],
    example: ['GM0344', '3311'],
    minItems: 1,
    maxItems: MAX_LIST_ITEMS,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @IsString({ each: true })
  @Matches(ORGANISATION_CODE, { each: true })
  presentOrganisationCodes!: string[];

  @ApiPropertyOptional({ type: [AgreementInputDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgreementInputDto)
  agreements?: AgreementInputDto[];

  @ApiPropertyOptional({ type: [ActionInputDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ActionInputDto)
  actions?: ActionInputDto[];

  @ApiPropertyOptional({ type: [NeedIdentifiedDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => NeedIdentifiedDto)
  needsIdentified?: NeedIdentifiedDto[];

  @ApiPropertyOptional({ type: [NeedChangedDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => NeedChangedDto)
  needsChanged?: NeedChangedDto[];

  @ApiPropertyOptional({ type: [NeedEndedDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => NeedEndedDto)
  needsEnded?: NeedEndedDto[];
}
