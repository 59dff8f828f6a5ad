import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { CaseStats } from '@casusregie/projections';
import type { RequestPrincipal } from '../auth/request-principal';
import { CLOCK, type Clock } from '../platform/clock';
import { accessFilterOf, narrowedToTables } from './read-model-http';
import { ReadModelGate } from './read-models.provider';

export type StatsResponse = CaseStats & {
  /** The read model had applied the event log up to this global position. */
  readonly asOfPosition: number;
};

export interface GetStatsParams {
  readonly tables?: readonly string[];
  readonly months?: number;
  readonly minPosition?: number;
}

/** Management figures over the cases the caller may see (coordinators: their tables; auditors: all). */
export class GetStatsQuery extends Query<StatsResponse> {
  constructor(
    readonly principal: RequestPrincipal,
    readonly params: GetStatsParams,
  ) {
    super();
  }
}

@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery> {
  constructor(
    private readonly gate: ReadModelGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, params }: GetStatsQuery): Promise<StatsResponse> {
    const access = narrowedToTables(accessFilterOf(principal), params.tables);
    const now = this.clock.now().toISOString();
    const { asOfPosition, result } = await this.gate.read(params.minPosition, (queries) =>
      queries.stats(access, now, params.months === undefined ? {} : { months: params.months }),
    );
    return { ...result, asOfPosition };
  }
}

export const STATS_QUERY_HANDLERS = [GetStatsHandler];
