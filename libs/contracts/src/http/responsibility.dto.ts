import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  HULPMIDDEL_TYPES,
  type HulpmiddelType,
  LAW_DOMAINS,
  type LawDomain,
  REJECTION_REASONS,
  type RejectionReason,
  SETTINGS,
  type Setting,
  TEXT_MAX_LENGTH,
  VERVOER_PURPOSES,
  type VervoerPurpose,
} from '@casusregie/domain';
import { ORGANISATION_CODE } from './registration.dto';
import { ORGANISATION_CODE_MAX_LENGTH } from './shared/patterns';
import { IsCalendarDate, IsFreeText } from './shared/validators';

/**
 * The facts the wegwijzer needs besides the need and the age the case knows. Leave out what is not known: the
 * wegwijzer then names the missing facts instead of guessing. Never a birth date.
 */
export class WegwijzerContextDto {
  @ApiProperty({ description: 'A CIZ indicatiebesluit for the Wlz exists (used or not).', example: false })
  @IsBoolean()
  wlzIndication!: boolean;

  @ApiPropertyOptional({
    description:
      'Age in completed years today; ignored for a transition case, which knows the 18th birthday.',
    minimum: 0,
    maximum: 130,
    example: 52,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageOnDate?: number;

  @ApiPropertyOptional({ enum: SETTINGS, example: 'thuis' })
  @IsOptional()
  @IsIn(SETTINGS)
  setting?: Setting;

  @ApiPropertyOptional({
    description: 'Need for geneeskundige zorg or a high risk of it (Zvw wijkverpleging).',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  medicalContext?: boolean;

  @ApiPropertyOptional({
    description: 'Blijvend (for life) permanent toezicht or 24-hour zorg in de nabijheid (Wlz criteria).',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  blijvend?: boolean;

  @ApiPropertyOptional({ description: 'Meets the criteria for intensieve kindzorg (IKZ).', example: false })
  @IsOptional()
  @IsBoolean()
  ikz?: boolean;

  @ApiPropertyOptional({
    description: 'Verpleging under direct aansturing of a medisch specialist.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  medischSpecialistAansturing?: boolean;

  @ApiPropertyOptional({
    description: 'The (Wlz-)instelling the client lives in provides behandeling.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  instellingMetBehandeling?: boolean;

  @ApiPropertyOptional({
    enum: VERVOER_PURPOSES,
    description: 'Only for need `vervoer`.',
    example: 'medisch',
  })
  @IsOptional()
  @IsIn(VERVOER_PURPOSES)
  vervoerPurpose?: VervoerPurpose;

  @ApiPropertyOptional({
    enum: HULPMIDDEL_TYPES,
    description: 'Only for need `hulpmiddel`.',
    example: 'mobiliteit',
  })
  @IsOptional()
  @IsIn(HULPMIDDEL_TYPES)
  hulpmiddelType?: HulpmiddelType;

  @ApiPropertyOptional({
    description:
      'Start of the current uninterrupted GGZ verblijf with behandeling under the Zvw (YYYY-MM-DD).',
    example: '2025-11-03',
  })
  @IsOptional()
  @IsCalendarDate()
  zvwGgzVerblijfStartDate?: string;
}

/** A law domain and financier proposed for a need; the answer says what the wegwijzer advised and whether this deviates. */
export class ProposeResponsibilityDto {
  @ApiProperty({ enum: LAW_DOMAINS, example: 'Zvw' })
  @IsIn(LAW_DOMAINS)
  lawDomain!: LawDomain;

  @ApiProperty({
    description: 'Organisation code of the financier.',
    example: '3311',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsString()
  @Matches(ORGANISATION_CODE)
  financierCode!: string;

  @ApiProperty({ type: WegwijzerContextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WegwijzerContextDto)
  context!: WegwijzerContextDto;

  @ApiPropertyOptional({
    description: 'Why the table deviates from the wegwijzer, when it does (kept only for a deviation).',
    example: 'Medische context na ziekenhuisopname: wijkverpleging via de Zvw.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  deviationReason?: string;
}

/** Asks the financier of a proposal to accept it; its liaison answers by the service level. */
export class RequestFinancierDto {
  @ApiProperty({
    description: 'The proposed responsibility the financier is asked about.',
    format: 'uuid',
    example: '1c3e5a7b-9d0f-4b2c-8e4a-6c8e0a2c4e6a',
  })
  @IsUUID()
  responsibilityId!: string;

  @ApiPropertyOptional({
    description: 'The question to the financier, without personal data.',
    example: 'Kunt u de wijkverpleging per 1 april overnemen?',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  question?: string;
}

export class RejectResponsibilityDto {
  @ApiProperty({ enum: REJECTION_REASONS, example: 'other-law-applies' })
  @IsIn(REJECTION_REASONS)
  reasonCode!: RejectionReason;

  @ApiProperty({
    description: 'Why the financier refuses, without personal data.',
    example: 'Geen geneeskundige context: valt onder de Wmo.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  explanation!: string;

  @ApiPropertyOptional({
    enum: LAW_DOMAINS,
    description: 'The law domain the financier thinks applies.',
    example: 'Wmo',
  })
  @IsOptional()
  @IsIn(LAW_DOMAINS)
  referralLawDomain?: LawDomain;
}

export class EndResponsibilityDto {
  @ApiProperty({
    description: 'Why the proposal is withdrawn or the responsibility ends.',
    example: 'Zorg beëindigd na herstel.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}
