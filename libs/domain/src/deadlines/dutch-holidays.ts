/**
 * Dutch public holidays, computed purely.
 *
 * Decision: the set is the one of the Algemene termijnenwet (Atw) art. 3, the law that decides when Dutch statutory
 * terms end, so that working days here mean the same as "werkdagen" in a statutory term:
 * - Nieuwjaarsdag (1 January);
 * - Goede Vrijdag: yes, it counts. Atw art. 3 lid 2 equates it with the algemeen erkende feestdagen;
 * - Eerste en Tweede Paasdag (Easter by the anonymous Gregorian algorithm; Eerste Paasdag is a Sunday anyway);
 * - Koningsdag: 27 April, or 26 April when the 27th is a Sunday (from 2014); Koninginnedag 30 April, or 29 April
 *   when the 30th is a Sunday (1980–2013);
 * - Bevrijdingsdag: every year, not only in lustrum years. Atw art. 3 names "de vijfde mei" without condition; the
 *   lustrum-only day off is a matter of CAO's, not of terms;
 * - Hemelvaartsdag (Easter + 39), Eerste en Tweede Pinksterdag (Easter + 49, + 50);
 * - Eerste en Tweede Kerstdag (25 and 26 December).
 * Left out: the extra days the government equates by Koninklijk Besluit every few years (Atw art. 3 lid 3, e.g. the
 * Friday after Hemelvaart); they are decided per year and cannot be computed.
 */

import { formatEpochDay, fromEpochDay, toEpochDay, weekdayOf } from './calendar';
import { parseIsoTime } from './iso-time';
import type { IsoDate } from './iso-time';

export const DUTCH_HOLIDAY_SOURCE = 'https://wetten.overheid.nl/BWBR0002448';

export const DUTCH_HOLIDAY_NAMES = [
  'Nieuwjaarsdag',
  'Goede Vrijdag',
  'Eerste Paasdag',
  'Tweede Paasdag',
  'Koningsdag',
  'Bevrijdingsdag',
  'Hemelvaartsdag',
  'Eerste Pinksterdag',
  'Tweede Pinksterdag',
  'Eerste Kerstdag',
  'Tweede Kerstdag',
] as const;
export type DutchHolidayName = (typeof DUTCH_HOLIDAY_NAMES)[number];

export interface DutchHoliday {
  readonly date: IsoDate;
  readonly name: DutchHolidayName;
}

/** Easter Sunday (epoch day) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSundayEpochDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toEpochDay(year, month, day);
}

/** Easter Sunday of a year, `YYYY-MM-DD`. */
export function easterSunday(year: number): IsoDate {
  return formatEpochDay(easterSundayEpochDay(year));
}

function kingsDay(year: number): number {
  const [month, day] = year >= 2014 ? [4, 27] : [4, 30];
  const date = toEpochDay(year, month, day);
  return weekdayOf(date) === 0 ? date - 1 : date;
}

function holidayEpochDays(year: number): ReadonlyArray<readonly [number, DutchHolidayName]> {
  const easter = easterSundayEpochDay(year);
  return [
    [toEpochDay(year, 1, 1), 'Nieuwjaarsdag'],
    [easter - 2, 'Goede Vrijdag'],
    [easter, 'Eerste Paasdag'],
    [easter + 1, 'Tweede Paasdag'],
    [kingsDay(year), 'Koningsdag'],
    [toEpochDay(year, 5, 5), 'Bevrijdingsdag'],
    [easter + 39, 'Hemelvaartsdag'],
    [easter + 49, 'Eerste Pinksterdag'],
    [easter + 50, 'Tweede Pinksterdag'],
    [toEpochDay(year, 12, 25), 'Eerste Kerstdag'],
    [toEpochDay(year, 12, 26), 'Tweede Kerstdag'],
  ];
}

/** The holidays of a year in calendar order. */
export function dutchHolidays(year: number): DutchHoliday[] {
  if (!Number.isInteger(year)) return [];
  return [...holidayEpochDays(year)]
    .sort(([a], [b]) => a - b)
    .map(([day, name]) => ({ date: formatEpochDay(day), name }));
}

/** The names of the holidays on an epoch day (two can coincide, e.g. Koningsdag and Tweede Paasdag). */
export function holidayNamesOnEpochDay(epochDay: number): DutchHolidayName[] {
  const { year } = fromEpochDay(epochDay);
  return holidayEpochDays(year)
    .filter(([day]) => day === epochDay)
    .map(([, name]) => name);
}

export function isDutchHolidayEpochDay(epochDay: number): boolean {
  return holidayNamesOnEpochDay(epochDay).length > 0;
}

/** Whether the Dutch calendar day of an ISO date or date-time is a public holiday. */
export function isDutchHoliday(dateIso: string): boolean {
  return isDutchHolidayEpochDay(parseIsoTime(dateIso, 'date').day);
}
