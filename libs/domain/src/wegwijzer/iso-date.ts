import { WegwijzerInputError } from './errors';

/** A calendar date without time or zone, as used for every date in the wegwijzer. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Parses a strict ISO calendar date (`YYYY-MM-DD`). Instants (`...T12:00:00Z`) are refused on
 * purpose: which calendar day an instant falls on depends on the time zone, and that choice
 * belongs to the caller, not to the rule table.
 */
export function parseIsoDate(value: string, what: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new WegwijzerInputError('invalid-date', `${what} must be an ISO date (YYYY-MM-DD), got "${value}"`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new WegwijzerInputError('invalid-date', `${what} is not a calendar date: "${value}"`);
  }
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Pure arithmetic, no clock. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const utc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
  return Math.round((utc(to) - utc(from)) / MS_PER_DAY);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
