import { InvalidBsnError } from './personal-data-errors';

/** A burgerservicenummer that passed the elfproef, always as 9 digits. */
export type Bsn = string & { readonly __brand: 'Bsn' };

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/**
 * The 9-digit form of a BSN, or undefined when the input is not one. Rules:
 * - digits only (no spaces or dots: the caller strips formatting it wants to allow);
 * - 9 digits, or 8 digits read as a BSN whose leading zero was dropped (as spreadsheets do);
 * - at most one leading zero: BSNs are at least 10000000, which also rules out 000000000;
 * - the elfproef: 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 is a multiple of 11.
 */
export function normaliseBsn(input: unknown): Bsn | undefined {
  if (typeof input !== 'string' || !/^\d{8,9}$/.test(input)) return undefined;
  const digits = input.padStart(9, '0');
  if (digits.startsWith('00')) return undefined;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return sum % 11 === 0 ? (digits as Bsn) : undefined;
}

export function isValidBsn(input: unknown): boolean {
  return normaliseBsn(input) !== undefined;
}

/** Like normaliseBsn, but throws InvalidBsnError (whose message never contains the input). */
export function parseBsn(input: unknown): Bsn {
  const bsn = normaliseBsn(input);
  if (bsn === undefined) throw new InvalidBsnError();
  return bsn;
}
