import type { LawDomain } from '../../vocabulary';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { isActive } from '../holding';
import type { CaseState, NeedRecord } from '../state';
import type { OrganisationRef, TakesEffect } from '../types';
import { optionalText, requireId } from '../validation';
import { adviseOn } from '../wegwijzer-advice';
import type { ProposalContext } from '../wegwijzer-advice';
import {
  joinIfNew,
  requireFinancierFits,
  requireLawDomain,
  requireNewId,
  requireOrganisation,
} from './guards';
import { toDutchDate } from '../time';
import { own } from '../own';

export interface ProposalInput {
  readonly need: NeedRecord;
  readonly responsibilityId: string;
  readonly lawDomain: LawDomain;
  readonly financier: OrganisationRef;
  readonly context: ProposalContext;
  readonly deviationReason: string | undefined;
  readonly takesEffect: TakesEffect;
}

/**
 * After 18 the Jeugdwet only applies with grounds: jeugdhulp following a strafrechtelijke beslissing, pleegzorg,
 * or verlengde jeugdhulp recorded in the toekomstplan (research §1.2). A successor for the birthday is never
 * Jeugdwet: continuing Jeugdwet help is verlengde jeugdhulp, a route of its own.
 */
export function requireJeugdwetGrounds(
  state: CaseState,
  need: NeedRecord,
  lawDomain: LawDomain,
  at18: boolean,
) {
  if (lawDomain !== 'Jeugdwet' || !(state.birthdayPassed || at18)) return;
  const route = own(state.transitionRoutes, need.needId);
  const grounds = !at18 && (need.jeugdhulpKader !== null || route?.route === 'verlengde-jeugdhulp');
  if (!grounds) {
    refuse(
      'jeugdwet-after-18-requires-grounds',
      'After the 18th birthday the Jeugdwet applies only to strafrechtelijke jeugdhulp, pleegzorg or verlengde ' +
        'jeugdhulp recorded in the toekomstplan.',
    );
  }
}

/** The events of a proposal: the financier joins the case if new, and the proposal records the wegwijzer advice. */
export function proposal(state: CaseState, input: ProposalInput, at: string): CaseEvent[] {
  const responsibilityId = requireId(input.responsibilityId, 'The responsibility id');
  requireNewId(
    state.responsibilities.some((r) => r.responsibilityId === responsibilityId),
    responsibilityId,
    'responsibility',
  );
  const lawDomain = requireLawDomain(input.lawDomain, 'The law domain');
  const financier = requireOrganisation(input.financier, 'financier');
  requireFinancierFits(lawDomain, financier);
  const at18 = input.takesEffect === 'at-18th-birthday';
  requireJeugdwetGrounds(state, input.need, lawDomain, at18);
  const duplicate = state.responsibilities.find(
    (r) =>
      r.needId === input.need.needId &&
      r.lawDomain === lawDomain &&
      r.financierOrganisationId === financier.organisationId &&
      r.takesEffect === input.takesEffect &&
      isActive(r),
  );
  if (duplicate) {
    refuse(
      'responsibility-already-proposed',
      `${financier.organisationId} (${lawDomain}) is already in play for this need (${duplicate.responsibilityId}).`,
    );
  }
  const evaluatedOn = at18 ? state.birthday18! : toDutchDate(at);
  const route = own(state.transitionRoutes, input.need.needId);
  const { advice, deviation } = adviseOn(
    input.need,
    input.context,
    { birthday18: state.birthday18, verlengdeJeugdhulp: route?.route === 'verlengde-jeugdhulp' },
    evaluatedOn,
    lawDomain,
  );
  const followsRule = !deviation && !advice.noRuleApplies;
  return [
    ...joinIfNew(state, financier, 'financier', at),
    {
      type: 'casus.ResponsibilityProposed.v1',
      data: {
        caseId: state.caseId!,
        needId: input.need.needId,
        responsibilityId,
        lawDomain,
        financierOrganisationId: financier.organisationId,
        financierKind: financier.kind,
        basis: at18 ? 'statutory-handover' : followsRule ? 'wegwijzer-rule' : 'table-agreement',
        takesEffect: input.takesEffect,
        wegwijzer: advice,
        deviation,
        deviationReason: deviation ? optionalText(input.deviationReason, 'The reason to deviate') : null,
        occurredAt: at,
      },
    },
  ];
}
