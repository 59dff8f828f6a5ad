import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { TABLE_ID } from '@casusregie/contracts';
import { MAX_GAP_PAGE_SIZE } from '@casusregie/projections';
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { CURSOR } from './cases.controller';
import { type GapListResponse, ListGapsQuery } from './gaps.queries';
import { ReadModelErrorsInterceptor, ReadModelQueryDto, toList, toWholeNumber } from './read-model-http';

export const DEFAULT_GAP_PAGE_SIZE = 100;

export class ListGapsQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({
    description: 'Only gaps in cases of these tables (repeat the parameter or separate with commas).',
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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_GAP_PAGE_SIZE,
    default: DEFAULT_GAP_PAGE_SIZE,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_GAP_PAGE_SIZE)
  limit?: number;
}

const GAPS_EXAMPLE = {
  now: '2026-03-10T09:00:00.000Z',
  asOfPosition: 1042,
  items: [
    {
      caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
      tableId: 'mwt-utrecht',
      caseType: 'grensvlak',
      urgency: 'hoog',
      needId: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5',
      category: 'persoonlijke-verzorging',
      since: '2026-03-05T14:12:00.000Z',
      sincePosition: 1040,
      sinceEventType: 'casus.DiscussionRecorded.v1',
      days: 4,
    },
  ],
  nextCursor: null,
};

@ApiTags('read models: gaps')
@ApiBearerAuth()
@Controller('gaps')
@UseInterceptors(ReadModelErrorsInterceptor)
export class GapsQueryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'Needs without an accepted or provisional holder: since when and for how many days',
    description: 'Across the open cases you may see (as in GET /cases), the longest-standing first.',
  })
  @ApiOkResponse({ description: 'One page of gaps.', schema: { example: GAPS_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'A bad parameter (each named) or a cursor of another query.' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  list(
    @QueryParams() dto: ListGapsQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<GapListResponse> {
    return this.queryBus.execute(
      new ListGapsQuery(principal, {
        tables: dto.table,
        cursor: dto.cursor,
        limit: dto.limit ?? DEFAULT_GAP_PAGE_SIZE,
        minPosition: dto.minPosition,
      }),
    );
  }
}
