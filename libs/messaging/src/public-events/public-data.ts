import type {
  BreakthroughAssignment,
  CaseEvent,
  CaseEventType,
  Functionaris,
  TransitionRoute,
  WegwijzerAdvice,
} from '@casusregie/domain';
import type { DeadlineWatchData } from '../policy/deadline-watch-events';
import { publicDeadlineId } from './public-deadline-id';

/**
 * What the public form of a case event does with each field of its data:
 * - `keep`: copied as it is (ids, codes, closed vocabularies, dates, numbers, flags);
 * - `free-text`: removed; written by professionals (summary, reasons, questions, explanations, agreements, advice,
 *   notes, function titles), so it may hold personal data whatever the rules say;
 * - `personal`: removed; identifies or dates the person (the subject id, the date the client turns 18);
 * - a function: a structured value whose free-text parts are removed, or an id replaced by its public form (a
 *   deadline id becomes `publicDeadlineId(caseId, deadlineId)`: the service's deadline ids can carry the date the
 *   client turns 18). It gets the event's data for the case id.
 *
 * The rules are a record over every field of every event type, so the compiler refuses a new event type or a new
 * field until it is classified here.
 */
export type FieldRule<V> = 'keep' | 'free-text' | 'personal' | ((value: V, data: CaseData) => unknown);
export type PublicDataRule<D> = { readonly [K in keyof D]-?: FieldRule<D[K]> };

type DataOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>['data'];

/** What every case event's data has, and what the id rules need. */
interface CaseData {
  readonly caseId: string;
}

/** A deadline id in its public form. */
function opaqueDeadlineId(deadlineId: string, data: CaseData): string {
  return publicDeadlineId(data.caseId, deadlineId);
}

/** The milestones of a registration, each with its deadline id in its public form. */
function milestonesWithOpaqueIds(
  milestones: DataOf<'casus.CaseRegistered.v1'>['milestones'],
  data: CaseData,
): { deadlineId: string; kind: string; dueOn: string }[] {
  return milestones.map((m) => ({
    deadlineId: opaqueDeadlineId(m.deadlineId, data),
    kind: m.kind,
    dueOn: m.dueOn,
  }));
}

/** A functionaris without the function title (free text): the organisation only. */
function organisationOnly(f: Functionaris): { organisationId: string } {
  return { organisationId: f.organisationId };
}

function assignmentsWithoutText(assignments: readonly BreakthroughAssignment[]) {
  return assignments.map((a) => ({
    needId: a.needId,
    responsibilityId: a.responsibilityId,
    lawDomain: a.lawDomain,
    financierOrganisationId: a.financierOrganisationId,
    financierKind: a.financierKind,
    provisional: a.provisional,
    deliveredByOrganisationId: a.deliveredByOrganisationId,
    supersededResponsibilityIds: [...a.supersededResponsibilityIds],
  }));
}

/**
 * The wegwijzer advice without `evaluatedOn`: for a successor planned at 18 that date is the client's 18th
 * birthday, which dates the person. Consumers need the verdict and the rules, not the evaluation date.
 */
function adviceWithoutEvaluationDate(advice: WegwijzerAdvice): Omit<WegwijzerAdvice, 'evaluatedOn'> {
  const { evaluatedOn: _personal, ...rest } = advice;
  return rest;
}

function routesWithoutText(routes: readonly TransitionRoute[]) {
  return routes.map((r) => {
    switch (r.route) {
      case 'successor':
        return {
          route: r.route,
          needId: r.needId,
          lawDomain: r.lawDomain,
          financierOrganisationId: r.financierOrganisationId,
          responsibilityId: r.responsibilityId,
        };
      case 'verlengde-jeugdhulp':
        return { route: r.route, needId: r.needId, condition: r.condition };
      case 'ending':
        return { route: r.route, needId: r.needId };
    }
  });
}

/** Functions applied to nested values, by name, so docs/MESSAGES.md and the tests can list what they remove. */
export const NESTED_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  'casus.CaseEscalated.v1': ['mandateHolder.functionTitle', 'decisionOwner.functionTitle'],
  'casus.BreakthroughDecided.v1': ['assignments[].settlementAgreement'],
  'casus.TransitionPlanRecorded.v1': ['routes[].otherLawsExplanation', 'routes[].explanation'],
};

const DEADLINE_WATCH_RULE: PublicDataRule<DeadlineWatchData> = {
  caseId: 'keep',
  deadlineId: opaqueDeadlineId,
  kind: 'keep',
  dueOn: 'keep',
  responsibleOrganisationIds: 'keep',
  occurredAt: 'keep',
};

export const PUBLIC_DATA_RULES: {
  readonly [T in CaseEventType]: PublicDataRule<DataOf<T>>;
} = {
  'casus.CaseRegistered.v1': {
    caseId: 'keep',
    caseType: 'keep',
    urgency: 'keep',
    summary: 'free-text',
    subjectId: 'personal',
    tableId: 'keep',
    aanbrenger: 'keep',
    regiehouder: 'keep',
    birthday18: 'personal',
    serviceLevels: 'keep',
    discussionDueOn: 'keep',
    milestones: milestonesWithOpaqueIds,
    occurredAt: 'keep',
  },
  'casus.CaseAcceptedAtTriage.v1': { caseId: 'keep', tableId: 'keep', note: 'free-text', occurredAt: 'keep' },
  'casus.CaseReferredAtTriage.v1': {
    caseId: 'keep',
    reason: 'free-text',
    referredTo: 'free-text',
    occurredAt: 'keep',
  },
  'casus.PartyJoined.v1': { caseId: 'keep', party: 'keep', role: 'keep', occurredAt: 'keep' },
  'casus.CasePutOnAgenda.v1': {
    caseId: 'keep',
    tableId: 'keep',
    sessionId: 'keep',
    sessionDate: 'keep',
    occurredAt: 'keep',
  },
  'casus.DiscussionRecorded.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    presentOrganisationIds: 'keep',
    occurredAt: 'keep',
  },
  'casus.AgreementRecorded.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    agreementId: 'keep',
    text: 'free-text',
    sharedWithOrganisationIds: 'keep',
    occurredAt: 'keep',
  },
  'casus.ActionAssigned.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    actionId: 'keep',
    description: 'free-text',
    ownerOrganisationId: 'keep',
    dueDate: 'keep',
    occurredAt: 'keep',
  },
  'casus.ActionCompleted.v1': { caseId: 'keep', actionId: 'keep', occurredAt: 'keep' },
  'casus.NeedIdentified.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    needId: 'keep',
    category: 'keep',
    jeugdhulpKader: 'keep',
    occurredAt: 'keep',
  },
  'casus.NeedChanged.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    needId: 'keep',
    category: 'keep',
    jeugdhulpKader: 'keep',
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.NeedEnded.v1': {
    caseId: 'keep',
    sessionId: 'keep',
    needId: 'keep',
    reason: 'free-text',
    endedResponsibilityIds: 'keep',
    occurredAt: 'keep',
  },
  'casus.ResponsibilityProposed.v1': {
    caseId: 'keep',
    needId: 'keep',
    responsibilityId: 'keep',
    lawDomain: 'keep',
    financierOrganisationId: 'keep',
    financierKind: 'keep',
    basis: 'keep',
    takesEffect: 'keep',
    wegwijzer: adviceWithoutEvaluationDate,
    deviation: 'keep',
    deviationReason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.FinancierRequested.v1': {
    caseId: 'keep',
    needId: 'keep',
    responsibilityId: 'keep',
    requestId: 'keep',
    financierOrganisationId: 'keep',
    question: 'free-text',
    answerDueOn: 'keep',
    occurredAt: 'keep',
  },
  'casus.ResponsibilityAccepted.v1': {
    caseId: 'keep',
    needId: 'keep',
    responsibilityId: 'keep',
    requestId: 'keep',
    financierOrganisationId: 'keep',
    occurredAt: 'keep',
  },
  'casus.ResponsibilityRejected.v2': {
    caseId: 'keep',
    needId: 'keep',
    responsibilityId: 'keep',
    requestId: 'keep',
    financierOrganisationId: 'keep',
    reasonCode: 'keep',
    explanation: 'free-text',
    referralLawDomain: 'keep',
    occurredAt: 'keep',
  },
  'casus.ResponsibilityEnded.v1': {
    caseId: 'keep',
    needId: 'keep',
    responsibilityId: 'keep',
    wasHolding: 'keep',
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.CaseEscalated.v1': {
    caseId: 'keep',
    escalationId: 'keep',
    level: 'keep',
    reason: 'keep',
    question: 'free-text',
    mandateHolder: organisationOnly,
    decisionOwner: organisationOnly,
    decisionDueOn: 'keep',
    agreedDueDate: 'keep',
    needIds: 'keep',
    disputedResponsibilityIds: 'keep',
    raisedFromEscalationId: 'keep',
    occurredAt: 'keep',
  },
  'casus.CaseDeescalated.v1': {
    caseId: 'keep',
    escalationId: 'keep',
    level: 'keep',
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.AdviceRecorded.v1': {
    caseId: 'keep',
    escalationId: 'keep',
    adviceId: 'keep',
    advisorOrganisationId: 'keep',
    advice: 'free-text',
    occurredAt: 'keep',
  },
  'casus.BreakthroughDecided.v1': {
    caseId: 'keep',
    escalationId: 'keep',
    decisionId: 'keep',
    level: 'keep',
    decidedByOrganisationId: 'keep',
    summary: 'free-text',
    evaluationDate: 'keep',
    validUntil: 'keep',
    assignments: assignmentsWithoutText,
    occurredAt: 'keep',
  },
  'casus.ProvisionalFinancingSettled.v1': {
    caseId: 'keep',
    needId: 'keep',
    provisionalResponsibilityId: 'keep',
    definitiveResponsibilityId: 'keep',
    outcome: 'keep',
    lawDomain: 'keep',
    financierOrganisationId: 'keep',
    financierKind: 'keep',
    note: 'free-text',
    occurredAt: 'keep',
  },
  'casus.OfferRequested.v1': {
    caseId: 'keep',
    offerId: 'keep',
    needId: 'keep',
    providerOrganisationId: 'keep',
    question: 'free-text',
    occurredAt: 'keep',
  },
  'casus.OfferAccepted.v1': {
    caseId: 'keep',
    offerId: 'keep',
    needId: 'keep',
    providerOrganisationId: 'keep',
    occurredAt: 'keep',
  },
  'casus.OfferRefused.v1': {
    caseId: 'keep',
    offerId: 'keep',
    needId: 'keep',
    providerOrganisationId: 'keep',
    reasonCode: 'keep',
    explanation: 'free-text',
    occurredAt: 'keep',
  },
  'casus.PlacementStarted.v1': {
    caseId: 'keep',
    placementId: 'keep',
    offerId: 'keep',
    needId: 'keep',
    providerOrganisationId: 'keep',
    startDate: 'keep',
    occurredAt: 'keep',
  },
  'casus.PlacementEnded.v1': {
    caseId: 'keep',
    placementId: 'keep',
    needId: 'keep',
    endDate: 'keep',
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.TransitionPlanRecorded.v1': {
    caseId: 'keep',
    birthday18: 'personal',
    routes: routesWithoutText,
    withdrawnResponsibilityIds: 'keep',
    occurredAt: 'keep',
  },
  'casus.EighteenthBirthdayPassed.v1': {
    caseId: 'keep',
    birthday18: 'personal',
    endings: 'keep',
    takeovers: 'keep',
    continuations: 'keep',
    endedNeedIds: 'keep',
    newGapNeedIds: 'keep',
    occurredAt: 'keep',
  },
  'casus.StatutoryApplicationSubmitted.v1': {
    caseId: 'keep',
    applicationId: 'keep',
    kind: 'keep',
    needId: 'keep',
    deciderOrganisationId: 'keep',
    submittedOn: 'keep',
    urgent: 'keep',
    decisionDueOn: 'keep',
    occurredAt: 'keep',
  },
  'casus.StatutoryDecisionRecorded.v1': {
    caseId: 'keep',
    applicationId: 'keep',
    outcome: 'keep',
    decidedOn: 'keep',
    occurredAt: 'keep',
  },
  'casus.DeadlineSuspended.v1': {
    caseId: 'keep',
    deadlineId: opaqueDeadlineId,
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.DeadlineResumed.v1': { caseId: 'keep', deadlineId: opaqueDeadlineId, occurredAt: 'keep' },
  'casus.DeadlineExtended.v1': {
    caseId: 'keep',
    deadlineId: opaqueDeadlineId,
    reason: 'free-text',
    newDueDate: 'keep',
    occurredAt: 'keep',
  },
  'casus.DeadlineClosed.v1': {
    caseId: 'keep',
    deadlineId: opaqueDeadlineId,
    reason: 'free-text',
    occurredAt: 'keep',
  },
  'casus.CaseClosed.v1': { caseId: 'keep', result: 'keep', note: 'free-text', occurredAt: 'keep' },
  'casus.CaseReopened.v1': {
    caseId: 'keep',
    reason: 'free-text',
    discussionDeadlineId: opaqueDeadlineId,
    discussionDueOn: 'keep',
    occurredAt: 'keep',
  },
  'casus.DeadlineApproaching.v1': DEADLINE_WATCH_RULE,
  'casus.DeadlineMissed.v1': DEADLINE_WATCH_RULE,
  'casus.NotificationAcknowledged.v1': {
    caseId: 'keep',
    notificationId: 'keep',
    organisationId: 'keep',
    kind: 'keep',
    occurredAt: 'keep',
  },
};

/** The event types that have a public form: every current case event type. */
export const PUBLIC_CASE_EVENT_TYPES = Object.keys(PUBLIC_DATA_RULES) as readonly CaseEventType[];

/**
 * The data of an event without the fields its rule removes. Fields the rule does not know (an event written by a
 * newer version of the same type) are left out too: only classified fields are published.
 */
export function publicData(type: keyof typeof PUBLIC_DATA_RULES, data: object): Record<string, unknown> {
  const rule = PUBLIC_DATA_RULES[type] as Readonly<Record<string, FieldRule<unknown>>>;
  const source = data as Readonly<Record<string, unknown>>;
  const result: Record<string, unknown> = {};
  for (const [field, fieldRule] of Object.entries(rule)) {
    if (!Object.hasOwn(source, field)) continue;
    if (fieldRule === 'keep') result[field] = structuredClone(source[field]);
    else if (typeof fieldRule === 'function') result[field] = fieldRule(source[field], data as CaseData);
  }
  return result;
}

/** The fields a rule removes, for documentation and tests (top-level names, then nested paths). */
export function removedFields(type: keyof typeof PUBLIC_DATA_RULES): readonly string[] {
  const rule = PUBLIC_DATA_RULES[type] as Readonly<Record<string, FieldRule<unknown>>>;
  const top = Object.entries(rule)
    .filter(([, r]) => r === 'free-text' || r === 'personal')
    .map(([field]) => field);
  return [...top, ...(NESTED_FREE_TEXT[type] ?? [])];
}
