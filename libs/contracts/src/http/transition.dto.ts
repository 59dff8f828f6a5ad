import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  LAW_DOMAINS,
  type LawDomain,
  TEXT_MAX_LENGTH,
  VERLENGDE_JEUGDHULP_CONDITIONS,
  type VerlengdeJeugdhulpCondition,
} from '@casusregie/domain';
import { ORGANISATION_CODE } from './registration.dto';
import { WegwijzerContextDto } from './responsibility.dto';
import { MAX_LIST_ITEMS, ORGANISATION_CODE_MAX_LENGTH } from './shared/patterns';
import { IsFreeText } from './shared/validators';

export const TRANSITION_ROUTES = ['successor', 'verlengde-jeugdhulp', 'ending'] as const;
export type TransitionRouteKind = (typeof TRANSITION_ROUTES)[number];

/** What every route names; the fields of each route come with its own class (chosen by `route`). */
export class TransitionRouteDto {
  @ApiProperty({ enum: TRANSITION_ROUTES, example: 'successor' })
  @IsIn(TRANSITION_ROUTES)
  route!: TransitionRouteKind;

  @ApiProperty({ format: 'uuid', example: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5' })
  @IsUUID()
  needId!: string;
}

/** From the 18th birthday another law domain and financier take over; the server proposes the successor. */
export class SuccessorRouteDto extends TransitionRouteDto {
  @ApiProperty({ enum: ['successor'], example: 'successor' })
  @IsIn(['successor'])
  declare route: 'successor';

  @ApiProperty({ enum: LAW_DOMAINS, example: 'Wmo' })
  @IsIn(LAW_DOMAINS)
  lawDomain!: LawDomain;

  @ApiProperty({
    description: 'Organisation code of the successor financier.',
    example: 'GM0344',
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
    description: 'Why the plan deviates from the wegwijzer, when it does.',
    example: 'Jongere woont in een instelling met behandeling; Zvw past beter dan de Wlz.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsFreeText()
  deviationReason?: string;
}

/** Jeugdhulp continues after 18 (to 23 at most) under one of the legal conditions. */
export class VerlengdeJeugdhulpRouteDto extends TransitionRouteDto {
  @ApiProperty({ enum: ['verlengde-jeugdhulp'], example: 'verlengde-jeugdhulp' })
  @IsIn(['verlengde-jeugdhulp'])
  declare route: 'verlengde-jeugdhulp';

  @ApiProperty({
    enum: VERLENGDE_JEUGDHULP_CONDITIONS,
    description:
      '(i) jeugdhulp started before 18 and continuing is necessary; (ii) decided before 18 that jeugdhulp is ' +
      'needed; (iii) resumption within 6 months after jeugdhulp ended (only after the birthday).',
    example: 'i',
  })
  @IsIn(VERLENGDE_JEUGDHULP_CONDITIONS)
  condition!: VerlengdeJeugdhulpCondition;

  @ApiProperty({
    description: 'Why the help cannot be given under another law (Wmo, Zvw, Wlz).',
    example: 'Behandeling loopt door bij dezelfde aanbieder; Zvw-alternatief sluit niet aan.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  otherLawsExplanation!: string;
}

/** The need ends at the 18th birthday. */
export class EndingRouteDto extends TransitionRouteDto {
  @ApiProperty({ enum: ['ending'], example: 'ending' })
  @IsIn(['ending'])
  declare route: 'ending';

  @ApiProperty({
    example: 'Begeleiding is na 18 niet meer nodig; jongere woont zelfstandig.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  explanation!: string;
}

/**
 * The toekomstplan: per need, the route after 18. A later plan replaces the routes of the needs it names (and
 * withdraws their earlier successors); needs it does not name keep their route.
 */
@ApiExtraModels(SuccessorRouteDto, VerlengdeJeugdhulpRouteDto, EndingRouteDto)
export class RecordTransitionPlanDto {
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: MAX_LIST_ITEMS,
    items: {
      oneOf: [
        { $ref: getSchemaPath(SuccessorRouteDto) },
        { $ref: getSchemaPath(VerlengdeJeugdhulpRouteDto) },
        { $ref: getSchemaPath(EndingRouteDto) },
      ],
      discriminator: { propertyName: 'route' },
    },
    example: [
      {
        route: 'successor',
        needId: '6f1c2a9e-2d4b-4c1e-9a53-0b8f1e7d2c11',
        lawDomain: 'Wmo',
        financierCode: 'GM0344',
        context: { wlzIndication: false, setting: 'thuis', medicalContext: false, blijvend: false },
      },
      {
        route: 'ending',
        needId: '0d9b7f3a-58e2-4f0b-8c61-2a4e9d1b7f52',
        explanation: 'Begeleiding is na 18 niet meer nodig; jongere woont zelfstandig.',
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => TransitionRouteDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'route',
      subTypes: [
        { value: SuccessorRouteDto, name: 'successor' },
        { value: VerlengdeJeugdhulpRouteDto, name: 'verlengde-jeugdhulp' },
        { value: EndingRouteDto, name: 'ending' },
      ],
    },
  })
  routes!: TransitionRouteDto[];
}
