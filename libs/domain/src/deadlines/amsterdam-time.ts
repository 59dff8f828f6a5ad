/**
 * Dutch civil time (Europe/Amsterdam) computed purely, without the host's time-zone database.
 *
 * Rule: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March 01:00 UTC until the last Sunday of October
 * 01:00 UTC (the EU summer-time rule, in force since 1996). Instants before 1996 are converted with the same rule,
 * which can be an hour off in late September of those years; the library never needs them. Should the EU abolish
 * summer time, this module is the one place to change.
 */

import { MS_PER_DAY, daysInMonth, toEpochDay, weekdayOf } from './calendar';

const HOUR_MS = 3_600_000;

function lastSundayOf(year: number, month: number): number {
  const last = toEpochDay(year, month, daysInMonth(year, month));
  return last - weekdayOf(last);
}

/** Offset of Dutch civil time from UTC at the given instant, in milliseconds (1 or 2 hours). */
export function amsterdamOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const summerStarts = lastSundayOf(year, 3) * MS_PER_DAY + HOUR_MS;
  const summerEnds = lastSundayOf(year, 10) * MS_PER_DAY + HOUR_MS;
  return utcMs >= summerStarts && utcMs < summerEnds ? 2 * HOUR_MS : HOUR_MS;
}

/** The Dutch calendar day (epoch day) on which the instant falls. */
export function dutchEpochDayOf(utcMs: number): number {
  return Math.floor((utcMs + amsterdamOffsetMs(utcMs)) / MS_PER_DAY);
}

/**
 * The instant at which a Dutch calendar day begins (00:00 Dutch time). Midnight is never inside a summer-time
 * switch (those happen at 02:00/03:00), so exactly one of the two candidate offsets is consistent.
 */
export function startOfDutchDayMs(epochDay: number): number {
  const localMidnight = epochDay * MS_PER_DAY;
  const summer = localMidnight - 2 * HOUR_MS;
  return amsterdamOffsetMs(summer) === 2 * HOUR_MS ? summer : localMidnight - HOUR_MS;
}
