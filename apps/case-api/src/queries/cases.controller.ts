import { Controller, Get, Param, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ORGANISATION_CODE, TABLE_ID } from '@casusregie/contracts';
import { CASE_TYPES, type CaseType } from '@casusregie/domain';
import {
  type CaseSort,
  type CaseSortField,
  DEFAULT_PAGE_SIZE,
  type ListedCaseStatus,
  MAX_PAGE_SIZE,
} from '@casusregie/projections';
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { uuidParam } from '../cases/table.controller';
import {
  type CaseDetailResponse,
  type CaseListResponse,
  GetCaseQuery,
  ListCasesQuery,
} from './cases.queries';
import {
  ReadModelErrorsInterceptor,
  ReadModelQueryDto,
  toBoolean,
  toList,
  toWholeNumber,
} from './read-model-http';

const LISTED_STATUSES = [
  'registered',
  'accepted',
  'referred',
  'closed',
] as const satisfies readonly ListedCaseStatus[];
const SORT_FIELDS = ['updatedAt', 'registeredAt', 'urgency'] as const satisfies readonly CaseSortField[];
/** `field` (its default direction: newest or most urgent first) or `field:asc` / `field:desc`. */
export const CASE_SORTS = SORT_FIELDS.flatMap((f) => [f, `${f}:desc`, `${f}:asc`]);
/** Opaque cursors are base64url. */
export const CURSOR = /^[A-Za-z0-9_-]{1,2048}$/;

export class ListCasesQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({
    description: 'Only cases of these tables (repeat the parameter or separate with commas).',
    type: [String],
    example: ['mwt-utrecht'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(TABLE_ID, { each: true })
  table?: string[];

  @ApiPropertyOptional({ enum: LISTED_STATUSES, isArray: true, example: ['accepted'] })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(LISTED_STATUSES.length)
  @IsIn(LISTED_STATUSES, { each: true })
  status?: ListedCaseStatus[];

  @ApiPropertyOptional({ enum: CASE_TYPES, isArray: true, example: ['moeilijk-plaatsbaar'] })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(CASE_TYPES.length)
  @IsIn(CASE_TYPES, { each: true })
  type?: CaseType[];

  @ApiPropertyOptional({
    description: 'Only cases where this organisation is a party or a financier asked to answer.',
    example: '3311',
  })
  @IsOptional()
  @IsString()
  @Matches(ORGANISATION_CODE)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Has an open need without an accepted or provisional holder.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasGap?: boolean;

  @ApiPropertyOptional({ description: "A deadline is missed at the API's now." })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'An escalation is open.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({
    description: 'Case-insensitive text in the summary (full case view only: not for liaisons).',
    example: 'ziekenhuisopname',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: 'updatedAt', example: 'urgency' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (with the same sort).' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

function sortOf(value: string | undefined): CaseSort {
  if (value === undefined) return { by: 'updatedAt', direction: 'desc' };
  const [by, direction = 'desc'] = value.split(':') as [CaseSortField, ('asc' | 'desc')?];
  return { by, direction };
}

const LIST_EXAMPLE = {
  view: 'full',
  now: '2026-03-10T09:00:00.000Z',
  asOfPosition: 1042,
  items: [
    {
      caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
      tableId: 'mwt-utrecht',
      caseType: 'grensvlak',
      urgency: 'hoog',
      status: 'accepted',
      summary: 'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
      registeredAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-05T14:12:00.000Z',
      hasGap: true,
      gapCount: 1,
      escalated: false,
      nextDueOn: '2026-03-12',
      overdue: false,
      version: 7,
      lastPosition: 1042,
    },
  ],
  nextCursor: 'WyJjYXNlczp1cGRhdGVkQXQ6ZGVzYyIsMTc3Mjc0OTkyMDAwMCwiM2IwZjFjOGUiXQ',
};

const DETAIL_EXAMPLE = {
  view: 'reduced',
  now: '2026-03-10T09:00:00.000Z',
  asOfPosition: 1042,
  caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  tableId: 'mwt-utrecht',
  caseType: 'grensvlak',
  urgency: 'hoog',
  status: 'accepted',
  summary: null,
  subjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  version: 7,
  lastPosition: 1042,
  parties: [{ organisationId: '3311', kind: 'zorgverzekeraar', code: '3311', roles: ['financier'] }],
  needs: [
    {
      needId: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5',
      category: 'persoonlijke-verzorging',
      status: 'open',
      current: { lawDomain: 'Zvw', financierOrganisationId: '3311', status: 'requested', holding: false },
      gap: { at: '2026-03-05T14:12:00.000Z', position: 1040, eventType: 'casus.DiscussionRecorded.v1' },
    },
  ],
  agreements: [
    { agreementId: '0e5c3b1a-9d7f-4e2a-8b6c-1f3d5a7e9b20', sessionId: 'session-2026-03-05', text: null },
  ],
};

@ApiTags('read models: cases')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(ReadModelErrorsInterceptor)
export class CasesQueryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'The work queue: the cases you may see, filtered, sorted and paged (cursor)',
    description:
      'Coordinators see the cases of their tables, liaisons the cases where their organisation is a party or was ' +
      'asked to answer (without summaries), auditors all. Filters narrow that; they never widen it.',
  })
  @ApiOkResponse({ description: 'One page of the work queue.', schema: { example: LIST_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'A bad parameter (each named) or a cursor of another query.' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  list(
    @QueryParams() dto: ListCasesQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<CaseListResponse> {
    return this.queryBus.execute(
      new ListCasesQuery(principal, {
        tables: dto.table,
        statuses: dto.status,
        types: dto.type,
        organisation: dto.organisation,
        hasGap: dto.hasGap,
        overdue: dto.overdue,
        escalated: dto.escalated,
        text: dto.q,
        sort: sortOf(dto.sort),
        cursor: dto.cursor,
        limit: dto.limit ?? DEFAULT_PAGE_SIZE,
        minPosition: dto.minPosition,
      }),
    );
  }

  @Get(':caseId')
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'The case: parties, needs and their current responsibility, agreements, actions, deadlines, ...',
    description:
      'Coordinators and auditors get the full view. Liaisons get the reduced view: every structured fact but no ' +
      'free text (summary, agreement texts, escalation questions, decision texts), except the descriptions of ' +
      'actions their own organisation owns and the texts of agreements the table shared with it.',
  })
  @ApiOkResponse({ description: 'The case as the read model holds it.', schema: { example: DETAIL_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'No such case, or not visible to you (problem+json).' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  get(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @QueryParams() dto: ReadModelQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<CaseDetailResponse> {
    return this.queryBus.execute(new GetCaseQuery(caseId, principal, dto.minPosition));
  }
}
