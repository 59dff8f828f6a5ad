import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import {
  CASE_TYPES,
  type CaseType,
  PARTY_ROLES,
  type PartyRole,
  URGENCIES,
  type Urgency,
} from '@casusregie/domain';

/** Organisation codes: CBS gemeentecode (GM0344), UZOVI (4 digits), zorgkantoorregio or AGB code. */
export const ORGANISATION_CODE = /^[A-Za-z0-9-]{2,32}$/;
export const TABLE_ID = /^[a-z0-9-]{2,64}$/;

export class RegisterCaseDto {
  @ApiProperty({ enum: CASE_TYPES, example: 'moeilijk-plaatsbaar' })
  @IsIn(CASE_TYPES)
  caseType!: CaseType;

  @ApiProperty({ enum: URGENCIES, example: 'hoog' })
  @IsIn(URGENCIES)
  urgency!: Urgency;

  @ApiProperty({
    description: 'What the case is about, without personal data (no names, BSN, birth dates or diagnoses).',
    example: 'Geen passend aanbod na ontslag uit kliniek; drie aanbieders weigerden.',
    maxLength: 500,
  })
  @IsString()
  @Length(1, 500)
  summary!: string;

  @ApiProperty({
    description:
      'Opaque id of the client as registered with POST /subjects; an id that was never registered is 422 ' +
      '`unknown-subject`.',
    format: 'uuid',
  })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ example: 'mwt-utrecht' })
  @IsString()
  @Matches(TABLE_ID)
  tableId!: string;

  @ApiProperty({
    description: 'Organisation that brings the case in (and controls its data).',
    example: 'GM0344',
  })
  @IsString()
  @Matches(ORGANISATION_CODE)
  aanbrengerCode!: string;

  @ApiProperty({ description: 'Organisation that holds regie on the case.', example: 'GM0344' })
  @IsString()
  @Matches(ORGANISATION_CODE)
  regiehouderCode!: string;
}

export class TriageCaseDto {
  @ApiProperty({ enum: ['accept-for-table', 'refer-elsewhere'], example: 'accept-for-table' })
  @IsIn(['accept-for-table', 'refer-elsewhere'])
  outcome!: 'accept-for-table' | 'refer-elsewhere';

  @ApiPropertyOptional({
    description: 'Required when referring elsewhere.',
    example: 'Past bij het sociaal wijkteam.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ example: 'Sociaal wijkteam Overvecht' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  referredTo?: string;

  @ApiPropertyOptional({ example: 'Agenderen voor de eerstvolgende tafel.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class AddPartyDto {
  @ApiProperty({ example: '3311' })
  @IsString()
  @Matches(ORGANISATION_CODE)
  organisationCode!: string;

  @ApiProperty({ enum: PARTY_ROLES, example: 'financier' })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;
}
