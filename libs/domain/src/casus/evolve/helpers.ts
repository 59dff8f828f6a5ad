import type { PartyRole } from '../../vocabulary';
import type { CaseState, ResponsibilityState } from '../state';
import { toDutchDate } from '../time';
import type { OrganisationRef } from '../types';

type Patch = Partial<Omit<ResponsibilityState, 'responsibilityId' | 'needId'>>;

export function patchResponsibilities(
  state: CaseState,
  ids: readonly string[],
  patch: (r: ResponsibilityState) => Patch,
): CaseState {
  if (ids.length === 0) return state;
  return {
    ...state,
    responsibilities: state.responsibilities.map((r) =>
      ids.includes(r.responsibilityId) ? { ...r, ...patch(r) } : r,
    ),
  };
}

export function endResponsibilities(state: CaseState, ids: readonly string[], occurredAt: string): CaseState {
  return patchResponsibilities(state, ids, () => ({
    status: 'ended',
    openRequestId: null,
    endedOn: toDutchDate(occurredAt),
  }));
}

export function addResponsibility(
  state: CaseState,
  r: Omit<ResponsibilityState, 'openRequestId' | 'endedOn'>,
): CaseState {
  return {
    ...state,
    responsibilities: [...state.responsibilities, { ...r, openRequestId: null, endedOn: null }],
  };
}

export function withPartyRole(state: CaseState, party: OrganisationRef, role: PartyRole): CaseState {
  const existing = state.parties[party.organisationId];
  const roles = existing
    ? existing.roles.includes(role)
      ? existing.roles
      : [...existing.roles, role]
    : [role];
  return {
    ...state,
    parties: { ...state.parties, [party.organisationId]: { party: existing?.party ?? party, roles } },
  };
}
