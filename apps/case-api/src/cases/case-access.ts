import type { CaseState } from '@casusregie/domain';
import type { RequestPrincipal } from '../auth/request-principal';
import { ProblemError, problem } from '../platform/problem-details';

/** A case the caller may not see is reported as absent, so that its existence does not leak. */
export function caseNotFound(): ProblemError {
  return new ProblemError(
    problem(404, { code: 'case-not-found', detail: 'No such case, or not visible to you.' }),
  );
}

/** Coordinators act on cases of their own tables only. */
export function coordinatorOfItsTable(principal: RequestPrincipal): (state: CaseState) => void {
  return (state) => {
    if (state.status === 'none') return; // the decider answers case-not-registered
    if (principal.role !== 'coordinator' || !state.tableId || !principal.tables.includes(state.tableId)) {
      throw caseNotFound();
    }
  };
}

/** Liaisons act on cases where their organisation takes part (the decider checks who is asked to answer). */
export function liaisonOfAParty(principal: RequestPrincipal): (state: CaseState) => void {
  return (state) => {
    if (state.status === 'none') return;
    if (principal.role !== 'liaison' || !organisationTakesPart(state, principal.org)) throw caseNotFound();
  };
}

export function assertCoordinatorOfTable(principal: RequestPrincipal, tableId: string): void {
  if (principal.role !== 'coordinator' || !principal.tables.includes(tableId)) {
    throw new ProblemError(
      problem(403, {
        code: 'not-a-coordinator-of-table',
        detail: `You are not a coordinator of table ${tableId}.`,
      }),
    );
  }
}

/** A party of the case, a financier asked for or holding a responsibility, or a provider asked for an offer. */
export function organisationTakesPart(state: CaseState, organisationId: string): boolean {
  return (
    organisationId in state.parties ||
    state.responsibilities.some((r) => r.financierOrganisationId === organisationId) ||
    Object.values(state.offers).some((o) => o.providerOrganisationId === organisationId)
  );
}

/** Who may read a case: coordinators of its table, liaisons of an organisation taking part, auditors. */
export function assertMayReadCase(principal: RequestPrincipal, state: CaseState): void {
  if (state.status === 'none') throw caseNotFound();
  const allowed =
    principal.role === 'auditor' ||
    (principal.role === 'coordinator' &&
      state.tableId !== null &&
      principal.tables.includes(state.tableId)) ||
    (principal.role === 'liaison' && organisationTakesPart(state, principal.org));
  if (!allowed) throw caseNotFound();
}
