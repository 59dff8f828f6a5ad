/**
 * The effective due date of a deadline: its original (or extended) due date, moved by the days its clock was
 * stopped.
 *
 * Semantics:
 * - Suspended days are calendar days (also for working-day service levels): the number of Dutch calendar days from
 *   the day of `from` (inclusive) to the day of `until` (exclusive). Suspended Monday and resumed Wednesday: 2 days;
 *   suspended and resumed on the same day: 0 days. The due date moves by exactly that many calendar days, so a
 *   moved due date can fall on a weekend.
 * - An open suspension counts up to the day of `at` (exclusive): while suspended, the due date moves one day per day.
 *   Without `at` an open suspension counts 0 days (the due date as it stood when the clock stopped).
 * - `at` is a point of view: suspensions that start after `at`, an extension decided after `at` and the part of a
 *   suspension after `at` are ignored, so asking about a past moment gives the answer of that moment.
 * - An extension replaces the base date. Suspensions that started before the extension are absorbed into the new
 *   date (the coordinator chose the new date knowing them); only suspensions after the extension move it further.
 */

import { formatEpochDay } from './calendar';
import { dutchEpochDayOf, startOfDutchDayMs } from './amsterdam-time';
import type { Deadline, DeadlineSuspension } from './deadline-model';
import { parseIsoTime } from './iso-time';
import type { IsoDate } from './iso-time';

function suspendedDaysOf(suspension: DeadlineSuspension, atMs: number | undefined): number {
  const from = parseIsoTime(suspension.from, 'suspension start');
  if (atMs !== undefined && from.ms > atMs) return 0;
  const until = suspension.until === undefined ? undefined : parseIsoTime(suspension.until, 'suspension end');
  let endDay: number;
  if (until !== undefined && (atMs === undefined || until.ms <= atMs)) endDay = until.day;
  else if (atMs !== undefined) endDay = dutchEpochDayOf(atMs);
  else endDay = from.day;
  return Math.max(0, endDay - from.day);
}

function atMsOf(at: string | undefined): number | undefined {
  return at === undefined ? undefined : parseIsoTime(at, 'moment').ms;
}

function extensionAt(d: Deadline, atMs: number | undefined) {
  if (!d.extension) return undefined;
  const extendedMs = parseIsoTime(d.extension.at, 'extension moment').ms;
  return atMs === undefined || extendedMs <= atMs ? { ...d.extension, ms: extendedMs } : undefined;
}

/** Total calendar days the clock of `d` was stopped, as seen at `at` (all recorded suspensions without `at`). */
export function suspendedDays(d: Deadline, at?: string): number {
  const atMs = atMsOf(at);
  return d.suspensions.reduce((sum, suspension) => sum + suspendedDaysOf(suspension, atMs), 0);
}

function effectiveDueEpochDay(d: Deadline, atMs: number | undefined): number {
  const extension = extensionAt(d, atMs);
  const base = parseIsoTime(extension ? extension.newDueAt : d.originalDueAt, 'due date').day;
  const counted = d.suspensions
    .filter((s) => !extension || parseIsoTime(s.from, 'suspension start').ms >= extension.ms)
    .reduce((sum, suspension) => sum + suspendedDaysOf(suspension, atMs), 0);
  return base + counted;
}

/** The Dutch calendar date by whose end the deadline is due, as seen at `at`. */
export function effectiveDueAt(d: Deadline, at?: string): IsoDate {
  return formatEpochDay(effectiveDueEpochDay(d, atMsOf(at)));
}

/** Whether the clock of `d` is stopped at `t` (a suspension has started and not yet ended; `until` is exclusive). */
export function isSuspendedAt(d: Deadline, t: string): boolean {
  const tMs = parseIsoTime(t, 'moment').ms;
  return d.suspensions.some(
    (s) =>
      parseIsoTime(s.from, 'suspension start').ms <= tMs &&
      (s.until === undefined || tMs < parseIsoTime(s.until, 'suspension end').ms),
  );
}

/**
 * The instant (UTC ISO) from which `d` counts as missed, as seen at `at`: the start of the Dutch day after its
 * effective due date. Meant for the deadline watcher's timers; while suspended it keeps moving.
 */
export function missedFrom(d: Deadline, at?: string): string {
  return new Date(startOfDutchDayMs(effectiveDueEpochDay(d, atMsOf(at)) + 1)).toISOString();
}
