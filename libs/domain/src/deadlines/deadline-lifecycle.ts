/**
 * Changing a deadline: suspend (opschorten), resume, extend (verlengen, once) and close. Each returns a new value
 * or throws a `DeadlineError`; nothing is mutated.
 *
 * Rules:
 * - A closed deadline cannot be changed any more.
 * - Changes are recorded in time order: a change dated before an earlier recorded change (suspension start or end,
 *   extension) is refused; suspending or extending before the deadline started is refused too.
 * - Only one suspension can be open at a time; a deadline already missed cannot be suspended (stopping a clock that
 *   has run out would hide the miss: extend it instead). Hence a suspended deadline is never missed.
 * - One extension, to a date later than the current effective due date and not before the day of the extension;
 *   not while suspended (resume first, so the new date is chosen against a running clock).
 * - Closing a suspended deadline ends the suspension at the same moment. Closing before the start is allowed
 *   (met early).
 */

import { formatEpochDay } from './calendar';
import { DeadlineError } from './deadline-error';
import type { DeadlineErrorCode } from './deadline-error';
import { DEADLINE_KIND_LABELS } from './deadline-model';
import type { Deadline, DeadlineSuspension } from './deadline-model';
import { effectiveDueAt } from './effective-due';
import { parseIsoTime } from './iso-time';
import type { ParsedTime } from './iso-time';

function describe(d: Deadline): string {
  return `The deadline "${DEADLINE_KIND_LABELS[d.kind]}" (${d.id})`;
}

function refuse(d: Deadline, code: DeadlineErrorCode, message: string): DeadlineError {
  return new DeadlineError(code, `${describe(d)} ${message}`, d.id);
}

function openSuspension(d: Deadline): DeadlineSuspension | undefined {
  const last = d.suspensions.at(-1);
  return last && last.until === undefined ? last : undefined;
}

function assertNotClosed(d: Deadline): void {
  if (d.closedAt !== undefined) {
    throw refuse(d, 'deadline.closed', `was closed on ${d.closedAt} and can no longer be changed.`);
  }
}

function requireReason(d: Deadline, reason: string, action: string): string {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw refuse(d, 'deadline.reason-required', `cannot be ${action} without a reason.`);
  }
  return reason;
}

function latestChange(d: Deadline): { readonly ms: number; readonly value: string } | undefined {
  const moments = [
    ...d.suspensions.flatMap((s) => (s.until === undefined ? [s.from] : [s.from, s.until])),
    ...(d.extension ? [d.extension.at] : []),
  ];
  return moments
    .map((value) => ({ ms: parseIsoTime(value).ms, value }))
    .reduce<{ ms: number; value: string } | undefined>(
      (max, m) => (max && max.ms >= m.ms ? max : m),
      undefined,
    );
}

function assertChronological(d: Deadline, moment: ParsedTime, value: string, checkStart: boolean): void {
  if (checkStart && moment.ms < parseIsoTime(d.startedAt, 'start').ms) {
    throw refuse(
      d,
      'deadline.before-start',
      `started at ${d.startedAt}; a change dated ${value} is earlier.`,
    );
  }
  const latest = latestChange(d);
  if (latest && moment.ms < latest.ms) {
    throw refuse(
      d,
      'deadline.not-chronological',
      `was last changed at ${latest.value}; a change dated ${value} is earlier.`,
    );
  }
}

/** Stops the clock from `from`. */
export function suspend(d: Deadline, from: string, reason: string): Deadline {
  assertNotClosed(d);
  const open = openSuspension(d);
  if (open) throw refuse(d, 'deadline.already-suspended', `is already suspended since ${open.from}.`);
  requireReason(d, reason, 'suspended');
  const moment = parseIsoTime(from, 'suspension start');
  assertChronological(d, moment, from, true);
  const due = effectiveDueAt(d, from);
  if (moment.day > parseIsoTime(due).day) {
    throw refuse(
      d,
      'deadline.already-missed',
      `was due on ${due} and has been missed; a missed deadline cannot be suspended. Extend it instead.`,
    );
  }
  return { ...d, suspensions: [...d.suspensions, { from, reason }] };
}

/** Restarts the clock at `until`. */
export function resume(d: Deadline, until: string): Deadline {
  assertNotClosed(d);
  const open = openSuspension(d);
  if (!open) throw refuse(d, 'deadline.not-suspended', 'is not suspended, so it cannot be resumed.');
  const moment = parseIsoTime(until, 'suspension end');
  if (moment.ms < parseIsoTime(open.from).ms) {
    throw refuse(
      d,
      'deadline.not-chronological',
      `was suspended at ${open.from}; it cannot resume earlier, at ${until}.`,
    );
  }
  return { ...d, suspensions: [...d.suspensions.slice(0, -1), { ...open, until }] };
}

/** Gives the deadline its one extension: a new due date (a Dutch calendar date; an instant is reduced to its day). */
export function extend(d: Deadline, newDueAt: string, reason: string, at: string): Deadline {
  assertNotClosed(d);
  if (d.extension) {
    throw refuse(
      d,
      'deadline.already-extended',
      `was already extended to ${d.extension.newDueAt} on ${d.extension.at}; a deadline can be extended only once.`,
    );
  }
  requireReason(d, reason, 'extended');
  const moment = parseIsoTime(at, 'extension moment');
  assertChronological(d, moment, at, true);
  if (openSuspension(d)) {
    throw refuse(d, 'deadline.suspended', 'is suspended; resume it before extending it.');
  }
  const newDay = parseIsoTime(newDueAt, 'new due date').day;
  const current = effectiveDueAt(d, at);
  if (newDay <= parseIsoTime(current).day) {
    throw refuse(
      d,
      'deadline.extension-not-later',
      `is due on ${current}; an extension must set a later date than that, not ${formatEpochDay(newDay)}.`,
    );
  }
  if (newDay < moment.day) {
    throw refuse(
      d,
      'deadline.extension-in-past',
      `cannot be extended to ${formatEpochDay(newDay)}: that date has already passed on ${formatEpochDay(moment.day)}.`,
    );
  }
  return { ...d, extension: { newDueAt: formatEpochDay(newDay), reason, at } };
}

/** Marks the deadline as met or no longer relevant at `at`. An open suspension ends at the same moment. */
export function close(d: Deadline, at: string): Deadline {
  assertNotClosed(d);
  const moment = parseIsoTime(at, 'closing moment');
  assertChronological(d, moment, at, false);
  const open = openSuspension(d);
  const suspensions = open ? [...d.suspensions.slice(0, -1), { ...open, until: at }] : d.suspensions;
  return { ...d, suspensions, closedAt: at };
}

/** Aliases that read well next to other domain functions. */
export const suspendDeadline = suspend;
export const resumeDeadline = resume;
export const extendDeadline = extend;
export const closeDeadline = close;
