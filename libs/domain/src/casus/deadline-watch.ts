/**
 * The rules of the deadline watcher, shared by the WatchDeadlines decision and the watcher's scheduling helpers.
 *
 * A deadline is watched while it is open and its clock runs (not suspended). Its effective due date (after
 * suspensions and an extension) is `dueOn`. For each due date the watcher notes at most one DeadlineApproaching
 * (from dueOn − lead time up to dueOn, calendar days) and one DeadlineMissed (from the day after dueOn). When both
 * would apply at once (the watcher ran first after the due date), only DeadlineMissed is noted: warning that a
 * deadline approaches after it has passed helps no one. A new due date (extension, or a suspension that moved it)
 * may be noted again.
 */
import { addCalendarDays, effectiveDueAt, isSuspendedAt } from '../deadlines';
import type { Deadline } from '../deadlines';
import { refuse } from './errors';
import { noticeOf } from './evolve/notices';
import type { CaseState } from './state';
import { requireDate } from './validation';

export type DeadlineWatchNote = 'approaching' | 'missed';

/** The watcher's lead time: a whole number of calendar days, 0 or more (refused with `invalid-value`). */
export function requireLeadTime(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    refuse(
      'invalid-value',
      'The lead time (approachingWithinDays) must be a whole number of days, 0 or more.',
    );
  }
  return value;
}

export interface WatchedDeadline {
  readonly deadline: Deadline;
  readonly dueOn: string;
  /** The first day DeadlineApproaching applies; null when it was noted for this due date (or missed was). */
  readonly approachingFrom: string | null;
  /** The first day DeadlineMissed applies; null when it was noted for this due date. */
  readonly missedFrom: string | null;
}

/** The deadlines the watcher looks at, as seen at `at` (an instant): open, clock running. Ordered by id. */
export function watchedDeadlines(state: CaseState, at: string, leadDays: number): WatchedDeadline[] {
  if (state.status === 'closed' || state.status === 'none') return [];
  return Object.values(state.deadlines)
    .filter((d) => d.closedAt === undefined && !isSuspendedAt(d, at))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((deadline) => {
      const dueOn = effectiveDueAt(deadline, at);
      const notice = noticeOf(state, deadline.id);
      const noted = notice.missedFor === dueOn;
      return {
        deadline,
        dueOn,
        approachingFrom: noted || notice.approachingFor === dueOn ? null : addCalendarDays(dueOn, -leadDays),
        missedFrom: noted ? null : addCalendarDays(dueOn, 1),
      };
    });
}

/** What the watcher notes about a watched deadline on `today`, if anything. */
export function noteOn(watched: WatchedDeadline, today: string): DeadlineWatchNote | null {
  if (watched.missedFrom !== null && today >= watched.missedFrom) return 'missed';
  if (watched.approachingFrom !== null && today >= watched.approachingFrom && today <= watched.dueOn) {
    return 'approaching';
  }
  return null;
}

/** The first day on or after `today` on which the watcher notes something about the deadline, or null. */
function nextNoteOn(watched: WatchedDeadline, today: string): string | null {
  const candidates = [watched.missedFrom];
  if (watched.approachingFrom !== null && today <= watched.dueOn) candidates.push(watched.approachingFrom);
  const dates = candidates.filter((d): d is string => d !== null).map((d) => (d < today ? today : d));
  return dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a));
}

/**
 * The next Dutch calendar date (on or after `today`) on which WatchDeadlines would produce an event for this case,
 * assuming nothing else happens to it; null when none will (closed case, no open deadline with a running clock).
 * A suspended deadline has no date: its ResumeDeadline changes the case, and the watcher asks again then.
 * `at` is the moment the state is looked at (default: the start of `today`). Refuses a bad date or lead time with a
 * CaseError (`invalid-date`, `invalid-value`).
 */
export function nextDeadlineWatchDate(
  state: CaseState,
  today: string,
  approachingWithinDays: number,
  at?: string,
): string | null {
  requireDate(today, 'Today');
  const lead = requireLeadTime(approachingWithinDays);
  let next: string | null = null;
  for (const watched of watchedDeadlines(state, at ?? today, lead)) {
    const date = nextNoteOn(watched, today);
    if (date !== null && (next === null || date < next)) next = date;
  }
  return next;
}

/** The date from which PassEighteenthBirthday is due for this case, or null (not 18-/18+, or already passed). */
export function eighteenthBirthdayDueOn(state: CaseState): string | null {
  if (state.status === 'none' || state.caseType !== 'transitie-18-min-18-plus') return null;
  return state.birthdayPassed ? null : state.birthday18;
}

/** Whether the watcher should send PassEighteenthBirthday for this case on `today` (YYYY-MM-DD). */
export function isEighteenthBirthdayDue(state: CaseState, today: string): boolean {
  const dueOn = eighteenthBirthdayDueOn(state);
  return dueOn !== null && today >= dueOn;
}
