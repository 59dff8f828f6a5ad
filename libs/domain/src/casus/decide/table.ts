import { actionDueDeadline } from '../../deadlines';
import { NEED_CATEGORIES } from '../../vocabulary';
import type { CompleteAction, PutOnAgenda, RecordDiscussion } from '../commands/table';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { isFinal } from '../holding';
import type { CaseState } from '../state';
import { JEUGDHULP_KADERS } from '../types';
import type { JeugdhulpKader } from '../types';
import { requireDate, requireId, requireOneOf, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import { requireAtTable, requireNewId, requireNotClosed, requireOpenNeed, requireUnique } from './guards';
import { own } from '../own';

export function putOnAgenda(command: PutOnAgenda, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const sessionId = requireId(command.data.sessionId, 'The session id');
  if (own(state.sessions, sessionId)) {
    refuse('session-already-on-agenda', `The case is already on the agenda of session ${sessionId}.`);
  }
  return [
    {
      type: 'casus.CasePutOnAgenda.v1',
      data: {
        caseId: state.caseId!,
        tableId: state.tableId!,
        sessionId,
        sessionDate: requireDate(command.data.sessionDate, 'The session date'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

function kader(value: JeugdhulpKader | undefined): JeugdhulpKader | null {
  return value === undefined ? null : requireOneOf(value, JEUGDHULP_KADERS, 'The jeugdhulp kader');
}

/** One event per fact the session recorded, in a fixed order: discussion, agreements, actions, needs. */
export function recordDiscussion(command: RecordDiscussion, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  const caseId = state.caseId!;
  const session = own(state.sessions, d.sessionId);
  if (!session) refuse('session-not-found', `The case is not on the agenda of session ${d.sessionId}.`);
  if (session.discussed)
    refuse('session-already-discussed', `Session ${d.sessionId} already recorded its discussion.`);
  const present = (d.presentOrganisationIds ?? []).map((id) => requireId(id, 'A present organisation'));
  if (present.length === 0)
    refuse('present-organisations-required', 'Record which organisations were present.');
  requireUnique(present, 'present organisation');

  const agreements = d.agreements ?? [];
  const actions = d.actions ?? [];
  const identified = d.needsIdentified ?? [];
  const changed = d.needsChanged ?? [];
  const ended = d.needsEnded ?? [];
  requireUnique(
    agreements.map((a) => a.agreementId),
    'agreement',
  );
  requireUnique(
    actions.map((a) => a.actionId),
    'action',
  );
  requireUnique(
    [...identified, ...changed, ...ended].map((n) => n.needId),
    'need',
  );

  const events: CaseEvent[] = [
    {
      type: 'casus.DiscussionRecorded.v1',
      data: { caseId, sessionId: d.sessionId, presentOrganisationIds: present, occurredAt: at },
    },
  ];
  for (const a of agreements) {
    const agreementId = requireId(a.agreementId, 'The agreement id');
    requireNewId(state.agreementIds.includes(agreementId), agreementId, 'agreement');
    const sharedWith = (a.sharedWithOrganisationIds ?? []).map((id) =>
      requireId(id, 'An organisation the agreement is shared with'),
    );
    requireUnique(sharedWith, 'organisation the agreement is shared with');
    events.push({
      type: 'casus.AgreementRecorded.v1',
      data: {
        caseId,
        sessionId: d.sessionId,
        agreementId,
        text: requireText(a.text, 'The agreement'),
        sharedWithOrganisationIds: sharedWith,
        occurredAt: at,
      },
    });
  }
  for (const a of actions) {
    const actionId = requireId(a.actionId, 'The action id');
    requireNewId(own(state.actions, actionId) !== undefined, actionId, 'action');
    const ownerOrganisationId = requireId(a.ownerOrganisationId, "The action's owner organisation");
    const dueDate = requireDate(a.dueDate, "The action's due date");
    underDeadlineRules(() => actionDueDeadline(actionId, at, dueDate, ownerOrganisationId));
    events.push({
      type: 'casus.ActionAssigned.v1',
      data: {
        caseId,
        sessionId: d.sessionId,
        actionId,
        description: requireText(a.description, 'The action'),
        ownerOrganisationId,
        dueDate,
        occurredAt: at,
      },
    });
  }
  for (const n of identified) {
    const needId = requireId(n.needId, 'The need id');
    if (state.needs.some((x) => x.needId === needId))
      refuse('need-already-exists', `The need ${needId} already exists.`);
    events.push({
      type: 'casus.NeedIdentified.v1',
      data: {
        caseId,
        sessionId: d.sessionId,
        needId,
        category: requireOneOf(n.category, NEED_CATEGORIES, 'The need category'),
        jeugdhulpKader: kader(n.jeugdhulpKader),
        occurredAt: at,
      },
    });
  }
  for (const n of changed) {
    requireOpenNeed(state, n.needId);
    events.push({
      type: 'casus.NeedChanged.v1',
      data: {
        caseId,
        sessionId: d.sessionId,
        needId: n.needId,
        category: requireOneOf(n.category, NEED_CATEGORIES, 'The need category'),
        jeugdhulpKader: kader(n.jeugdhulpKader),
        reason: requireText(n.reason, 'The reason for the change'),
        occurredAt: at,
      },
    });
  }
  for (const n of ended) {
    requireOpenNeed(state, n.needId);
    events.push(
      needEnded(state, n.needId, requireText(n.reason, 'The reason the need ends'), d.sessionId, at),
    );
  }
  return events;
}

/** Ending a need ends every responsibility for it that is still in play. */
function needEnded(
  state: CaseState,
  needId: string,
  reason: string,
  sessionId: string,
  at: string,
): CaseEvent {
  const provisional = state.responsibilities.find((r) => r.needId === needId && r.status === 'provisional');
  if (provisional) {
    refuse(
      'unsettled-provisional-financing',
      `The need ${needId} is financed provisionally (${provisional.responsibilityId}); settle it before ending the need.`,
    );
  }
  return {
    type: 'casus.NeedEnded.v1',
    data: {
      caseId: state.caseId!,
      sessionId,
      needId,
      reason,
      endedResponsibilityIds: state.responsibilities
        .filter((r) => r.needId === needId && !isFinal(r) && r.status !== 'rejected')
        .map((r) => r.responsibilityId),
      occurredAt: at,
    },
  };
}

export function completeAction(command: CompleteAction, state: CaseState): CaseEvent[] {
  requireNotClosed(state);
  const action = own(state.actions, command.data.actionId);
  if (!action) refuse('action-not-found', `The case has no action ${command.data.actionId}.`);
  if (action.done) refuse('action-already-done', `The action ${command.data.actionId} is already done.`);
  return [
    {
      type: 'casus.ActionCompleted.v1',
      data: { caseId: state.caseId!, actionId: command.data.actionId, occurredAt: command.metadata.now },
    },
  ];
}
