import { FINANCIER_KIND_BY_DOMAIN, LAW_DOMAINS, ORGANISATION_KINDS } from '../../vocabulary';
import type { LawDomain, PartyRole } from '../../vocabulary';
import { refuse } from '../errors';
import type { PartyJoined } from '../events/registration';
import type { CaseState, EscalationRecord, NeedRecord, ResponsibilityState } from '../state';
import type { Functionaris, OrganisationRef } from '../types';
import { requireId, requireOneOf, requireText } from '../validation';
import { own } from '../own';

export function requireRegistered(state: CaseState): void {
  if (state.status === 'none')
    refuse('case-not-registered', 'This case has not been registered (aangemeld).');
}

export function requireNotClosed(state: CaseState): void {
  requireRegistered(state);
  if (state.status === 'closed') refuse('case-closed', 'The case is closed; reopen it first.');
}

/** Most work at the table needs a case that triage accepted and that is not closed. */
export function requireAtTable(state: CaseState): void {
  requireNotClosed(state);
  if (state.status === 'referred') refuse('case-referred', 'Triage referred this case elsewhere.');
  if (state.status === 'registered')
    refuse('case-not-triaged', 'The case has not been accepted at triage yet.');
}

export function requireNeed(state: CaseState, needId: string): NeedRecord {
  const need = state.needs.find((n) => n.needId === needId);
  if (!need) refuse('need-not-found', `The case has no need (zorgfunctie) ${needId}.`);
  return need;
}

export function requireOpenNeed(state: CaseState, needId: string): NeedRecord {
  const need = requireNeed(state, needId);
  if (need.status === 'ended') refuse('need-ended', `The need ${needId} has ended.`);
  return need;
}

export function requireResponsibility(state: CaseState, responsibilityId: string): ResponsibilityState {
  const r = state.responsibilities.find((x) => x.responsibilityId === responsibilityId);
  if (!r) refuse('responsibility-not-found', `The case has no responsibility ${responsibilityId}.`);
  return r;
}

export function requireEscalation(state: CaseState, escalationId: string): EscalationRecord {
  const escalation = own(state.escalations, escalationId);
  if (!escalation) refuse('escalation-not-found', `The case has no escalation ${escalationId}.`);
  return escalation;
}

export function requireOpenEscalation(state: CaseState, escalationId: string): EscalationRecord {
  const escalation = requireEscalation(state, escalationId);
  if (escalation.status !== 'open') {
    refuse('escalation-not-open', `The escalation ${escalationId} is no longer open (${escalation.status}).`);
  }
  return escalation;
}

export function requireNewId(taken: boolean, id: string, what: string): void {
  if (taken) refuse('duplicate-id', `The ${what} ${id} already exists in this case.`);
}

export function requireUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) refuse('duplicate-id', `The ${what} ${id} is named twice.`);
    seen.add(id);
  }
}

export function requireOrganisation(ref: OrganisationRef | undefined, what: string): OrganisationRef {
  if (!ref || typeof ref !== 'object') refuse('invalid-id', `The ${what} is required.`);
  return {
    organisationId: requireId(ref.organisationId, `The ${what}'s organisation id`),
    kind: requireOneOf(ref.kind, ORGANISATION_KINDS, `The ${what}'s kind`),
    code: requireText(ref.code, `The ${what}'s code`, 32),
  };
}

export function requireFunctionaris(f: Functionaris, what: string): Functionaris {
  return {
    organisationId: requireId(f.organisationId, `The ${what}'s organisation`),
    functionTitle: requireText(f.functionTitle, `The ${what}'s function title`, 200),
  };
}

export function requireLawDomain(value: unknown, what: string): LawDomain {
  return requireOneOf(value, LAW_DOMAINS, what);
}

/** A law domain is financed by one kind of organisation (Zvw: zorgverzekeraar, Wlz: zorgkantoor, ...). */
export function requireFinancierFits(lawDomain: LawDomain, financier: OrganisationRef): void {
  const expected = FINANCIER_KIND_BY_DOMAIN[lawDomain];
  if (expected !== 'overig' && financier.kind !== expected) {
    refuse(
      'financier-kind-mismatch',
      `${lawDomain} is financed by a ${expected}; ${financier.organisationId} is a ${financier.kind}.`,
    );
  }
}

/** A PartyJoined event when the organisation does not yet have this role in the case. */
export function joinIfNew(
  state: CaseState,
  party: OrganisationRef,
  role: PartyRole,
  at: string,
): PartyJoined[] {
  const existing = own(state.parties, party.organisationId);
  if (existing?.roles.includes(role)) return [];
  return [{ type: 'casus.PartyJoined.v1', data: { caseId: state.caseId!, party, role, occurredAt: at } }];
}

/** The same organisation may appear several times in one decision; join it once. */
export function joinAllIfNew(
  state: CaseState,
  parties: readonly OrganisationRef[],
  role: PartyRole,
  at: string,
) {
  const seen = new Set<string>();
  return parties.flatMap((party) => {
    if (seen.has(party.organisationId)) return [];
    seen.add(party.organisationId);
    return joinIfNew(state, party, role, at);
  });
}
