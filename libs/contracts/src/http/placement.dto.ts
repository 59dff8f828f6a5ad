import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OFFER_REFUSAL_REASONS, type OfferRefusalReason, TEXT_MAX_LENGTH } from '@casusregie/domain';
import { OPAQUE_ID_MAX_LENGTH, ORGANISATION_CODE_MAX_LENGTH } from './shared/patterns';
import { IsCalendarDate, IsFreeText, IsOpaqueId, IsOrganisationCode } from './shared/validators';

export class RequestOfferDto {
  @ApiProperty({
    description: 'The need (zorgfunctie) the offer is for.',
    example: 'need-pv',
    maxLength: OPAQUE_ID_MAX_LENGTH,
  })
  @IsOpaqueId()
  needId!: string;

  @ApiProperty({
    description: 'AGB code of the provider (an aanbieder) asked for an offer.',
    example: '73730001',
    maxLength: ORGANISATION_CODE_MAX_LENGTH,
  })
  @IsOrganisationCode()
  providerCode!: string;

  @ApiPropertyOptional({
    description: 'The question to the provider, without personal data.',
    example: 'Is er binnen vier weken plek in een kleinschalige woonvorm met 24-uurs toezicht?',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  question?: string;
}

export class RefuseOfferDto {
  @ApiProperty({ enum: OFFER_REFUSAL_REASONS, example: 'no-capacity' })
  @IsIn(OFFER_REFUSAL_REASONS)
  reasonCode!: OfferRefusalReason;

  @ApiProperty({
    description: "The provider's explanation, without personal data.",
    example: 'Wachtlijst van zes maanden; geen crisisplek beschikbaar.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  explanation!: string;
}

export class StartPlacementDto {
  @ApiProperty({
    description: 'The accepted offer the placement follows from.',
    example: '5d1c2b9e-8f7a-4e3d-b2c1-0a9f8e7d6c5b',
    maxLength: OPAQUE_ID_MAX_LENGTH,
  })
  @IsOpaqueId()
  offerId!: string;

  @ApiProperty({
    description: 'First day of the placement (YYYY-MM-DD).',
    example: '2026-04-01',
    format: 'date',
  })
  @IsCalendarDate()
  startDate!: string;
}

export class EndPlacementDto {
  @ApiProperty({
    description: 'Last day of the placement (YYYY-MM-DD).',
    example: '2026-09-30',
    format: 'date',
  })
  @IsCalendarDate()
  endDate!: string;

  @ApiProperty({
    description: 'Why the placement ends, without personal data.',
    example: 'Doorgestroomd naar beschermd wonen.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}
