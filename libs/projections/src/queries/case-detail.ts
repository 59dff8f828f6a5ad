import {
  type CaseResult,
  type CaseStatus,
  type CaseType,
  type Deadline,
  type DeadlineRef,
  type EscalationRecord,
  type OrganisationKind,
  type PartyRole,
  type PlacementRecord,
  type ResponsibilityState,
  type TransitionRoute,
  type Urgency,
  deadlineState,
  effectiveDueAt,
  isHolding,
} from '@casusregie/domain';
import type { CaseDocument, EventMark } from '../cases/case-document';

export interface ResponsibilityDetail {
  readonly responsibilityId: string;
  readonly lawDomain: ResponsibilityState['lawDomain'];
  readonly financierOrganisationId: string;
  readonly financierKind: OrganisationKind;
  readonly status: ResponsibilityState['status'];
  readonly basis: ResponsibilityState['basis'];
  readonly takesEffect: ResponsibilityState['takesEffect'];
  /** Accepted or provisional, and in effect. */
  readonly holding: boolean;
  readonly openRequestId: string | null;
  readonly endedOn: string | null;
  /** The last event that changed its status, domain, financier, basis or effect. */
  readonly setBy: EventMark | null;
}

export interface NeedDetail {
  readonly needId: string;
  readonly category: string;
  readonly jeugdhulpKader: string | null;
  readonly status: 'open' | 'ended';
  /** The holder; without one the most recently changed responsibility in play; else the last changed; or null. */
  readonly current: ResponsibilityDetail | null;
  /** All responsibilities for the need, in order of creation. */
  readonly responsibilities: ResponsibilityDetail[];
  /** Open and without holder: since the event that left it so. */
  readonly gap: EventMark | null;
}

export interface DeadlineDetail {
  readonly deadlineId: string;
  readonly kind: Deadline['kind'];
  readonly basis: Deadline['basis'];
  readonly startedAt: string;
  readonly originalDueOn: string;
  /** Moved by suspensions and an extension, as seen at `now` (or as recorded, without `now`). */
  readonly effectiveDueOn: string;
  readonly suspended: boolean;
  readonly extendedTo: string | null;
  /** Missed at `now`; null without `now`. */
  readonly missed: boolean | null;
  readonly responsibleOrganisationIds: readonly string[];
  readonly ref: DeadlineRef | null;
}

export interface EscalationDetail {
  readonly escalationId: string;
  readonly level: EscalationRecord['level'];
  readonly reason: EscalationRecord['reason'];
  readonly status: EscalationRecord['status'];
  readonly question: string | null;
  readonly mandateHolder: EscalationRecord['mandateHolder'];
  readonly decisionOwner: EscalationRecord['decisionOwner'];
  readonly needIds: readonly string[];
  readonly decisionDueOn: string | null;
  readonly agreedDueDate: string | null;
  readonly raisedFromEscalationId: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly decision: CaseDocument['escalations'][string]['decision'];
}

export interface OfferDetail {
  readonly offerId: string;
  readonly needId: string;
  readonly providerOrganisationId: string;
  readonly status: 'requested' | 'accepted' | 'refused' | 'placed';
  readonly refusalReason: string | null;
  readonly requestedAt: string | null;
  readonly answeredAt: string | null;
}

/** An agreement made at the table, and whose liaisons may read its text. */
export interface AgreementDetail {
  readonly agreementId: string;
  readonly sessionId: string;
  readonly text: string;
  readonly recordedAt: string;
  /** The organisations the table shared the text with; empty when shared with none. */
  readonly sharedWithOrganisationIds: readonly string[];
}

/** An agreement as a liaison sees it: the text only when it was shared with the liaison's organisation. */
export interface AgreementForOrganisation {
  readonly agreementId: string;
  readonly sessionId: string;
  readonly recordedAt: string;
  readonly text: string | null;
}

/** What the access policy needs to know about a case (see libs/security CaseAccessFacts). */
export interface CaseAccessFacts {
  readonly caseId: string;
  readonly tableId: string;
  readonly partyOrganisationIds: readonly string[];
  readonly askedOrganisationIds: readonly string[];
}

export interface CaseDetail extends CaseAccessFacts {
  readonly streamId: string;
  readonly caseType: CaseType;
  readonly urgency: Urgency;
  readonly status: Exclude<CaseStatus, 'none'>;
  readonly summary: string;
  /** Opaque id of the client; personal data lives elsewhere, encrypted. */
  readonly subjectId: string;
  readonly birthday18: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly firstDiscussedAt: string | null;
  /** The number of events in the case stream: send it as If-Match. */
  readonly version: number;
  /** Global position of the case's last event. */
  readonly lastPosition: number;
  readonly closure: { readonly result: CaseResult; readonly closedAt: string } | null;
  readonly reopenCount: number;
  readonly parties: {
    readonly organisationId: string;
    readonly kind: OrganisationKind;
    readonly code: string;
    readonly roles: readonly PartyRole[];
  }[];
  readonly needs: NeedDetail[];
  readonly sessions: {
    readonly sessionId: string;
    readonly sessionDate: string;
    readonly discussed: boolean;
  }[];
  readonly agreements: AgreementDetail[];
  readonly actions: {
    readonly actionId: string;
    readonly sessionId: string | null;
    readonly description: string | null;
    readonly ownerOrganisationId: string;
    readonly dueDate: string | null;
    readonly done: boolean;
    readonly assignedAt: string | null;
    readonly completedAt: string | null;
  }[];
  /** Deadlines that are not closed. */
  readonly deadlines: DeadlineDetail[];
  readonly escalations: EscalationDetail[];
  readonly offers: OfferDetail[];
  readonly placements: PlacementRecord[];
  readonly statutoryApplications: {
    readonly applicationId: string;
    readonly kind: string;
    readonly decided: boolean;
  }[];
  readonly transitionRoutes: TransitionRoute[];
}

const OUT_OF_PLAY = new Set(['rejected', 'transferred', 'ended']);

function latest(entries: readonly ResponsibilityDetail[]): ResponsibilityDetail | null {
  let best: ResponsibilityDetail | null = null;
  for (const e of entries) {
    if (best === null || (e.setBy?.position ?? 0) >= (best.setBy?.position ?? 0)) best = e;
  }
  return best;
}

export function caseDetailOf(doc: CaseDocument, now?: string): CaseDetail {
  const { state } = doc;
  const responsibility = (r: ResponsibilityState): ResponsibilityDetail => ({
    responsibilityId: r.responsibilityId,
    lawDomain: r.lawDomain,
    financierOrganisationId: r.financierOrganisationId,
    financierKind: r.financierKind,
    status: r.status,
    basis: r.basis,
    takesEffect: r.takesEffect,
    holding: isHolding(r),
    openRequestId: r.openRequestId,
    endedOn: r.endedOn,
    setBy: doc.responsibilitySetBy[r.responsibilityId] ?? null,
  });
  const needs = state.needs.map((need): NeedDetail => {
    const responsibilities = state.responsibilities
      .filter((r) => r.needId === need.needId)
      .map(responsibility);
    const current =
      responsibilities.find((r) => r.holding) ??
      latest(responsibilities.filter((r) => !OUT_OF_PLAY.has(r.status))) ??
      latest(responsibilities);
    return {
      needId: need.needId,
      category: need.category,
      jeugdhulpKader: need.jeugdhulpKader,
      status: need.status,
      current,
      responsibilities,
      gap: doc.gapSince[need.needId] ?? null,
    };
  });
  const parties = Object.values(state.parties).map((p) => ({ ...p.party, roles: p.roles }));
  return {
    caseId: doc.caseId,
    streamId: doc.streamId,
    tableId: state.tableId!,
    caseType: state.caseType!,
    urgency: state.urgency!,
    status: state.status as Exclude<CaseStatus, 'none'>,
    summary: doc.summary,
    subjectId: state.subjectId!,
    birthday18: state.birthday18,
    registeredAt: doc.registeredAt,
    updatedAt: doc.updatedAt,
    firstDiscussedAt: doc.firstDiscussedAt,
    version: doc.version,
    lastPosition: doc.lastPosition,
    closure: state.closure,
    reopenCount: state.reopenCount,
    partyOrganisationIds: parties.map((p) => p.organisationId),
    askedOrganisationIds: [...doc.askedOrganisationIds],
    parties,
    needs,
    sessions: Object.entries(state.sessions).map(([sessionId, s]) => ({ sessionId, ...s })),
    agreements: doc.agreements.map((a) => ({
      agreementId: a.agreementId,
      sessionId: a.sessionId,
      text: a.text,
      recordedAt: a.recordedAt,
      sharedWithOrganisationIds: a.sharedWithOrganisationIds ?? [],
    })),
    actions: Object.entries(state.actions).map(([actionId, a]) => {
      const entry = doc.actions[actionId];
      return {
        actionId,
        sessionId: entry?.sessionId ?? null,
        description: entry?.description ?? null,
        ownerOrganisationId: a.ownerOrganisationId,
        dueDate: entry?.dueDate ?? null,
        done: a.done,
        assignedAt: entry?.assignedAt ?? null,
        completedAt: entry?.completedAt ?? null,
      };
    }),
    deadlines: Object.values(state.deadlines)
      .filter((d) => d.closedAt === undefined)
      .map((d) => deadlineDetail(d, now)),
    escalations: Object.values(state.escalations).map((e) => {
      const entry = doc.escalations[e.escalationId];
      return {
        escalationId: e.escalationId,
        level: e.level,
        reason: e.reason,
        status: e.status,
        question: entry?.question ?? null,
        mandateHolder: e.mandateHolder,
        decisionOwner: e.decisionOwner,
        needIds: e.needIds,
        decisionDueOn: entry?.decisionDueOn ?? null,
        agreedDueDate: entry?.agreedDueDate ?? null,
        raisedFromEscalationId: entry?.raisedFromEscalationId ?? null,
        openedAt: entry?.openedAt ?? null,
        closedAt: entry?.closedAt ?? null,
        decision: entry?.decision ?? null,
      };
    }),
    offers: Object.values(state.offers).map((o) => {
      const entry = doc.offers[o.offerId];
      return {
        ...o,
        refusalReason: entry?.refusalReason ?? null,
        requestedAt: entry?.requestedAt ?? null,
        answeredAt: entry?.answeredAt ?? null,
      };
    }),
    placements: Object.values(state.placements),
    statutoryApplications: Object.entries(state.applications).map(([applicationId, a]) => ({
      applicationId,
      ...a,
    })),
    transitionRoutes: Object.values(state.transitionRoutes),
  };
}

/**
 * The agreements as the organisation's liaison sees them: every agreement (that it was made is a structured fact),
 * with its text only when the table shared it with that organisation. Which other organisations got the text is
 * not shown.
 */
export function agreementsForOrganisation(
  agreements: readonly AgreementDetail[],
  organisationId: string,
): AgreementForOrganisation[] {
  return agreements.map((a) => ({
    agreementId: a.agreementId,
    sessionId: a.sessionId,
    recordedAt: a.recordedAt,
    text: a.sharedWithOrganisationIds.includes(organisationId) ? a.text : null,
  }));
}

function deadlineDetail(d: Deadline, now: string | undefined): DeadlineDetail {
  const last = d.suspensions[d.suspensions.length - 1];
  return {
    deadlineId: d.id,
    kind: d.kind,
    basis: d.basis,
    startedAt: d.startedAt,
    originalDueOn: d.originalDueAt,
    effectiveDueOn: effectiveDueAt(d, now),
    suspended: last !== undefined && last.until === undefined,
    extendedTo: d.extension?.newDueAt ?? null,
    missed: now === undefined ? null : deadlineState(d, now, 0) === 'missed',
    responsibleOrganisationIds: d.responsibleOrganisationIds,
    ref: d.ref ?? null,
  };
}
