import {
  actionDueDeadline,
  close,
  createDeadline,
  discussionAfterRegistrationDeadline,
  escalationDecisionDeadline,
  escalationDueDeadline,
  extend,
  liaisonAnswerDeadline,
  resume,
  suspend,
  transitionMilestones,
} from '../../deadlines';
import type { Deadline, StatutoryKind } from '../../deadlines';
import type { CaseEvent } from '../events';
import type { StatutoryApplicationKind } from '../events/statutory';
import { isActive } from '../holding';
import type { CaseState } from '../state';

export const STATUTORY_DEADLINE_KIND: Readonly<Record<StatutoryApplicationKind, StatutoryKind>> = {
  'wmo-melding': 'wmo-research',
  'wmo-aanvraag': 'wmo-decision',
  'ciz-aanvraag': 'ciz-decision',
};

/**
 * The deadlines of a case follow from its events. This runs after the facts of an event are applied: it opens the
 * deadlines the event starts (with the due date recorded in the event), applies suspensions and extensions, and
 * closes every deadline whose subject is settled (an answered request, a decided escalation...).
 */
export function evolveDeadlines(after: CaseState, event: CaseEvent): CaseState {
  const opened = openDeadlines(after, event);
  const changed = changeDeadlines(opened, event);
  return { ...after, deadlines: closeSettled(changed, after, event) };
}

type Deadlines = Readonly<Record<string, Deadline>>;

function withDue(deadline: Deadline, dueOn: string): Deadline {
  return { ...deadline, originalDueAt: dueOn };
}

function add(deadlines: Deadlines, ...added: Deadline[]): Deadlines {
  const next = { ...deadlines };
  for (const d of added) next[d.id] = d;
  return next;
}

function openDeadlines(state: CaseState, event: CaseEvent): Deadlines {
  const levels = state.serviceLevels ?? undefined;
  switch (event.type) {
    case 'casus.CaseRegistered.v1': {
      const e = event.data;
      const responsible = [e.regiehouder.organisationId];
      const discussion = discussionAfterRegistrationDeadline(
        e.caseId,
        e.occurredAt,
        responsible,
        e.serviceLevels,
      );
      const recordedMilestones = new Map(e.milestones.map((m) => [m.deadlineId, m.dueOn]));
      const milestones = e.birthday18
        ? transitionMilestones(e.birthday18, responsible, { startedAt: e.occurredAt }).map((m) =>
            withDue(m, recordedMilestones.get(m.id) ?? m.originalDueAt),
          )
        : [];
      return add(state.deadlines, withDue(discussion, e.discussionDueOn), ...milestones);
    }
    case 'casus.CaseReopened.v1': {
      const e = event.data;
      const regiehouder = Object.values(state.parties).find((p) => p.roles.includes('regiehouder'));
      const discussion = createDeadline({
        kind: 'discussion-after-registration',
        key: e.discussionDeadlineId.slice('discussion-after-registration:'.length),
        startedAt: e.occurredAt,
        responsibleOrganisationIds: [regiehouder?.party.organisationId ?? e.caseId],
        levels,
      });
      return add(state.deadlines, withDue(discussion, e.discussionDueOn));
    }
    case 'casus.ActionAssigned.v1': {
      const e = event.data;
      return add(
        state.deadlines,
        actionDueDeadline(e.actionId, e.occurredAt, e.dueDate, e.ownerOrganisationId),
      );
    }
    case 'casus.FinancierRequested.v1': {
      const e = event.data;
      const answer = liaisonAnswerDeadline(
        e.requestId,
        e.occurredAt,
        e.financierOrganisationId,
        levels,
        e.needId,
      );
      return add(state.deadlines, withDue(answer, e.answerDueOn));
    }
    case 'casus.CaseEscalated.v1': {
      const e = event.data;
      const owner = [e.decisionOwner.organisationId];
      const decision = withDue(
        escalationDecisionDeadline(e.escalationId, e.occurredAt, owner, levels),
        e.decisionDueOn,
      );
      const agreed = e.agreedDueDate
        ? [escalationDueDeadline(e.escalationId, e.occurredAt, e.agreedDueDate, owner)]
        : [];
      return add(state.deadlines, decision, ...agreed);
    }
    case 'casus.StatutoryApplicationSubmitted.v1': {
      const e = event.data;
      const kind = STATUTORY_DEADLINE_KIND[e.kind];
      const base = {
        key: e.applicationId,
        startedAt: e.submittedOn,
        responsibleOrganisationIds: [e.deciderOrganisationId],
        ...(e.needId ? { ref: { needId: e.needId } } : {}),
      };
      const deadline =
        kind === 'ciz-decision'
          ? createDeadline({ ...base, kind, urgent: e.urgent })
          : createDeadline({ ...base, kind });
      return add(state.deadlines, withDue(deadline, e.decisionDueOn));
    }
    default:
      return state.deadlines;
  }
}

function changeDeadlines(deadlines: Deadlines, event: CaseEvent): Deadlines {
  switch (event.type) {
    case 'casus.DeadlineSuspended.v1': {
      const { deadlineId, occurredAt, reason } = event.data;
      return add(deadlines, suspend(deadlines[deadlineId], occurredAt, reason));
    }
    case 'casus.DeadlineResumed.v1': {
      const { deadlineId, occurredAt } = event.data;
      return add(deadlines, resume(deadlines[deadlineId], occurredAt));
    }
    case 'casus.DeadlineExtended.v1': {
      const { deadlineId, newDueDate, reason, occurredAt } = event.data;
      return add(deadlines, extend(deadlines[deadlineId], newDueDate, reason, occurredAt));
    }
    case 'casus.DeadlineClosed.v1':
      return closeWhere(deadlines, event.data.occurredAt, (d) => d.id === event.data.deadlineId);
    default:
      return deadlines;
  }
}

/** Closes the deadlines whose subject the event settled. Reconciled against the state, so no event is missed. */
function closeSettled(deadlines: Deadlines, state: CaseState, event: CaseEvent): Deadlines {
  const at = event.data.occurredAt;
  if (event.type === 'casus.CaseClosed.v1') return closeWhere(deadlines, at, () => true);

  const openRequests = new Set(
    state.responsibilities.map((r) => r.openRequestId).filter((id) => id !== null),
  );
  const routesComplete = event.type === 'casus.TransitionPlanRecorded.v1' && everyNeedHasRoute(state);
  const submitted = new Set(
    event.type === 'casus.StatutoryApplicationSubmitted.v1' ? [`transition-${event.data.kind}`] : [],
  );

  return closeWhere(deadlines, at, (d) => {
    const ref = d.ref ?? {};
    switch (d.kind) {
      case 'discussion-after-registration':
        return state.status === 'referred' || event.type === 'casus.DiscussionRecorded.v1';
      case 'liaison-answer':
        return ref.requestId !== undefined && !openRequests.has(ref.requestId);
      case 'escalation-decision':
      case 'escalation-due':
        return ref.escalationId !== undefined && state.escalations[ref.escalationId]?.status !== 'open';
      case 'action-due':
        return ref.actionId !== undefined && state.actions[ref.actionId]?.done === true;
      case 'ciz-decision':
      case 'wmo-research':
      case 'wmo-decision':
        return state.applications[d.id.slice(d.kind.length + 1)]?.decided === true;
      case 'transition-plan-started':
        return event.type === 'casus.TransitionPlanRecorded.v1' || state.birthdayPassed;
      case 'transition-route-decided':
      case 'transition-verlengde-jeugdhulp-decision':
        return routesComplete || state.birthdayPassed;
      case 'transition-wmo-melding':
        return submitted.has('transition-wmo-melding') || state.birthdayPassed;
      case 'transition-ciz-aanvraag':
        return submitted.has('transition-ciz-aanvraag') || state.birthdayPassed;
    }
  });
}

/** Every open need that the Jeugdwet currently covers, and that does not continue by law, has a route after 18. */
function everyNeedHasRoute(state: CaseState): boolean {
  return state.needs
    .filter((n) => n.status === 'open' && n.jeugdhulpKader === null)
    .filter((n) =>
      state.responsibilities.some(
        (r) =>
          r.needId === n.needId &&
          r.lawDomain === 'Jeugdwet' &&
          r.takesEffect === 'immediately' &&
          isActive(r),
      ),
    )
    .every((n) => state.transitionRoutes[n.needId] !== undefined);
}

function closeWhere(deadlines: Deadlines, at: string, shouldClose: (d: Deadline) => boolean): Deadlines {
  let next: Record<string, Deadline> | null = null;
  for (const d of Object.values(deadlines)) {
    if (d.closedAt !== undefined || !shouldClose(d)) continue;
    next ??= { ...deadlines };
    next[d.id] = closeSafely(d, at);
  }
  return next ?? deadlines;
}

/**
 * Closing never fails on replay: should the closing moment lie before a recorded change of the deadline (command
 * clocks are not strictly ordered), the deadline is closed as recorded, without the chronology check.
 */
function closeSafely(d: Deadline, at: string): Deadline {
  try {
    return close(d, at);
  } catch {
    const last = d.suspensions.at(-1);
    const suspensions =
      last && last.until === undefined
        ? [...d.suspensions.slice(0, -1), { ...last, until: at }]
        : d.suspensions;
    return { ...d, suspensions, closedAt: at };
  }
}
