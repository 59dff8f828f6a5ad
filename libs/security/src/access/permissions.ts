import type { Role } from '../auth/principal';

export const PERMISSIONS = [
  /** Register a new case at a table. */
  'case.register',
  /** Coordinator commands on a case: triage, agenda, discussions, needs, requests, escalations, closure... */
  'case.command',
  /** Read a case (at least the reduced view). */
  'case.read',
  /** Read the full case, including discussion notes. */
  'case.read-full',
  /** Accept or reject a responsibility request. */
  'responsibility.answer',
  'inbox.read',
  'inbox.acknowledge',
  /** Register a client's personal data (name, BSN, birth date). */
  'subject.register',
  /** Read a client's personal data. */
  'subject.read',
  'reference.read',
  'reference.admin',
  'stats.read',
  /** Replay, state at a moment, integrity verification, the access log. */
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do, as data. Anything not listed is denied. Which cases, organisations and subjects a
 * permission reaches is limited by ROLE_SCOPES.
 *
 * - coordinator: everything on cases of their tables; not the audit features.
 * - liaison: reduced case view, answering and acknowledging for their own organisation. No counts (stats) and no
 *   personal data, so a liaison learns nothing about cases their organisation is not involved in.
 * - auditor: read-only, everything, except clients' personal data: the issue gives that to coordinators of the
 *   subject's tables and "nobody else".
 * - admin: reference data only.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  coordinator: Object.freeze<Permission[]>([
    'case.register',
    'case.command',
    'case.read',
    'case.read-full',
    'responsibility.answer',
    'inbox.read',
    'inbox.acknowledge',
    'subject.register',
    'subject.read',
    'reference.read',
    'stats.read',
  ]),
  liaison: Object.freeze<Permission[]>([
    'case.read',
    'responsibility.answer',
    'inbox.read',
    'inbox.acknowledge',
    'reference.read',
  ]),
  auditor: Object.freeze<Permission[]>([
    'case.read',
    'case.read-full',
    'inbox.read',
    'reference.read',
    'stats.read',
    'audit.read',
  ]),
  admin: Object.freeze<Permission[]>(['reference.read', 'reference.admin']),
});

/** Which cases a role reaches. */
export type CaseScope = 'own-tables' | 'involved-organisation' | 'all' | 'none';
/** Which organisations' requests or inbox a role reaches. */
export type OrganisationScope = 'any' | 'own-organisation' | 'none';

export interface RoleScope {
  readonly cases: CaseScope;
  /** Whose responsibility requests the role may answer (on cases it can see). */
  readonly answers: OrganisationScope;
  /** Whose inbox the role may read. Acknowledging is always for the own organisation only. */
  readonly inbox: OrganisationScope;
}

export const ROLE_SCOPES: Readonly<Record<Role, RoleScope>> = Object.freeze({
  // A coordinator records the answer a financier gives at the table, for any organisation asked.
  coordinator: Object.freeze<RoleScope>({ cases: 'own-tables', answers: 'any', inbox: 'own-organisation' }),
  liaison: Object.freeze<RoleScope>({
    cases: 'involved-organisation',
    answers: 'own-organisation',
    inbox: 'own-organisation',
  }),
  auditor: Object.freeze<RoleScope>({ cases: 'all', answers: 'none', inbox: 'any' }),
  admin: Object.freeze<RoleScope>({ cases: 'none', answers: 'none', inbox: 'none' }),
});
