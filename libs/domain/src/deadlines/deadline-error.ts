/**
 * Expected refusals of the deadline library. The `code` is machine-readable and stable (the API maps it to
 * 409/422); the message is written for a coordinator.
 */

export const DEADLINE_ERROR_CODES = [
  /** A time or date is not ISO-8601 (`YYYY-MM-DD`, or a date-time with `Z` or an offset) or out of range. */
  'deadline.invalid-date',
  /** A number or identifier given to the library is not acceptable (e.g. a negative service level). */
  'deadline.invalid-input',
  /** Suspending or extending needs a reason. */
  'deadline.reason-required',
  /** A deadline must name at least one organisation that has to act. */
  'deadline.no-responsible-organisation',
  /** An agreed due date lies before the moment the deadline starts. */
  'deadline.due-before-start',
  'deadline.already-suspended',
  'deadline.not-suspended',
  /** The operation needs a running clock, but the deadline is suspended. */
  'deadline.suspended',
  /** A deadline whose due date has passed cannot be suspended any more (extend it instead). */
  'deadline.already-missed',
  'deadline.already-extended',
  'deadline.extension-not-later',
  /** The new due date of an extension lies before the day of the extension itself. */
  'deadline.extension-in-past',
  'deadline.closed',
  /** The change is dated before an earlier recorded change of the same deadline. */
  'deadline.not-chronological',
  /** The change is dated before the deadline started. */
  'deadline.before-start',
] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';

  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
    readonly deadlineId?: string,
  ) {
    super(message);
  }
}
