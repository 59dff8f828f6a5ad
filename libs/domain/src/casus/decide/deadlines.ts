import { close, extend, resume, suspend } from '../../deadlines';
import type { Deadline } from '../../deadlines';
import type { CloseDeadline, ExtendDeadline, ResumeDeadline, SuspendDeadline } from '../commands/deadlines';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import { requireDate, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import { requireNotClosed } from './guards';
import { own } from '../own';

function requireDeadline(state: CaseState, deadlineId: string): Deadline {
  requireNotClosed(state);
  const deadline = own(state.deadlines, deadlineId);
  if (!deadline) refuse('deadline-not-found', `The case has no deadline ${deadlineId}.`);
  return deadline;
}

/** Opschorten: the deadline library decides whether the clock can stop now (not closed, not missed, not stopped). */
export function suspendDeadline(command: SuspendDeadline, state: CaseState): CaseEvent[] {
  const d = command.data;
  const at = command.metadata.now;
  const deadline = requireDeadline(state, d.deadlineId);
  const reason = requireText(d.reason, 'The reason to suspend');
  underDeadlineRules(() => suspend(deadline, at, reason));
  return [
    {
      type: 'casus.DeadlineSuspended.v1',
      data: { caseId: state.caseId!, deadlineId: deadline.id, reason, occurredAt: at },
    },
  ];
}

export function resumeDeadline(command: ResumeDeadline, state: CaseState): CaseEvent[] {
  const at = command.metadata.now;
  const deadline = requireDeadline(state, command.data.deadlineId);
  underDeadlineRules(() => resume(deadline, at));
  return [
    {
      type: 'casus.DeadlineResumed.v1',
      data: { caseId: state.caseId!, deadlineId: deadline.id, occurredAt: at },
    },
  ];
}

/** Verlengen: once, to a later date, with a reason. */
export function extendDeadline(command: ExtendDeadline, state: CaseState): CaseEvent[] {
  const d = command.data;
  const at = command.metadata.now;
  const deadline = requireDeadline(state, d.deadlineId);
  const reason = requireText(d.reason, 'The reason to extend');
  const newDueDate = requireDate(d.newDueDate, 'The new due date');
  underDeadlineRules(() => extend(deadline, newDueDate, reason, at));
  return [
    {
      type: 'casus.DeadlineExtended.v1',
      data: { caseId: state.caseId!, deadlineId: deadline.id, reason, newDueDate, occurredAt: at },
    },
  ];
}

export function closeDeadline(command: CloseDeadline, state: CaseState): CaseEvent[] {
  const d = command.data;
  const at = command.metadata.now;
  const deadline = requireDeadline(state, d.deadlineId);
  const reason = requireText(d.reason, 'The reason the deadline does not apply');
  underDeadlineRules(() => close(deadline, at));
  return [
    {
      type: 'casus.DeadlineClosed.v1',
      data: { caseId: state.caseId!, deadlineId: deadline.id, reason, occurredAt: at },
    },
  ];
}
