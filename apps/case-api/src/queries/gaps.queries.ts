import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { GapItem } from '@casusregie/projections';
import type { RequestPrincipal } from '../auth/request-principal';
import { CLOCK, type Clock } from '../platform/clock';
import { accessFilterOf, narrowedToTables } from './read-model-http';
import { ReadModelGate } from './read-models.provider';

export interface GapListResponse {
  /** The moment `days` is counted to (the API's clock). */
  readonly now: string;
  /** The read model had applied the event log up to this global position. */
  readonly asOfPosition: number;
  /** The longest-standing gaps first. */
  readonly items: GapItem[];
  readonly nextCursor: string | null;
}

export interface ListGapsParams {
  readonly tables?: readonly string[];
  readonly cursor?: string;
  readonly limit: number;
  readonly minPosition?: number;
}

/** Needs without an accepted or provisional holder, across the open cases the caller may see. */
export class ListGapsQuery extends Query<GapListResponse> {
  constructor(
    readonly principal: RequestPrincipal,
    readonly params: ListGapsParams,
  ) {
    super();
  }
}

@QueryHandler(ListGapsQuery)
export class ListGapsHandler implements IQueryHandler<ListGapsQuery> {
  constructor(
    private readonly gate: ReadModelGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, params }: ListGapsQuery): Promise<GapListResponse> {
    const access = narrowedToTables(accessFilterOf(principal), params.tables);
    const now = this.clock.now().toISOString();
    const { asOfPosition, result } = await this.gate.read(params.minPosition, (queries) =>
      queries.listGaps(access, now, { cursor: params.cursor ?? null, limit: params.limit }),
    );
    return { now, asOfPosition, items: result.items, nextCursor: result.nextCursor };
  }
}

export const GAP_QUERY_HANDLERS = [ListGapsHandler];
