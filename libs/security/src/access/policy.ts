import type { Principal, Role } from '../auth/principal';
import {
  type OrganisationScope,
  type Permission,
  ROLE_PERMISSIONS,
  ROLE_SCOPES,
  type RoleScope,
} from './permissions';

/** What the policy needs to know about a case. Organisation ids must be the identifiers tokens carry in `org`. */
export interface CaseAccessFacts {
  readonly tableId: string;
  /** Organisations that are a party to the case. */
  readonly partyOrganisationIds: readonly string[];
  /** Organisations asked to answer a responsibility request on the case. */
  readonly askedOrganisationIds: readonly string[];
}

export type CaseView = 'full' | 'reduced' | 'none';

/** Deny by default: a role that is not in the tables (e.g. from an unchecked object) gets nothing. */
function scopeOf(principal: Principal): RoleScope | undefined {
  return Object.hasOwn(ROLE_SCOPES, principal.role) ? ROLE_SCOPES[principal.role as Role] : undefined;
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return (
    Object.hasOwn(ROLE_PERMISSIONS, principal.role) && ROLE_PERMISSIONS[principal.role].includes(permission)
  );
}

/** Whether the case is within the principal's reach at all (lists, counts and details alike). */
export function canSeeCase(principal: Principal, facts: CaseAccessFacts): boolean {
  if (!hasPermission(principal, 'case.read')) return false;
  switch (scopeOf(principal)?.cases) {
    case 'all':
      return true;
    case 'own-tables':
      return principal.tables.includes(facts.tableId);
    case 'involved-organisation':
      return (
        facts.partyOrganisationIds.includes(principal.org) ||
        facts.askedOrganisationIds.includes(principal.org)
      );
    default:
      return false;
  }
}

/**
 * How much of the case the principal sees. 'reduced' leaves out discussion notes (unless shared with the
 * principal's organisation, which the read side decides per note).
 */
export function caseView(principal: Principal, facts: CaseAccessFacts): CaseView {
  if (!canSeeCase(principal, facts)) return 'none';
  return hasPermission(principal, 'case.read-full') ? 'full' : 'reduced';
}

/** A permission on one case: the role must have it and the case must be within reach. */
export function canActOnCase(principal: Principal, permission: Permission, facts: CaseAccessFacts): boolean {
  return hasPermission(principal, permission) && canSeeCase(principal, facts);
}

/** Whether the principal may accept or reject a request addressed to that organisation (check the case too). */
export function canAnswerRequest(principal: Principal, addressedOrganisationId: string): boolean {
  return (
    hasPermission(principal, 'responsibility.answer') &&
    reaches(scopeOf(principal)?.answers, principal, addressedOrganisationId)
  );
}

/** Whether the principal may read the inbox of that organisation. */
export function canReadInbox(principal: Principal, organisationId: string): boolean {
  return (
    hasPermission(principal, 'inbox.read') && reaches(scopeOf(principal)?.inbox, principal, organisationId)
  );
}

/** Whether the principal may acknowledge a notification addressed to that organisation: only their own. */
export function canAcknowledge(principal: Principal, addressedOrganisationId: string): boolean {
  return hasPermission(principal, 'inbox.acknowledge') && addressedOrganisationId === principal.org;
}

/**
 * Whether the principal may read a client's personal data: only with 'subject.read' and only when the client
 * has a case at one of the principal's tables.
 */
export function canReadSubject(principal: Principal, tableIdsOfSubjectCases: readonly string[]): boolean {
  return (
    hasPermission(principal, 'subject.read') &&
    tableIdsOfSubjectCases.some((id) => principal.tables.includes(id))
  );
}

function reaches(
  scope: OrganisationScope | undefined,
  principal: Principal,
  organisationId: string,
): boolean {
  if (scope === 'any') return true;
  if (scope === 'own-organisation') return organisationId === principal.org;
  return false;
}
