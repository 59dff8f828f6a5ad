/**
 * Checks of single values. Each returns the value when it is acceptable and `undefined` otherwise, recording a
 * problem at the value's path, so a caller can go on and report everything that is wrong in one pass.
 */

import { isWorkingDay } from '../from-domain';
import { Problems, childPath } from './problems';

export type JsonObject = Readonly<Record<string, unknown>>;

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string, problems: Problems): JsonObject | undefined {
  if (isObject(value)) return value;
  problems.add(path, `expected an object, got ${typeName(value)}`);
  return undefined;
}

/** Reports every field that is not in `allowed` (a typo must not be ignored silently). */
export function rejectUnknownFields(
  obj: JsonObject,
  allowed: readonly string[],
  path: string,
  problems: Problems,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      problems.add(childPath(path, key), `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

function present(obj: JsonObject, key: string, path: string, problems: Problems, optional: boolean): boolean {
  if (obj[key] !== undefined) return true;
  if (!optional) problems.add(childPath(path, key), 'required field is missing');
  return false;
}

export interface StringRule {
  readonly optional?: boolean;
  readonly pattern?: RegExp;
  /** Completes "… is not …" when the pattern does not match, e.g. "a CBS gemeentecode (GM and four digits)". */
  readonly expected?: string;
  readonly maxLength?: number;
}

export function expectString(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  rule: StringRule = {},
): string | undefined {
  if (!present(obj, key, path, problems, rule.optional ?? false)) return undefined;
  const value = obj[key];
  const at = childPath(path, key);
  if (typeof value !== 'string') {
    problems.add(at, `expected a string, got ${typeName(value)}`);
    return undefined;
  }
  if (value.trim() === '') {
    problems.add(at, 'must not be empty');
    return undefined;
  }
  if (value !== value.trim()) {
    problems.add(at, `${JSON.stringify(value)} has leading or trailing spaces`);
    return undefined;
  }
  const maxLength = rule.maxLength ?? 200;
  if (value.length > maxLength) {
    problems.add(at, `is ${value.length} characters long; at most ${maxLength} are allowed`);
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    problems.add(
      at,
      `${JSON.stringify(value)} is not ${rule.expected ?? `of the form ${rule.pattern.source}`}`,
    );
    return undefined;
  }
  return value;
}

export function expectBoolean(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  optional = false,
): boolean | undefined {
  if (!present(obj, key, path, problems, optional)) return undefined;
  const value = obj[key];
  if (typeof value === 'boolean') return value;
  problems.add(childPath(path, key), `expected true or false, got ${typeName(value)}`);
  return undefined;
}

/** A whole number of 1 or more; `what` names it in the message ("the version", "a service level"). */
export function expectPositiveInteger(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  what: string,
): number | undefined {
  if (!present(obj, key, path, problems, false)) return undefined;
  const value = obj[key];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  problems.add(childPath(path, key), `${what} must be a positive whole number, got ${typeName(value)}`);
  return undefined;
}

export function expectArray(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
): readonly unknown[] | undefined {
  if (!present(obj, key, path, problems, false)) return undefined;
  const value = obj[key];
  if (Array.isArray(value)) return value;
  problems.add(childPath(path, key), `expected an array, got ${typeName(value)}`);
  return undefined;
}

export function expectOneOf<T extends string>(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  allowed: readonly T[],
  what: string,
): T | undefined {
  if (!present(obj, key, path, problems, false)) return undefined;
  const value = obj[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const expected = `expected one of ${allowed.join(', ')}`;
  problems.add(
    childPath(path, key),
    typeof value === 'string'
      ? `unknown ${what} "${value}" (${expected})`
      : `${expected}, got ${typeName(value)}`,
  );
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The years the domain's Dutch calendar (working days, holidays) supports. */
const MIN_YEAR = 1980;
const MAX_YEAR = 9999;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` within the supported years. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function expectIsoDate(
  obj: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  options: { readonly workingDay?: boolean } = {},
): string | undefined {
  const value = expectString(obj, key, path, problems, { maxLength: 64 });
  if (value === undefined) return undefined;
  const at = childPath(path, key);
  if (!isIsoDate(value)) {
    problems.add(
      at,
      `${JSON.stringify(value)} is not an ISO calendar date (YYYY-MM-DD, ${MIN_YEAR}–${MAX_YEAR})`,
    );
    return undefined;
  }
  if (options.workingDay && !isWorkingDay(value)) {
    problems.add(at, `${value} is not a working day (a weekend day or a Dutch public holiday)`);
    return undefined;
  }
  return value;
}

/** Records a duplicate when `key` was seen before; otherwise remembers where it was first seen. */
export function checkUnique(
  seen: Map<string, string>,
  key: string,
  display: string,
  path: string,
  problems: Problems,
  what: string,
): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    problems.add(path, `duplicate ${what} ${JSON.stringify(display)} (first used at ${first})`);
    return false;
  }
  seen.set(key, path);
  return true;
}
