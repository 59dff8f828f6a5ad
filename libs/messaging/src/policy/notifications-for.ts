import {
  type CaseEvent,
  type CaseState,
  type DeadlineKind,
  effectiveDueAt,
  FINANCIER_KIND_BY_DOMAIN,
  type PartyRole,
  type StatutoryApplicationKind,
} from '@casusregie/domain';
import type { DeadlineWatchEvent } from './deadline-watch-events';
import { readEnvelope, type StoredCaseEventEnvelope } from './envelope';
import {
  type AskedAction,
  caseLink,
  type Notification,
  type NotificationKind,
  notificationIdOf,
} from './notification';

/** A notification before it gets its ids: for whom, what kind, what is asked, by when. */
interface Draft {
  readonly kind: NotificationKind;
  readonly recipient: string;
  readonly asked: AskedAction;
  readonly dueDate?: string | null;
}

/**
 * The notification policy: which organisations must hear of a case event, what they are asked and by when.
 *
 * Pure: no I/O, no clock. `stateBefore` is the case state before the event, `stateAfter` after it (see
 * `nextCaseState`). An event may give no notification at all. Each notification goes to one organisation; an
 * organisation gets at most one notification of a kind per event. Notifications carry no personal data and no
 * free text (see `Notification`). Throws `UnmappableEventError` for an envelope it cannot read.
 */
export function notificationsFor(
  event: StoredCaseEventEnvelope,
  stateBefore: CaseState,
  stateAfter: CaseState,
): Notification[] {
  const read = readEnvelope(event);
  return finalise(caseEventDrafts(read.event, stateBefore, stateAfter), event, read.event.data.caseId);
}

function finalise(
  drafts: readonly Draft[],
  envelope: StoredCaseEventEnvelope,
  caseId: string,
): Notification[] {
  const byKey = new Map<string, Draft>();
  for (const draft of drafts) {
    if (draft.recipient.length === 0) continue;
    const key = `${draft.recipient}\n${draft.kind}`;
    const earlier = byKey.get(key);
    // The first draft wins (rules list the strongest ask first); the earliest due date is kept.
    if (!earlier) byKey.set(key, draft);
    else if (draft.dueDate && (!earlier.dueDate || draft.dueDate < earlier.dueDate)) {
      byKey.set(key, { ...earlier, dueDate: draft.dueDate });
    }
  }
  return [...byKey.values()].map((d) => ({
    notificationId: notificationIdOf(envelope.eventId, d.recipient, d.kind),
    kind: d.kind,
    caseId,
    recipientOrganisationId: d.recipient,
    asked: d.asked,
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    link: caseLink(caseId),
    eventId: envelope.eventId,
    correlationId: envelope.metadata.correlationId,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Who is who in a case

function withRole(state: CaseState, role: PartyRole): string[] {
  return Object.values(state.parties)
    .filter((p) => p.roles.includes(role))
    .map((p) => p.party.organisationId);
}

/** The case's coordinators: the organisation holding procesregie. */
function regiehouders(state: CaseState): string[] {
  return withRole(state, 'regiehouder');
}

function financierOf(state: CaseState, responsibilityId: string): string | undefined {
  return state.responsibilities.find((r) => r.responsibilityId === responsibilityId)?.financierOrganisationId;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function drafts(
  recipients: readonly string[],
  kind: NotificationKind,
  asked: AskedAction,
  dueDate?: string | null,
): Draft[] {
  return unique(recipients).map((recipient) => ({ kind, recipient, asked, dueDate }));
}

function earliest(...dates: readonly (string | null | undefined)[]): string | null {
  const present = dates.filter((d): d is string => typeof d === 'string');
  return present.length === 0 ? null : present.reduce((a, b) => (b < a ? b : a));
}

// ---------------------------------------------------------------------------------------------------------------
// Domain events

function caseEventDrafts(event: CaseEvent, before: CaseState, after: CaseState): Draft[] {
  switch (event.type) {
    case 'casus.FinancierRequested.v1': {
      const e = event.data;
      return drafts(
        [e.financierOrganisationId],
        'responsibility-requested',
        'answer-responsibility-request',
        e.answerDueOn,
      );
    }

    case 'casus.ResponsibilityRejected.v2': {
      const e = event.data;
      const result = drafts(regiehouders(after), 'responsibility-rejected', 'propose-another-financier');
      if (e.referralLawDomain !== null) {
        // The rejecting financier points at another law domain: the case's organisations that finance it hear so.
        const kind = FINANCIER_KIND_BY_DOMAIN[e.referralLawDomain];
        if (kind !== 'overig') {
          const referred = Object.values(after.parties)
            .filter((p) => p.party.kind === kind && p.party.organisationId !== e.financierOrganisationId)
            .map((p) => p.party.organisationId);
          result.push(...drafts(referred, 'responsibility-referred', 'consider-referral'));
        }
      }
      return result;
    }

    case 'casus.CaseReferredAtTriage.v1': {
      const coordinators = regiehouders(after);
      const aanbrengers = withRole(after, 'aanbrenger').filter((id) => !coordinators.includes(id));
      return drafts(aanbrengers, 'case-referred-at-triage', 'take-note');
    }

    case 'casus.CaseEscalated.v1': {
      const e = event.data;
      const due = earliest(e.decisionDueOn, e.agreedDueDate);
      const owner = e.decisionOwner.organisationId;
      const atTheTable = [
        ...Object.keys(after.parties),
        e.mandateHolder.organisationId,
        ...e.disputedResponsibilityIds.map((id) => financierOf(after, id) ?? ''),
      ].filter((id) => id !== owner);
      return [
        ...drafts([owner], 'escalation-decision-requested', 'decide-escalation', due),
        ...drafts(atTheTable, 'case-escalated', 'take-part-in-escalation', due),
      ];
    }

    case 'casus.CaseDeescalated.v1': {
      const owner = before.escalations[event.data.escalationId]?.decisionOwner.organisationId;
      return owner ? drafts([owner], 'escalation-withdrawn', 'take-note') : [];
    }

    case 'casus.BreakthroughDecided.v1': {
      const e = event.data;
      const result: Draft[] = [];
      for (const a of e.assignments) {
        result.push(
          ...(a.provisional
            ? drafts([a.financierOrganisationId], 'provisional-financing-assigned', 'finance-provisionally')
            : drafts([a.financierOrganisationId], 'responsibility-assigned', 'hold-responsibility')),
        );
        if (a.deliveredByOrganisationId !== null) {
          result.push(...drafts([a.deliveredByOrganisationId], 'delivery-assigned', 'deliver-care'));
        }
      }
      const assigned = new Set(e.assignments.map((a) => a.financierOrganisationId));
      const superseded = e.assignments
        .flatMap((a) => a.supersededResponsibilityIds.map((id) => financierOf(before, id) ?? ''))
        .filter((id) => !assigned.has(id));
      result.push(...drafts(superseded, 'responsibility-superseded', 'take-note'));
      result.push(
        ...drafts(regiehouders(after), 'breakthrough-decided', 'evaluate-decision', e.evaluationDate),
      );
      return result;
    }

    case 'casus.ProvisionalFinancingSettled.v1': {
      const e = event.data;
      if (e.outcome === 'confirmed') {
        return drafts([e.financierOrganisationId], 'settlement-decided', 'hold-responsibility');
      }
      const provisional = financierOf(before, e.provisionalResponsibilityId);
      return [
        ...drafts([e.financierOrganisationId], 'settlement-decided', 'take-over-responsibility'),
        ...(provisional && provisional !== e.financierOrganisationId
          ? drafts([provisional], 'settlement-decided', 'settle-provisional-costs')
          : []),
      ];
    }

    case 'casus.OfferRequested.v1':
      return drafts([event.data.providerOrganisationId], 'offer-requested', 'answer-offer-request');
    case 'casus.OfferAccepted.v1':
      return drafts(regiehouders(after), 'offer-accepted', 'start-placement');
    case 'casus.OfferRefused.v1':
      return drafts(regiehouders(after), 'offer-refused', 'request-another-offer');

    case 'casus.ActionAssigned.v1': {
      const e = event.data;
      return drafts([e.ownerOrganisationId], 'action-assigned', 'complete-action', e.dueDate);
    }

    case 'casus.StatutoryApplicationSubmitted.v1': {
      const e = event.data;
      return drafts(
        [e.deciderOrganisationId],
        'statutory-application-submitted',
        ASKED_BY_APPLICATION_KIND[e.kind],
        e.decisionDueOn,
      );
    }

    case 'casus.EighteenthBirthdayPassed.v1': {
      const e = event.data;
      if (e.newGapNeedIds.length === 0) return [];
      const result = drafts(regiehouders(after), 'transition-birthday-gap', 'close-gap');
      for (const takeover of e.takeovers) {
        if (!e.newGapNeedIds.includes(takeover.needId)) continue;
        const successor = after.responsibilities.find(
          (r) => r.responsibilityId === takeover.responsibilityId,
        );
        if (!successor?.openRequestId) continue;
        const answer = after.deadlines[`liaison-answer:${successor.openRequestId}`];
        const due = answer && !answer.closedAt ? effectiveDueAt(answer, e.occurredAt) : null;
        result.push(
          ...drafts(
            [successor.financierOrganisationId],
            'transition-successor-answer-due',
            'answer-responsibility-request',
            due,
          ),
        );
      }
      return result;
    }

    case 'casus.DeadlineApproaching.v1':
    case 'casus.DeadlineMissed.v1':
      return deadlineWatchDrafts(event, before, after);

    default:
      return [];
  }
}

const ASKED_BY_APPLICATION_KIND: Readonly<Record<StatutoryApplicationKind, AskedAction>> = {
  'wmo-melding': 'complete-wmo-research',
  'wmo-aanvraag': 'decide-wmo-application',
  'ciz-aanvraag': 'decide-ciz-application',
};

// ---------------------------------------------------------------------------------------------------------------
// Deadline watcher events (a missed liaison answer reaches both sides: the financier asked and the coordinators)

/** What whoever must act on a deadline of this kind is asked to do. */
export const ASKED_BY_DEADLINE_KIND: Readonly<Record<DeadlineKind, AskedAction>> = {
  'discussion-after-registration': 'discuss-case',
  'liaison-answer': 'answer-responsibility-request',
  'escalation-decision': 'decide-escalation',
  'escalation-due': 'decide-escalation',
  'action-due': 'complete-action',
  'wmo-research': 'complete-wmo-research',
  'wmo-decision': 'decide-wmo-application',
  'ciz-decision': 'decide-ciz-application',
  'transition-plan-started': 'start-transition-plan',
  'transition-route-decided': 'decide-transition-routes',
  'transition-wmo-melding': 'submit-wmo-melding',
  'transition-ciz-aanvraag': 'submit-ciz-aanvraag',
  'transition-verlengde-jeugdhulp-decision': 'decide-verlengde-jeugdhulp',
};

function askedFor(deadlineKind: string): AskedAction {
  return Object.hasOwn(ASKED_BY_DEADLINE_KIND, deadlineKind)
    ? ASKED_BY_DEADLINE_KIND[deadlineKind as DeadlineKind]
    : 'meet-deadline';
}

/** The 18-/18+ milestones that have a notification kind of their own when they approach. */
const APPROACHING_KIND: Readonly<Record<string, NotificationKind>> = {
  'transition-plan-started': 'transition-plan-due',
  'transition-route-decided': 'transition-route-due',
};

function deadlineWatchDrafts(event: DeadlineWatchEvent, before: CaseState, after: CaseState): Draft[] {
  const e = event.data;
  // A deadline the case closed before the watcher's event was appended (answered, decided...) needs no one.
  const known = before.deadlines[e.deadlineId];
  if (known?.closedAt !== undefined) return [];
  const asked = askedFor(e.kind);
  if (event.type === 'casus.DeadlineApproaching.v1') {
    const kind = Object.hasOwn(APPROACHING_KIND, e.kind) ? APPROACHING_KIND[e.kind] : 'deadline-approaching';
    return drafts(e.responsibleOrganisationIds, kind, asked, e.dueOn);
  }
  // Missed: whoever had to act, and the coordinators, who follow up (and may escalate).
  return [
    ...drafts(e.responsibleOrganisationIds, 'deadline-missed', asked, e.dueOn),
    ...drafts(regiehouders(after), 'deadline-missed', 'follow-up-missed-deadline', e.dueOn),
  ];
}
