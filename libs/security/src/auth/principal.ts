import { isIdentifier, isPlainText } from '../identifiers';
import { AuthError } from './auth-error';

export const ROLES = ['coordinator', 'liaison', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, as taken from the access token's claims. */
export interface Principal {
  /** The user's stable id at the identity provider. */
  readonly sub: string;
  /** Display name of the user (an employee, never a client). */
  readonly name: string;
  readonly role: Role;
  /**
   * The organisation the user acts for: a CBS gemeentecode (GM0344), UZOVI code, zorgkantoor code or AGB code.
   * Access decisions compare it with the organisation ids of a case, so both must use the same identifier.
   */
  readonly org: string;
  /** Ids of the tables (maatwerktafel, opschaaltafel) the user works at. */
  readonly tables: readonly string[];
}

/** The actor of an event or access-log entry, in the event envelope's words. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly organisationId: string;
}

export const MAX_SUBJECT_LENGTH = 255;
export const MAX_NAME_LENGTH = 200;
export const MAX_TABLES = 100;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function actorOf(principal: Principal): Actor {
  return { userId: principal.sub, role: principal.role, organisationId: principal.org };
}

/**
 * The claim problems of a would-be principal, each naming the claim but never its value; empty when valid.
 * A coordinator without tables is refused: such a token can only come from a misconfigured identity provider.
 */
export function principalClaimProblems(claims: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!isPlainText(claims.sub, MAX_SUBJECT_LENGTH)) {
    problems.push(
      `claim "sub" must be a non-empty single-line string of at most ${MAX_SUBJECT_LENGTH} characters`,
    );
  }
  if (!isPlainText(claims.name, MAX_NAME_LENGTH)) {
    problems.push(
      `claim "name" must be a non-empty single-line string of at most ${MAX_NAME_LENGTH} characters`,
    );
  }
  if (!isRole(claims.role)) problems.push(`claim "role" must be one of ${ROLES.join(', ')}`);
  if (!isIdentifier(claims.org))
    problems.push('claim "org" must be an organisation code (letters, digits, ._:-)');
  const tables = claims.tables;
  if (!Array.isArray(tables) || tables.length > MAX_TABLES || !tables.every(isIdentifier)) {
    problems.push(`claim "tables" must be an array of at most ${MAX_TABLES} table ids`);
  } else if (new Set(tables).size !== tables.length) {
    problems.push('claim "tables" must not repeat a table id');
  } else if (claims.role === 'coordinator' && tables.length === 0) {
    problems.push('claim "tables" must name at least one table for a coordinator');
  }
  return problems;
}

/** Picks and validates the principal claims of a verified token payload. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const problems = principalClaimProblems(claims);
  if (problems.length > 0)
    throw new AuthError('auth.claims-invalid', `Token claims are invalid: ${problems.join('; ')}`);
  return {
    sub: claims.sub as string,
    name: claims.name as string,
    role: claims.role as Role,
    org: claims.org as string,
    tables: Object.freeze([...(claims.tables as string[])]),
  };
}
