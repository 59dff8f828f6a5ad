import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
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
import {
  MAX_LIST_ITEMS,
  OPAQUE_ID,
  OPAQUE_ID_MAX_LENGTH,
  ORGANISATION_CODE_MAX_LENGTH,
} from './shared/patterns';
import { IsCalendarDate, IsFreeText } from './shared/validators';

export class PutOnAgendaDto {
  @ApiProperty({ description: 'Date of the table session (YYYY-MM-DD).', example: '2026-03-05' })
  @IsCalendarDate()
  sessionDate!: string;

  @ApiPropertyOptional({
    description:
      'Id of the session, when the table has more than one on a day or plans them elsewhere. ' +
      'Default: `session-<sessionDate>`.',
    example: 'session-2026-03-05',
    maxLength: OPAQUE_ID_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @Matches(OPAQUE_ID, { message: '$property must be an opaque id (letters, digits, . _ : -; at most 128)' })
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

  @ApiPropertyOptional({
    description:
      'Organisations whose liaisons may read the text (in their reduced view of the case). Default: none; ' +
      'coordinators and auditors always read it.',
    type: [String],
    example: ['3311'],
    maxItems: MAX_LIST_ITEMS,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ORGANISATION_CODE, { each: true })
  sharedWithOrganisationCodes?: string[];
}

export class ActionInputDto {
  @ApiProperty({
    description: 'What must be done, without personal data.',
    example: 'Indicatie wijkverpleging aanvragen.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  description!: string;

  @ApiProperty({
    description: 'Organisation that owns the action.',
    example: '3311',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsString()
  @Matches(ORGANISATION_CODE)
  ownerOrganisationCode!: string;

  @ApiProperty({ description: 'Due date (YYYY-MM-DD).', example: '2026-03-12' })
  @IsCalendarDate()
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
  @Matches(OPAQUE_ID, { message: '$property must be an opaque id (letters, digits, . _ : -; at most 128)' })
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
