import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { toDutchDate } from '@casusregie/domain';
import type { InboxItem, InboxState } from '@casusregie/projections';
import type { RequestPrincipal } from '../auth/request-principal';
import { CLOCK, type Clock } from '../platform/clock';
import { inboxOrganisationOf } from './inbox-access';
import { InboxGate } from './inbox.provider';

export interface InboxResponse {
  /** Whose inbox this is. */
  readonly organisationId: string;
  /** The API's clock when it answered, and its Dutch calendar date: `overdue` means due before this date. */
  readonly now: string;
  readonly today: string;
  /** The inbox had applied the event log up to this global position. */
  readonly asOfPosition: number;
  readonly items: InboxItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ListInboxParams {
  readonly organisation?: string;
  readonly kinds?: readonly string[];
  readonly state?: InboxState;
  readonly overdue?: boolean;
  readonly cursor?: string;
  readonly limit: number;
  readonly minPosition?: number;
}

export class ListInboxQuery extends Query<InboxResponse> {
  constructor(
    readonly principal: RequestPrincipal,
    readonly params: ListInboxParams,
  ) {
    super();
  }
}

@QueryHandler(ListInboxQuery)
export class ListInboxHandler implements IQueryHandler<ListInboxQuery> {
  constructor(
    private readonly gate: InboxGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, params }: ListInboxQuery): Promise<InboxResponse> {
    const organisationId = inboxOrganisationOf(principal, params.organisation);
    const now = this.clock.now().toISOString();
    const today = toDutchDate(now);
    const { asOfPosition, result } = await this.gate.read(params.minPosition, (queries) =>
      queries.list(
        organisationId,
        { kinds: params.kinds, state: params.state, overdue: params.overdue, today },
        params.cursor ?? null,
        params.limit,
      ),
    );
    return { organisationId, now, today, asOfPosition, items: result.items, nextCursor: result.nextCursor };
  }
}

export const INBOX_QUERY_HANDLERS = [ListInboxHandler];
