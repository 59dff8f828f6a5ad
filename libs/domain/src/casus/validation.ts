import { refuse } from './errors';
import { isDate, isInstant } from './time';

/** Max length of the case summary. The summary is free text by the coordinator and must not hold personal data. */
export const SUMMARY_MAX_LENGTH = 500;
/** Max length of every other free text (reasons, questions, agreements, explanations). */
export const TEXT_MAX_LENGTH = 2000;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;

export function requireId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    refuse('invalid-id', `${what} must be an opaque id (letters, digits, '.', '_', ':', '-'; at most 128).`);
  }
  return value;
}

export function requireDate(value: unknown, what: string): string {
  if (!isDate(value)) refuse('invalid-date', `${what} must be a calendar date (YYYY-MM-DD).`);
  return value;
}

export function requireInstant(value: unknown, what: string): string {
  if (!isInstant(value)) refuse('invalid-instant', `${what} must be an ISO-8601 instant with an offset.`);
  return value;
}

/**
 * Free text is written by professionals and must not carry personal data. The domain cannot prove that, but it
 * refuses the most common slip: a BSN (nine digits that pass the elfproef).
 */
export function requireText(value: unknown, what: string, maxLength = TEXT_MAX_LENGTH): string {
  if (typeof value !== 'string' || value.trim().length === 0) refuse('text-required', `${what} is required.`);
  if (value.length > maxLength) refuse('text-too-long', `${what} is longer than ${maxLength} characters.`);
  if (containsBsn(value)) {
    refuse(
      'possible-personal-data',
      `${what} seems to contain a BSN; free text must not hold personal data.`,
    );
  }
  return value;
}

export function optionalText(value: unknown, what: string, maxLength = TEXT_MAX_LENGTH): string | null {
  return value === undefined || value === null ? null : requireText(value, what, maxLength);
}

export function containsBsn(text: string): boolean {
  for (const match of text.matchAll(NINE_DIGITS)) {
    if (passesElfproef(match[0])) return true;
  }
  return false;
}

function passesElfproef(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && digits !== '000000000';
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    refuse('invalid-value', `${what} must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}
