import type { Functionaris } from '../types';
import type { CaseCommandOf } from './command';

export type SuspendDeadline = CaseCommandOf<
  'SuspendDeadline',
  { caseId: string; deadlineId: string; reason: string }
>;
export type ResumeDeadline = CaseCommandOf<'ResumeDeadline', { caseId: string; deadlineId: string }>;
export type ExtendDeadline = CaseCommandOf<
  'ExtendDeadline',
  { caseId: string; deadlineId: string; reason: string; newDueDate: string }
>;

/** Closes a deadline that does not apply to this case, with a reason. */
export type CloseDeadline = CaseCommandOf<
  'CloseDeadline',
  { caseId: string; deadlineId: string; reason: string }
>;

/**
 * Who carries an automatic escalation of a missed liaison answer: the mandate holder (doorzettingsmacht) and the
 * decision owner configured for the case's table (reference data `autoEscalation`). The domain does no look-ups.
 */
export interface AutoEscalationConfig {
  readonly mandateHolder: Functionaris;
  readonly decisionOwner: Functionaris;
}

/**
 * Sent by the deadline watcher (role `system` only): turns passing time into DeadlineApproaching and DeadlineMissed,
 * once per deadline and due date, and escalates a missed liaison answer when the table says so.
 */
export type WatchDeadlines = CaseCommandOf<
  'WatchDeadlines',
  {
    caseId: string;
    /** The Dutch calendar date (YYYY-MM-DD) of `metadata.now`. */
    today: string;
    /** Lead time in calendar days (whole number ≥ 0): a deadline approaches from due − this many days. */
    approachingWithinDays: number;
    /** Present when the case's table escalates a missed liaison answer automatically; absent or null otherwise. */
    autoEscalation?: AutoEscalationConfig | null;
  }
>;

export type DeadlineCommand =
  SuspendDeadline | ResumeDeadline | ExtendDeadline | CloseDeadline | WatchDeadlines;
