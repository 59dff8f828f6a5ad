/**
 * Calendar helpers for the casus decider. Instants are ISO-8601 strings with an offset (as in CommandMetadata.now);
 * dates are 'YYYY-MM-DD' calendar dates of the Netherlands: a birthday "has passed" from Dutch midnight.
 */

import { toDutchDate } from '../deadlines';

export { toDutchDate };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1980 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/** Age in whole years on `date`, given the date of the 18th birthday (the only birth data a case holds). */
export function ageOn(birthday18: string, date: string): number {
  const [by, bm, bd] = birthday18.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const beforeAnniversary = m < bm || (m === bm && d < bd);
  return 18 + (y - by) - (beforeAnniversary ? 1 : 0);
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
