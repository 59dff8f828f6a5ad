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
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { ReadModelErrorsInterceptor, ReadModelQueryDto, toList, toWholeNumber } from './read-model-http';
import { GetStatsQuery, type StatsResponse } from './stats.queries';

export class StatsQueryDto extends ReadModelQueryDto {
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

  @ApiPropertyOptional({
    description: 'Months in the moeilijk-plaatsbaar series, ending with the current month.',
    type: 'integer',
    minimum: 1,
    maximum: 120,
    default: 12,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
}

const STATS_EXAMPLE = {
  now: '2026-03-10T09:00:00.000Z',
  asOfPosition: 1042,
  cases: {
    total: 12,
    byType: { 'moeilijk-plaatsbaar': 3, 'transitie-18-min-18-plus': 2, grensvlak: 6, overig: 1 },
    byStatus: { registered: 1, accepted: 8, referred: 1, closed: 2 },
    byTable: { 'mwt-utrecht': 12 },
    byRegion: { 'utrecht-stad': 12 },
  },
  escalations: {
    total: 2,
    byLevel: { opschaaltafel: 2 },
    byReason: { 'dispute-between-financiers': 2 },
    byOutcome: { open: 1, decided: 1, 'de-escalated': 0, raised: 0 },
    decidedWithProvisionalFinancing: 1,
  },
  offerRefusals: { total: 1, byReason: { 'no-capacity': 1 } },
  leadTimes: {
    registrationToClosure: { cases: 2, medianDays: 41.5 },
    registrationToFirstDiscussion: { cases: 10, medianDays: 4 },
  },
  moeilijkPlaatsbaarWithoutSuitableOffer: [{ month: '2026-03', at: '2026-03-10T09:00:00.000Z', count: 2 }],
};

@ApiTags('read models: stats')
@ApiBearerAuth()
@Controller('stats')
@UseInterceptors(ReadModelErrorsInterceptor)
export class StatsQueryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermission('stats.read')
  @ApiOperation({
    summary: 'Counts by type, status, table and region; escalations and outcomes; refusals; lead times',
    description:
      'Over the cases you may see: coordinators their tables, auditors all. Liaisons have no stats.read, so ' +
      'they learn nothing about cases their organisation is not involved in.',
  })
  @ApiOkResponse({ description: 'The figures as the read model stands.', schema: { example: STATS_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'A bad parameter (each named).' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  stats(
    @QueryParams() dto: StatsQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<StatsResponse> {
    return this.queryBus.execute(
      new GetStatsQuery(principal, { tables: dto.table, months: dto.months, minPosition: dto.minPosition }),
    );
  }
}
