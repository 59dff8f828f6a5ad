import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AgendaItem } from '@casusregie/projections';
import { AUTHENTICATOR, type Authenticator } from '../auth/authenticator';
import type { RequestPrincipal } from '../auth/request-principal';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from '../cases/organisation-directory';
import { ProblemError, problem } from '../platform/problem-details';
import type { CaseListItemView } from './cases.queries';
import { type CaseView, accessFilterOf, caseViewOf } from './read-model-http';
import { ReadModelGate } from './read-models.provider';

export interface AgendaResponse {
  readonly tableId: string;
  readonly date: string;
  readonly view: CaseView;
  /** The read model had applied the event log up to this global position. */
  readonly asOfPosition: number;
  /** Per session, the most urgent and longest waiting cases first; `case.summary` is null in the reduced view. */
  readonly items: (Omit<AgendaItem, 'case'> & { readonly case: CaseListItemView })[];
}

/** The cases on the agenda of a table's sessions on one date, of those the caller may see. */
export class GetAgendaQuery extends Query<AgendaResponse> {
  constructor(
    readonly principal: RequestPrincipal,
    readonly tableId: string,
    readonly date: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetAgendaQuery)
export class GetAgendaHandler implements IQueryHandler<GetAgendaQuery> {
  constructor(
    private readonly gate: ReadModelGate,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async execute({ principal, tableId, date, minPosition }: GetAgendaQuery): Promise<AgendaResponse> {
    const access = accessFilterOf(principal);
    if (!this.directory.table(tableId)) {
      throw new ProblemError(
        problem(404, {
          code: 'table-not-found',
          detail: `There is no table ${tableId} in the reference data.`,
        }),
      );
    }
    const view = caseViewOf(this.authenticator, principal);
    const { asOfPosition, result } = await this.gate.read(minPosition, (queries) =>
      queries.agenda(tableId, date, access),
    );
    return {
      tableId: result.tableId,
      date: result.date,
      view,
      asOfPosition,
      items: result.items.map((item) => ({
        ...item,
        case: view === 'full' ? item.case : { ...item.case, summary: null },
      })),
    };
  }
}

export const AGENDA_QUERY_HANDLERS = [GetAgendaHandler];
