/**
 * A table's service levels (servicenormen), in working days. Configurable per maatwerktafel; the defaults are the
 * ones of the issue: discussed within 10 working days of aanmelding, financier answers within 5, escalation decided
 * within 10.
 */

import { DeadlineError } from './deadline-error';

export interface ServiceLevels {
  readonly discussionWorkingDays: number;
  readonly liaisonAnswerWorkingDays: number;
  readonly escalationDecisionWorkingDays: number;
}

export const DEFAULT_SERVICE_LEVELS: ServiceLevels = Object.freeze({
  discussionWorkingDays: 10,
  liaisonAnswerWorkingDays: 5,
  escalationDecisionWorkingDays: 10,
});

/** Refuses service levels that are not whole, non-negative numbers of working days. */
export function assertValidServiceLevels(levels: ServiceLevels): void {
  for (const [name, value] of Object.entries(levels)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DeadlineError(
        'deadline.invalid-input',
        `The service level ${name} must be a whole number of working days (0 or more), not ${String(value)}.`,
      );
    }
  }
}
