import { type Actor, isRole, MAX_SUBJECT_LENGTH, type Principal, actorOf } from '../auth/principal';
import { isIdentifier, isPlainText } from '../identifiers';
import { SecurityError } from '../security-error';

export const PERSONAL_FIELDS = ['name', 'bsn', 'birthDate'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const MAX_PURPOSE_LENGTH = 200;

/**
 * One read of a client's personal data, for the access log (NEN 7513: who, whose data, when, why). It holds
 * ids only: the purpose is free text but is refused when it looks like it contains personal data.
 */
export interface PersonalDataAccess {
  readonly actor: Actor;
  readonly subjectId: string;
  /** Why the data was read, as the user stated it (e.g. "voorbereiding maatwerktafel 12 maart"). */
  readonly purpose: string;
  /** ISO 8601 UTC timestamp. */
  readonly at: string;
  /** Which personal fields were shown. */
  readonly fields: readonly PersonalField[];
}

export class InvalidPersonalDataAccessError extends SecurityError {
  readonly code = 'personal-data.access-entry-invalid';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid personal-data access entry: ${problems.join('; ')}`);
    this.name = 'InvalidPersonalDataAccessError';
  }
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Things a purpose must not contain: they are (or may be) personal data and cannot be erased from the log. */
const PERSONAL_DATA_PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  // A standalone run of 8 or more digits, perhaps spaced or dotted: a BSN, phone or account number. Hyphenated
  // numbers are left to the patterns below, so references like "casus 2026-0042" stay allowed.
  { pattern: /(?<![\w-])\d(?:[ .]?\d){7,}(?![\w-])/, what: 'a number of 8 or more digits (BSN, phone)' },
  { pattern: /(?<![\w-])0\d{1,3}-\d{6,8}(?![\w-])/, what: 'a phone number' },
  { pattern: /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/, what: 'a date (birth date)' },
  { pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/, what: 'an e-mail address' },
];

/** The problems of a would-be access entry; empty when valid. Names are not detectable: the purpose text warns users. */
export function personalDataAccessProblems(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null) return ['the entry must be an object'];
  const { actor, subjectId, purpose, at, fields } = entry as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof actor !== 'object' || actor === null) {
    problems.push('actor must be { userId, role, organisationId }');
  } else {
    const { userId, role, organisationId } = actor as Record<string, unknown>;
    if (!isPlainText(userId, MAX_SUBJECT_LENGTH))
      problems.push('actor.userId must be a non-empty single-line id');
    if (!isRole(role)) problems.push('actor.role must be a known role');
    if (!isIdentifier(organisationId)) problems.push('actor.organisationId must be an organisation code');
  }
  if (!isIdentifier(subjectId)) problems.push('subjectId must be an opaque subject id');
  problems.push(...purposeProblems(purpose));
  if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at))) {
    problems.push('at must be an ISO 8601 UTC timestamp');
  }
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    !fields.every((field) => (PERSONAL_FIELDS as readonly unknown[]).includes(field)) ||
    new Set(fields).size !== fields.length
  ) {
    problems.push(`fields must be a non-empty list of distinct fields from ${PERSONAL_FIELDS.join(', ')}`);
  }
  return problems;
}

/** The problems of a purpose text; the messages never repeat the text. */
export function purposeProblems(purpose: unknown): string[] {
  if (typeof purpose !== 'string' || purpose.trim() === '') return ['purpose is required'];
  if (!isPlainText(purpose, MAX_PURPOSE_LENGTH)) {
    return [`purpose must be a trimmed, single-line text of at most ${MAX_PURPOSE_LENGTH} characters`];
  }
  return PERSONAL_DATA_PATTERNS.filter(({ pattern }) => pattern.test(purpose)).map(
    ({ what }) => `purpose must not contain personal data, but seems to contain ${what}`,
  );
}

export function validatePersonalDataAccess(entry: unknown): PersonalDataAccess {
  const problems = personalDataAccessProblems(entry);
  if (problems.length > 0) throw new InvalidPersonalDataAccessError(problems);
  const { actor, subjectId, purpose, at, fields } = entry as PersonalDataAccess;
  return {
    actor: { userId: actor.userId, role: actor.role, organisationId: actor.organisationId },
    subjectId,
    purpose,
    at,
    fields: [...fields],
  };
}

/** Builds and validates the entry for a principal's read at a given time. */
export function personalDataAccess(
  principal: Principal,
  read: { readonly subjectId: string; readonly purpose: string; readonly fields: readonly PersonalField[] },
  at: Date,
): PersonalDataAccess {
  return validatePersonalDataAccess({
    actor: actorOf(principal),
    subjectId: read.subjectId,
    purpose: read.purpose,
    at: Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString(),
    fields: read.fields,
  });
}
