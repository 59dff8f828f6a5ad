import type { LawDomain, ResponsibilityStatus } from '../../vocabulary';
import type { DomainEvent } from '../types';

export const TRANSITION_PLAN_RECORDED = 'casus.TransitionPlanRecorded.v1';
export const EIGHTEENTH_BIRTHDAY_PASSED = 'casus.EighteenthBirthdayPassed.v1';

/**
 * The legal condition for verlengde jeugdhulp (18–23), one of which must hold besides "no other law applies":
 * (i) jeugdhulp started before 18 and the gemeente finds continuation necessary; (ii) before 18 it was decided that
 * jeugdhulp is needed; (iii) jeugdhulp that started before 18 ended, and within 6 months resumption is needed.
 */
export const VERLENGDE_JEUGDHULP_CONDITIONS = ['i', 'ii', 'iii'] as const;
export type VerlengdeJeugdhulpCondition = (typeof VERLENGDE_JEUGDHULP_CONDITIONS)[number];

/** The route of one need after the 18th birthday, as recorded in the toekomstplan. */
export type TransitionRoute =
  | {
      readonly route: 'successor';
      readonly needId: string;
      readonly lawDomain: LawDomain;
      readonly financierOrganisationId: string;
      /** The successor responsibility proposed with the plan; it takes effect at the birthday. */
      readonly responsibilityId: string;
    }
  | {
      readonly route: 'verlengde-jeugdhulp';
      readonly needId: string;
      readonly condition: VerlengdeJeugdhulpCondition;
      /** Why the help cannot be given under another law (Jw art. 1.2 lid 1 sub b). */
      readonly otherLawsExplanation: string;
    }
  | { readonly route: 'ending'; readonly needId: string; readonly explanation: string };

export type TransitionPlanRecorded = DomainEvent<
  typeof TRANSITION_PLAN_RECORDED,
  {
    caseId: string;
    birthday18: string;
    routes: readonly TransitionRoute[];
    /** Successor responsibilities of earlier versions of the plan that this version withdraws. */
    withdrawnResponsibilityIds: readonly string[];
    occurredAt: string;
  }
>;

/** Why a responsibility ends at 18: a rule of research/domain.md §1.2, or a plan decision. */
export type BirthdayGround =
  'T1' | 'T3' | 'T4' | 'T5' | 'T10' | 'jeugdige-under-18' | 'plan-ending' | 'predecessor-continues';

export interface BirthdayEnding {
  readonly needId: string;
  readonly responsibilityId: string;
  readonly from: ResponsibilityStatus;
  readonly to: 'ended' | 'transferred';
  readonly ground: BirthdayGround;
  readonly successorResponsibilityId: string | null;
}

export interface BirthdayTakeover {
  readonly needId: string;
  readonly responsibilityId: string;
  readonly predecessorResponsibilityId: string | null;
  /** The successor's own status: 'accepted' holds the need, anything else leaves a gap. */
  readonly status: ResponsibilityStatus;
}

export interface BirthdayContinuation {
  readonly needId: string;
  readonly responsibilityId: string;
  readonly ground: 'strafrechtelijk' | 'pleegzorg' | 'verlengde-jeugdhulp';
}

/**
 * The 18th birthday has passed. Jeugdwet responsibilities that cannot continue end or are transferred to their
 * planned successor (basis 'statutory-handover'); successors take effect; needs planned to end, end. Evolve applies
 * exactly what the event lists: the rules are applied once, in decide, and replays do not depend on them.
 */
export type EighteenthBirthdayPassed = DomainEvent<
  typeof EIGHTEENTH_BIRTHDAY_PASSED,
  {
    caseId: string;
    birthday18: string;
    endings: readonly BirthdayEnding[];
    takeovers: readonly BirthdayTakeover[];
    continuations: readonly BirthdayContinuation[];
    endedNeedIds: readonly string[];
    /** Open needs that had a holder before the birthday and have none after it: the new gaps. */
    newGapNeedIds: readonly string[];
    occurredAt: string;
  }
>;

export type TransitionEvent = TransitionPlanRecorded | EighteenthBirthdayPassed;
