import type { Deadline } from '../../deadlines';
import type { AutoEscalationConfig } from '../commands/deadlines';
import { refuse } from '../errors';
import type { CaseEscalated } from '../events/escalation';
import { own } from '../own';
import type { CaseState } from '../state';
import { decisionDueOn } from './escalation';
import { requireFunctionaris } from './guards';

/** The table's configuration for automatic escalation, checked like the functionaries of EscalateCase. */
export function requireAutoEscalation(config: AutoEscalationConfig): AutoEscalationConfig {
  if (typeof config !== 'object') refuse('invalid-value', 'The automatic escalation must be an object.');
  if (!config.decisionOwner) {
    refuse('decision-owner-required', 'An automatic escalation needs a decision owner from the table.');
  }
  if (!config.mandateHolder) {
    refuse('mandate-holder-required', 'An automatic escalation needs a mandate holder from the table.');
  }
  return {
    mandateHolder: requireFunctionaris(config.mandateHolder, 'mandate holder'),
    decisionOwner: requireFunctionaris(config.decisionOwner, 'decision owner'),
  };
}

/** `auto-escalation-<n>`: deterministic for a state, so two watchers deciding on the same version agree. */
function autoEscalationId(state: CaseState): string {
  let n = Object.keys(state.escalations).length + 1;
  while (own(state.escalations, `auto-escalation-${n}`) !== undefined) n++;
  return `auto-escalation-${n}`;
}

const LISTED_REQUESTS = 10;

function question(missed: readonly Deadline[]): string {
  const requests = missed.map((d) => d.ref?.requestId ?? d.id);
  const listed = requests.slice(0, LISTED_REQUESTS).join(', ');
  const more = requests.length > LISTED_REQUESTS ? ` and ${requests.length - LISTED_REQUESTS} more` : '';
  return (
    `Automatic escalation: no answer in time to responsibility request ${listed}${more}; ` +
    'the table escalates a missed answer to the opschaaltafel.'
  );
}

/**
 * Automatic escalation of missed liaison answers, "where configured": when the table's configuration is given, the
 * case is at the table and was discussed there, and no escalation is open (the case is not already at the
 * opschaaltafel or beyond), the case escalates to the opschaaltafel with reason `deadline-missed`, about the needs of
 * the unanswered requests, carried by the table's configured mandate holder and decision owner.
 */
export function autoEscalationOnMissedAnswers(
  state: CaseState,
  missedAnswers: readonly Deadline[],
  config: AutoEscalationConfig | null,
  at: string,
): CaseEscalated[] {
  if (config === null || missedAnswers.length === 0) return [];
  if (state.status !== 'accepted' || state.openEscalationId !== null) return [];
  if (!Object.values(state.sessions).some((s) => s.discussed)) return [];
  const openNeeds = new Set(state.needs.filter((n) => n.status === 'open').map((n) => n.needId));
  const needIds = [
    ...new Set(missedAnswers.map((d) => d.ref?.needId).filter((id) => id !== undefined && openNeeds.has(id))),
  ] as string[];
  const escalationId = autoEscalationId(state);
  return [
    {
      type: 'casus.CaseEscalated.v1',
      data: {
        caseId: state.caseId!,
        escalationId,
        level: 'opschaaltafel',
        reason: 'deadline-missed',
        question: question(missedAnswers),
        mandateHolder: config.mandateHolder,
        decisionOwner: config.decisionOwner,
        decisionDueOn: decisionDueOn(state, escalationId, config.decisionOwner, at),
        agreedDueDate: null,
        needIds,
        disputedResponsibilityIds: [],
        raisedFromEscalationId: null,
        occurredAt: at,
      },
    },
  ];
}
