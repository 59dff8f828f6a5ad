import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { CaseType, TransitionRoute } from '@casusregie/domain';
import {
  type AgreementForOrganisation,
  type CaseDetail,
  type CaseListItem,
  type CaseSort,
  type ListedCaseStatus,
  agreementsForOrganisation,
} from '@casusregie/projections';
import { AUTHENTICATOR, type Authenticator } from '../auth/authenticator';
import type { RequestPrincipal } from '../auth/request-principal';
import { caseNotFound } from '../cases/case-access';
import { CLOCK, type Clock } from '../platform/clock';
import { ProblemError, problem } from '../platform/problem-details';
import { type CaseView, accessFilterOf, caseViewOf, mayReadCase } from './read-model-http';
import { ReadModelGate } from './read-models.provider';

/* ---- What the caller gets ---- */

/** A work-queue row; `summary` is null in the reduced view. */
export type CaseListItemView = Omit<CaseListItem, 'summary'> & { readonly summary: string | null };

export interface CaseListResponse {
  readonly view: CaseView;
  /** The moment `overdue` was judged at (the API's clock). */
  readonly now: string;
  /** The read model had applied the event log up to this global position. */
  readonly asOfPosition: number;
  readonly items: CaseListItemView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * The reduced view: every structured fact of the case (parties, needs and their responsibilities, deadlines,
 * escalations, offers, placements) but no free text, except the descriptions of actions the caller's own
 * organisation owns and the texts of agreements the table shared with it. Built field by field, so a text the
 * read models add later does not leak into it.
 */
export interface ReducedCaseDetail extends Omit<
  CaseDetail,
  'summary' | 'agreements' | 'actions' | 'escalations' | 'transitionRoutes'
> {
  readonly summary: null;
  readonly agreements: AgreementForOrganisation[];
  readonly actions: (Omit<CaseDetail['actions'][number], 'description'> & { description: string | null })[];
  readonly escalations: (Omit<CaseDetail['escalations'][number], 'question' | 'decision'> & {
    question: null;
    decision:
      | (Omit<NonNullable<CaseDetail['escalations'][number]['decision']>, 'summary'> & { summary: null })
      | null;
  })[];
  readonly transitionRoutes: (
    | Exclude<TransitionRoute, VerlengdeJeugdhulpRoute>
    | (Omit<VerlengdeJeugdhulpRoute, 'otherLawsExplanation'> & { otherLawsExplanation: null })
  )[];
}

type VerlengdeJeugdhulpRoute = Extract<TransitionRoute, { route: 'verlengde-jeugdhulp' }>;

export type CaseDetailResponse =
  | (CaseDetail & { readonly view: 'full'; readonly now: string; readonly asOfPosition: number })
  | (ReducedCaseDetail & { readonly view: 'reduced'; readonly now: string; readonly asOfPosition: number });

/* ---- GET /cases ---- */

export interface ListCasesParams {
  readonly tables?: readonly string[];
  readonly statuses?: readonly ListedCaseStatus[];
  readonly types?: readonly CaseType[];
  readonly organisation?: string;
  readonly hasGap?: boolean;
  readonly overdue?: boolean;
  readonly escalated?: boolean;
  readonly text?: string;
  readonly sort: CaseSort;
  readonly cursor?: string;
  readonly limit: number;
  readonly minPosition?: number;
}

export class ListCasesQuery extends Query<CaseListResponse> {
  constructor(
    readonly principal: RequestPrincipal,
    readonly params: ListCasesParams,
  ) {
    super();
  }
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    private readonly gate: ReadModelGate,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async execute({ principal, params }: ListCasesQuery): Promise<CaseListResponse> {
    const access = accessFilterOf(principal);
    const view = caseViewOf(this.authenticator, principal);
    if (params.text !== undefined && view !== 'full') {
      // The summary is not part of the reduced view, so searching it is not either.
      throw new ProblemError(
        problem(403, {
          code: 'text-search-not-permitted',
          detail: 'Searching the summary needs the full case view (case.read-full).',
          errors: [{ field: 'q', messages: ['q needs the full case view'] }],
        }),
      );
    }
    const now = this.clock.now().toISOString();
    const { asOfPosition, result } = await this.gate.read(params.minPosition, (queries) =>
      queries.listCases(
        access,
        {
          tableId: params.tables,
          status: params.statuses,
          caseType: params.types,
          organisationId: params.organisation,
          hasGap: params.hasGap,
          overdue: params.overdue,
          escalated: params.escalated,
          text: params.text,
          now,
        },
        params.sort,
        params.cursor ?? null,
        params.limit,
      ),
    );
    return {
      view,
      now,
      asOfPosition,
      items: view === 'full' ? result.items : result.items.map((item) => ({ ...item, summary: null })),
      nextCursor: result.nextCursor,
    };
  }
}

/* ---- GET /cases/{caseId} ---- */

export class GetCaseQuery extends Query<CaseDetailResponse> {
  constructor(
    readonly caseId: string,
    readonly principal: RequestPrincipal,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly gate: ReadModelGate,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async execute({ caseId, principal, minPosition }: GetCaseQuery): Promise<CaseDetailResponse> {
    accessFilterOf(principal); // a role that reaches no cases is refused (403) before anything is read
    const view = caseViewOf(this.authenticator, principal);
    const now = this.clock.now().toISOString();
    const { asOfPosition, result: detail } = await this.gate.read(minPosition, (queries) => {
      const facts = queries.getCaseAccess(caseId);
      // Not visible is reported as absent, so that the case's existence does not leak.
      if (facts === null || !mayReadCase(principal, facts)) return null;
      return queries.getCase(caseId, { now });
    });
    if (detail === null) throw caseNotFound();
    return view === 'full'
      ? { ...detail, view, now, asOfPosition }
      : { ...reducedDetail(detail, principal.org), view, now, asOfPosition };
  }
}

/** See ReducedCaseDetail. */
export function reducedDetail(detail: CaseDetail, organisationId: string): ReducedCaseDetail {
  return {
    caseId: detail.caseId,
    streamId: detail.streamId,
    tableId: detail.tableId,
    caseType: detail.caseType,
    urgency: detail.urgency,
    status: detail.status,
    summary: null,
    subjectId: detail.subjectId,
    birthday18: detail.birthday18,
    registeredAt: detail.registeredAt,
    updatedAt: detail.updatedAt,
    firstDiscussedAt: detail.firstDiscussedAt,
    version: detail.version,
    lastPosition: detail.lastPosition,
    closure: detail.closure && { result: detail.closure.result, closedAt: detail.closure.closedAt },
    reopenCount: detail.reopenCount,
    partyOrganisationIds: detail.partyOrganisationIds,
    askedOrganisationIds: detail.askedOrganisationIds,
    parties: detail.parties,
    needs: detail.needs,
    sessions: detail.sessions,
    agreements: agreementsForOrganisation(detail.agreements, organisationId),
    actions: detail.actions.map((a) => ({
      actionId: a.actionId,
      sessionId: a.sessionId,
      description: a.ownerOrganisationId === organisationId ? a.description : null,
      ownerOrganisationId: a.ownerOrganisationId,
      dueDate: a.dueDate,
      done: a.done,
      assignedAt: a.assignedAt,
      completedAt: a.completedAt,
    })),
    deadlines: detail.deadlines,
    escalations: detail.escalations.map((e) => ({
      escalationId: e.escalationId,
      level: e.level,
      reason: e.reason,
      status: e.status,
      question: null,
      mandateHolder: e.mandateHolder,
      decisionOwner: e.decisionOwner,
      needIds: e.needIds,
      decisionDueOn: e.decisionDueOn,
      agreedDueDate: e.agreedDueDate,
      raisedFromEscalationId: e.raisedFromEscalationId,
      openedAt: e.openedAt,
      closedAt: e.closedAt,
      decision: e.decision && {
        decisionId: e.decision.decisionId,
        summary: null,
        evaluationDate: e.decision.evaluationDate,
        validUntil: e.decision.validUntil,
        decidedAt: e.decision.decidedAt,
        decidedByOrganisationId: e.decision.decidedByOrganisationId,
        assignments: e.decision.assignments,
      },
    })),
    offers: detail.offers,
    placements: detail.placements,
    statutoryApplications: detail.statutoryApplications,
    transitionRoutes: detail.transitionRoutes.map((r) =>
      r.route === 'verlengde-jeugdhulp'
        ? { route: r.route, needId: r.needId, condition: r.condition, otherLawsExplanation: null }
        : r,
    ),
  };
}

export const CASE_QUERY_HANDLERS = [ListCasesHandler, GetCaseHandler];
