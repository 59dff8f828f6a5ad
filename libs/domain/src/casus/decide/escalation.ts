import { escalationDecisionDeadline } from '../../deadlines';
import { ESCALATION_LEVELS, ESCALATION_REASONS } from '../../vocabulary';
import type { EscalationLevel } from '../../vocabulary';
import type { DeescalateCase, EscalateCase, RecordAdvice } from '../commands/escalation';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import type { Functionaris } from '../types';
import { toDutchDate } from '../time';
import { requireDate, requireId, requireOneOf, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import {
  requireAtTable,
  requireFunctionaris,
  requireNewId,
  requireOpenEscalation,
  requireOpenNeed,
  requireUnique,
} from './guards';
import { own } from '../own';

/** The ladder is climbed one level at a time: opschaaltafel, bestuurlijk overleg, Landelijk Maatwerkloket. */
function requireNextLevel(state: CaseState, level: EscalationLevel): string | null {
  const open = state.openEscalationId ? own(state.escalations, state.openEscalationId) : null;
  const current = open ? ESCALATION_LEVELS.indexOf(open.level) : -1;
  if (open && current === ESCALATION_LEVELS.length - 1) {
    refuse('highest-level-reached', 'The case is already at the Landelijk Maatwerkloket, the last level.');
  }
  const expected = ESCALATION_LEVELS[current + 1];
  if (level !== expected) {
    if (open && ESCALATION_LEVELS.indexOf(level) <= current) {
      refuse(
        'escalation-already-open',
        `The case is already escalated to ${open.level} (${open.escalationId}).`,
      );
    }
    refuse('escalation-level-skipped', `Escalate to ${expected} first; the ladder skips no level.`);
  }
  return open ? open.escalationId : null;
}

/** The decision on an escalation is due by the table's escalation service level (working days). */
export function decisionDueOn(
  state: CaseState,
  escalationId: string,
  decisionOwner: Functionaris,
  at: string,
): string {
  const decision = underDeadlineRules(() =>
    escalationDecisionDeadline(
      escalationId,
      at,
      [decisionOwner.organisationId],
      state.serviceLevels ?? undefined,
    ),
  );
  return decision.originalDueAt;
}

export function escalateCase(command: EscalateCase, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  if (!Object.values(state.sessions).some((s) => s.discussed)) {
    refuse('not-discussed-at-table', 'A case is escalated only after the maatwerktafel discussed it.');
  }
  const escalationId = requireId(d.escalationId, 'The escalation id');
  requireNewId(own(state.escalations, escalationId) !== undefined, escalationId, 'escalation');
  const level = requireOneOf(d.level, ESCALATION_LEVELS, 'The escalation level');
  const reason = requireOneOf(d.reason, ESCALATION_REASONS, 'The escalation reason');
  const question = requireText(d.question, 'The question to the escalation level');
  if (!d.decisionOwner) {
    refuse(
      'decision-owner-required',
      'An escalation needs a decision owner: without one it ends in advice only.',
    );
  }
  if (!d.mandateHolder)
    refuse('mandate-holder-required', 'An escalation needs a mandate holder (doorzettingsmacht).');
  const decisionOwner = requireFunctionaris(d.decisionOwner, 'decision owner');
  const mandateHolder = requireFunctionaris(d.mandateHolder, 'mandate holder');
  const raisedFromEscalationId = requireNextLevel(state, level);
  const inherited = raisedFromEscalationId ? state.escalations[raisedFromEscalationId].needIds : [];
  const needIds = d.needIds ?? inherited;
  requireUnique(needIds, 'need');
  needIds.forEach((id) => requireOpenNeed(state, id));
  if (reason === 'dispute-between-financiers' && needIds.length === 0) {
    refuse('dispute-needs-required', 'Name the needs the financiers dispute.');
  }
  const agreedDueDate = d.dueDate === undefined ? null : requireDate(d.dueDate, 'The due date');
  if (agreedDueDate !== null && agreedDueDate < toDutchDate(at)) {
    refuse('due-date-in-past', `The due date ${agreedDueDate} has already passed.`);
  }
  const disputedResponsibilityIds =
    reason === 'dispute-between-financiers'
      ? state.responsibilities
          .filter(
            (r) =>
              needIds.includes(r.needId) &&
              r.takesEffect === 'immediately' &&
              (r.status === 'proposed' || r.status === 'requested' || r.status === 'rejected'),
          )
          .map((r) => r.responsibilityId)
      : [];
  return [
    {
      type: 'casus.CaseEscalated.v1',
      data: {
        caseId: state.caseId!,
        escalationId,
        level,
        reason,
        question,
        mandateHolder,
        decisionOwner,
        decisionDueOn: decisionDueOn(state, escalationId, decisionOwner, at),
        agreedDueDate,
        needIds,
        disputedResponsibilityIds,
        raisedFromEscalationId,
        occurredAt: at,
      },
    },
  ];
}

export function deescalateCase(command: DeescalateCase, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const escalation = requireOpenEscalation(state, command.data.escalationId);
  return [
    {
      type: 'casus.CaseDeescalated.v1',
      data: {
        caseId: state.caseId!,
        escalationId: escalation.escalationId,
        level: escalation.level,
        reason: requireText(command.data.reason, 'The reason to de-escalate'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

/** Advice is recorded, but decides nothing: the escalation stays open until its decision owner decides. */
export function recordAdvice(command: RecordAdvice, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const escalation = requireOpenEscalation(state, d.escalationId);
  const adviceId = requireId(d.adviceId, 'The advice id');
  requireNewId(state.adviceIds.includes(adviceId), adviceId, 'advice');
  return [
    {
      type: 'casus.AdviceRecorded.v1',
      data: {
        caseId: state.caseId!,
        escalationId: escalation.escalationId,
        adviceId,
        advisorOrganisationId: requireId(d.advisorOrganisationId, 'The advising organisation'),
        advice: requireText(d.advice, 'The advice'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}
