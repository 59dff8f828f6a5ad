/**
 * Proleptic Gregorian calendar arithmetic on "epoch days" (whole days since 1970-01-01). Pure integer maths:
 * no time zone, no clock. `Date.UTC` and `new Date(ms)` are only used as a deterministic converter.
 */

const DAY_MS = 86_400_000;

export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Epoch day of a civil date (1970-01-01 is day 0). */
export function toEpochDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromEpochDay(epochDay: number): CivilDate {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday, 1 = Monday, ..., 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/**
 * Adds (or, when negative, subtracts) whole calendar months. When the target month is shorter than the day of the
 * month, the result is clamped to the last day of the target month: 31 Aug − 2 months = 30 Jun, 29 Feb − 12 months
 * = 28 Feb. Clamping never spills into the following month, so a "by this date" milestone can only move earlier.
 */
export function addMonthsClamped(epochDay: number, months: number): number {
  const { year, month, day } = fromEpochDay(epochDay);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return toEpochDay(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export const MS_PER_DAY = DAY_MS;
