import { toDutchDate } from '@casusregie/domain';
import { ReadModelQueryError } from './query-error';

export const MS_PER_DAY = 86_400_000;

/** Parses the caller's `now` (an ISO-8601 instant with zone). */
export function instant(value: string, what = 'now'): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || !/[zZ]|[+-]\d{2}:\d{2}$/.test(value)) {
    throw new ReadModelQueryError('invalid-argument', `${what} must be an ISO-8601 instant with a zone.`);
  }
  return ms;
}

/** The Dutch calendar date of an instant ('YYYY-MM-DD'). */
export function dutchDateOf(value: string): string {
  instant(value);
  return toDutchDate(value);
}

export function isoOf(ms: number): string;
export function isoOf(ms: number | null): string | null;
export function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
