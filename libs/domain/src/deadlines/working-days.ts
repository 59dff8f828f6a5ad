/**
 * Working days: Monday to Friday, except the Dutch public holidays of `dutch-holidays.ts` (the Algemene
 * termijnenwet set, so Goede Vrijdag and 5 May count as holidays every year).
 */

import { formatEpochDay, weekdayOf } from './calendar';
import { isDutchHolidayEpochDay } from './dutch-holidays';
import { DeadlineError } from './deadline-error';
import { parseIsoTime } from './iso-time';
import type { IsoDate } from './iso-time';

export function isWorkingEpochDay(epochDay: number): boolean {
  const weekday = weekdayOf(epochDay);
  return weekday !== 0 && weekday !== 6 && !isDutchHolidayEpochDay(epochDay);
}

/** Whether the Dutch calendar day of an ISO date or date-time is a working day. */
export function isWorkingDay(dateIso: string): boolean {
  return isWorkingEpochDay(parseIsoTime(dateIso, 'date').day);
}

/** Epoch-day form of {@link addWorkingDays}. */
export function addWorkingEpochDays(epochDay: number, n: number): number {
  if (!Number.isSafeInteger(n)) {
    throw new DeadlineError(
      'deadline.invalid-input',
      `A number of working days must be a whole number, not ${n}.`,
    );
  }
  const step = n < 0 ? -1 : 1;
  let day = epochDay;
  for (let counted = 0; counted < Math.abs(n);) {
    day += step;
    if (isWorkingEpochDay(day)) counted += 1;
  }
  return day;
}

/**
 * The Dutch calendar date that lies `n` working days after the Dutch calendar day of `dateIso`.
 *
 * The start day itself is day 0 and is not counted, whatever it is; counting begins on the next day. So from
 * Friday 25 April 2025, 1 working day is Monday 28 April, and from Saturday 26 April it is also Monday 28 April.
 * `n = 0` returns the start day itself (even when it is not a working day); a negative `n` counts backwards the same
 * way. The result is always a working day when `n ≠ 0`, and always a date (`YYYY-MM-DD`): a deadline is due by the
 * end of that Dutch day, not at a time of day.
 */
export function addWorkingDays(dateIso: string, n: number): IsoDate {
  return formatEpochDay(addWorkingEpochDays(parseIsoTime(dateIso, 'start date').day, n));
}

/**
 * The first working day on or after an epoch day: Algemene termijnenwet art. 1 lid 1, "a statutory term that ends
 * on a Saturday, Sunday or algemeen erkende feestdag is extended to the next day that is none of these".
 */
export function firstWorkingEpochDayOnOrAfter(epochDay: number): number {
  let day = epochDay;
  while (!isWorkingEpochDay(day)) day += 1;
  return day;
}
