import type { CaseCommand, RecordDiscussion, RecordTransitionPlan, TransitionRouteInput } from '../commands';
import type { CaseEvent } from '../events';
import type { LawDomain } from '../../vocabulary';
import type { OrganisationRef } from '../types';
import {
  CASE_ID,
  acceptAtTriage,
  acceptBy,
  at,
  discuss,
  meta,
  play,
  propose,
  putOnAgenda,
  register,
  requestFinancier,
} from './fixtures';
import type { ProposalContext } from '../wegwijzer-advice';

/** The client turns 18 on Monday 15 September 2025; the case is registered six months before. */
export const BIRTHDAY_18 = '2025-09-15';

/** A young person at home, no Wlz indicatie: the wegwijzer context of the transition journeys. */
export const YOUTH: ProposalContext = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
};

export function registerTransition(): CaseCommand {
  return register({
    caseType: 'transitie-18-min-18-plus',
    birthday18: BIRTHDAY_18,
    summary: 'Jongere met begeleiding en jeugd-GGZ wordt 18; route na 18 nog open.',
  });
}

/** Propose, request and accept in one go. */
export function held(
  needId: string,
  responsibilityId: string,
  lawDomain: LawDomain,
  financier: OrganisationRef,
  day: number,
): CaseCommand[] {
  return [
    propose(needId, responsibilityId, lawDomain, financier, at(day), { context: YOUTH }),
    requestFinancier(responsibilityId, `req-${responsibilityId}`, at(day, 1)),
    acceptBy(financier, responsibilityId, at(day, 2)),
  ];
}

export function plan(routes: TransitionRouteInput[], now: string): RecordTransitionPlan {
  return { type: 'RecordTransitionPlan', data: { caseId: CASE_ID, routes }, metadata: meta(now) };
}

export function successor(
  needId: string,
  responsibilityId: string,
  lawDomain: LawDomain,
  financier: OrganisationRef,
): TransitionRouteInput {
  return { route: 'successor', needId, responsibilityId, lawDomain, financier, context: YOUTH };
}

export function birthday(now: string): CaseCommand {
  return {
    type: 'PassEighteenthBirthday',
    data: { caseId: CASE_ID },
    metadata: meta(now, undefined, 'system'),
  };
}

/** A transition case at the table with the needs given, discussed on day 3 (Thursday 6 March 2025). */
export function transitionCase(needs: NonNullable<RecordDiscussion['data']['needsIdentified']>): CaseEvent[] {
  return play(registerTransition(), acceptAtTriage(), putOnAgenda(), discuss({ needsIdentified: needs }));
}
