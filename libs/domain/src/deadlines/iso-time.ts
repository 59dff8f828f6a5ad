/**
 * Reading the ISO-8601 strings that carry time into the library.
 *
 * Two forms are accepted, strictly:
 * - a calendar date `YYYY-MM-DD`, meaning that Dutch calendar day (as an instant: 00:00 Dutch time);
 * - a date-time with seconds and fraction optional and a mandatory zone: `YYYY-MM-DDTHH:mm[:ss[.sss]](Z|±HH:mm)`.
 *   A date-time without a zone is refused: it would silently depend on the host.
 *
 * Years 1980–9999 are supported (Koningsdag/Koninginnedag rules are encoded from 1980).
 */

import { MS_PER_DAY, formatEpochDay, isValidCivilDate, toEpochDay } from './calendar';
import { dutchEpochDayOf, startOfDutchDayMs } from './amsterdam-time';
import { DeadlineError } from './deadline-error';

export const MIN_SUPPORTED_YEAR = 1980;
export const MAX_SUPPORTED_YEAR = 9999;

/** A Dutch calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ParsedTime {
  /** The instant (for a bare date: the start of that Dutch day). */
  readonly ms: number;
  /** The Dutch calendar day the time falls on, as an epoch day. */
  readonly day: number;
  readonly dateOnly: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(value: unknown, what: string, why: string): DeadlineError {
  return new DeadlineError('deadline.invalid-date', `The ${what} "${String(value)}" is not usable: ${why}.`);
}

function checkYear(year: number, value: string, what: string): void {
  if (year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
    throw invalid(value, what, `only the years ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR} are supported`);
  }
}

function parseZone(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Parses an ISO-8601 date or date-time. `what` names the value in the error message ("due date", "suspension
 * start", ...).
 */
export function parseIsoTime(value: string, what = 'time'): ParsedTime {
  if (typeof value !== 'string') throw invalid(value, what, 'expected an ISO-8601 string');
  const dateMatch = DATE.exec(value);
  if (dateMatch) {
    const [year, month, day] = dateMatch.slice(1, 4).map(Number);
    if (!isValidCivilDate(year, month, day)) throw invalid(value, what, 'no such calendar date');
    checkYear(year, value, what);
    const epochDay = toEpochDay(year, month, day);
    return { ms: startOfDutchDayMs(epochDay), day: epochDay, dateOnly: true };
  }
  const match = DATE_TIME.exec(value);
  if (!match) {
    throw invalid(value, what, 'expected YYYY-MM-DD or a date-time with a zone, e.g. 2025-05-02T09:30:00Z');
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const offsetMs = parseZone(match[8]);
  if (
    !isValidCivilDate(year, month, day) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Number.isNaN(offsetMs)
  ) {
    throw invalid(value, what, 'no such date or time of day');
  }
  checkYear(year, value, what);
  const ms = toEpochDay(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const utcMs = ms - offsetMs;
  return { ms: utcMs, day: dutchEpochDayOf(utcMs), dateOnly: false };
}

/** The instant of an ISO date or date-time, in milliseconds since the epoch. */
export function instantMs(value: string, what?: string): number {
  return parseIsoTime(value, what).ms;
}

/** The Dutch calendar day of an ISO date or date-time, as an epoch day. */
export function dutchDay(value: string, what?: string): number {
  return parseIsoTime(value, what).day;
}

/**
 * The Dutch calendar date (`YYYY-MM-DD`) of an ISO date or date-time: `2025-04-26T23:30:00Z` is already
 * 27 April in the Netherlands, so this returns `2025-04-27`.
 */
export function toDutchDate(value: string): IsoDate {
  return formatEpochDay(dutchDay(value));
}

/** The instant (UTC, `toISOString` form) at which a Dutch calendar date begins. */
export function startOfDutchDate(date: IsoDate): string {
  return new Date(startOfDutchDayMs(dutchDay(date, 'date'))).toISOString();
}

/** The Dutch calendar date `days` calendar days after (or, when negative, before) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatEpochDay(dutchDay(date, 'date') + days);
}
