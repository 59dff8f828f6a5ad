/**
 * Where a deadline stands at a moment `t`.
 *
 * - `closed`: closed at or before `t`.
 * - `missed`: the Dutch calendar day of `t` is after the effective due date (as seen at `t`), and the clock is not
 *   stopped. A deadline that is suspended at `t` is never missed: its clock does not run (and `suspend` refuses a
 *   deadline that is already missed, so this never hides a miss).
 * - `approaching`: the day of `t` lies within `leadTimeDays` calendar days before the effective due date, the due
 *   day itself included: due − leadTimeDays ≤ day(t) ≤ due. With `leadTimeDays = 0` only the due day approaches.
 * - `open`: otherwise.
 * Everything is evaluated from the point of view of `t` (see `effectiveDueAt`), so a past `t` gives the state
 * that held then.
 */

import { DeadlineError } from './deadline-error';
import type { Deadline, DeadlineState } from './deadline-model';
import { effectiveDueAt, isSuspendedAt } from './effective-due';
import { parseIsoTime } from './iso-time';

function assertLeadTime(leadTimeDays: number): void {
  if (!Number.isSafeInteger(leadTimeDays) || leadTimeDays < 0) {
    throw new DeadlineError(
      'deadline.invalid-input',
      `The lead time must be a whole number of days (0 or more), not ${String(leadTimeDays)}.`,
    );
  }
}

export function deadlineState(d: Deadline, t: string, leadTimeDays: number): DeadlineState {
  assertLeadTime(leadTimeDays);
  const moment = parseIsoTime(t, 'moment');
  if (d.closedAt !== undefined && parseIsoTime(d.closedAt, 'closing moment').ms <= moment.ms) return 'closed';
  const due = parseIsoTime(effectiveDueAt(d, t)).day;
  if (moment.day > due && !isSuspendedAt(d, t)) return 'missed';
  return moment.day >= due - leadTimeDays ? 'approaching' : 'open';
}

export interface DeadlinesAt {
  readonly open: Deadline[];
  readonly approaching: Deadline[];
  readonly missed: Deadline[];
}

/** Classifies deadlines at `t`; closed ones are left out. Each list keeps the input order. */
export function deadlinesAt(deadlines: readonly Deadline[], t: string, leadTimeDays: number): DeadlinesAt {
  assertLeadTime(leadTimeDays);
  const result: DeadlinesAt = { open: [], approaching: [], missed: [] };
  for (const d of deadlines) {
    const state = deadlineState(d, t, leadTimeDays);
    if (state !== 'closed') result[state].push(d);
  }
  return result;
}
