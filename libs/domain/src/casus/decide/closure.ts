import { createDeadline } from '../../deadlines';
import type { CloseCase, ReopenCase } from '../commands/closure';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { CASE_RESULTS } from '../events/closure';
import type { CaseState } from '../state';
import { optionalText, requireOneOf, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import { requireNotClosed, requireRegistered } from './guards';

export function closeCase(command: CloseCase, state: CaseState): CaseEvent[] {
  requireNotClosed(state);
  if (state.openEscalationId) {
    refuse(
      'open-escalation-blocks-closure',
      `Escalation ${state.openEscalationId} is open: decide or de-escalate it first.`,
    );
  }
  const provisional = state.responsibilities.find((r) => r.status === 'provisional');
  if (provisional) {
    refuse(
      'unsettled-provisional-financing',
      `${provisional.responsibilityId} is still financed provisionally: settle it (verrekening) before closing.`,
    );
  }
  return [
    {
      type: 'casus.CaseClosed.v1',
      data: {
        caseId: state.caseId!,
        result: requireOneOf(command.data.result, CASE_RESULTS, 'The result'),
        note: optionalText(command.data.note, 'The closing note'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

/** Back to the maatwerktafel with a new discussion deadline. */
export function reopenCase(command: ReopenCase, state: CaseState): CaseEvent[] {
  requireRegistered(state);
  if (state.status !== 'closed') refuse('case-not-closed', 'Only a closed case can be reopened.');
  const at = command.metadata.now;
  const regiehouder = Object.values(state.parties).find((p) => p.roles.includes('regiehouder'));
  const deadline = underDeadlineRules(() =>
    createDeadline({
      kind: 'discussion-after-registration',
      key: `${state.caseId}:reopen-${state.reopenCount + 1}`,
      startedAt: at,
      responsibleOrganisationIds: [regiehouder!.party.organisationId],
      levels: state.serviceLevels ?? undefined,
    }),
  );
  return [
    {
      type: 'casus.CaseReopened.v1',
      data: {
        caseId: state.caseId!,
        reason: requireText(command.data.reason, 'The reason to reopen'),
        discussionDeadlineId: deadline.id,
        discussionDueOn: deadline.originalDueAt,
        occurredAt: at,
      },
    },
  ];
}
