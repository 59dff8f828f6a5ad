import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { ORGANISATION_CODE } from '@casusregie/contracts';
import { NOTIFICATION_KINDS } from '@casusregie/messaging';
import { DEFAULT_INBOX_PAGE_SIZE, type InboxState, MAX_INBOX_PAGE_SIZE } from '@casusregie/projections';
import { CURSOR } from '../queries/cases.controller';
import { ReadModelQueryDto, toBoolean, toList, toWholeNumber } from '../queries/read-model-http';

const STATES = ['open', 'acknowledged'] as const satisfies readonly InboxState[];

/** Whose inbox: only auditors may name another organisation than their own. */
export class InboxOrganisationDto {
  @ApiPropertyOptional({
    description:
      "The organisation whose inbox to read: your own by default. Only auditors may name another organisation's.",
    example: '3311',
  })
  @IsOptional()
  @IsString()
  @Matches(ORGANISATION_CODE)
  organisation?: string;
}

export class ListInboxQueryDto extends IntersectionType(ReadModelQueryDto, InboxOrganisationDto) {
  @ApiPropertyOptional({
    description: 'Only notifications of these kinds (repeat the parameter or separate with commas).',
    enum: NOTIFICATION_KINDS,
    isArray: true,
    example: ['responsibility-requested'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  kind?: string[];

  @ApiPropertyOptional({ enum: STATES, description: 'open: not acknowledged yet; acknowledged: seen.' })
  @IsOptional()
  @IsIn(STATES)
  state?: InboxState;

  @ApiPropertyOptional({
    description:
      "true: due before today (the API's clock, Dutch calendar date) and not acknowledged; false: all others.",
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (with the same filters).' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INBOX_PAGE_SIZE,
    default: DEFAULT_INBOX_PAGE_SIZE,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_INBOX_PAGE_SIZE)
  limit?: number;
}
