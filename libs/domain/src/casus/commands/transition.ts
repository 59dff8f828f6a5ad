import type { LawDomain } from '../../vocabulary';
import type { VerlengdeJeugdhulpCondition } from '../events/transition';
import type { OrganisationRef } from '../types';
import type { ProposalContext } from '../wegwijzer-advice';
import type { CaseCommandOf } from './command';

export type TransitionRouteInput =
  | {
      readonly route: 'successor';
      readonly needId: string;
      readonly responsibilityId: string;
      readonly lawDomain: LawDomain;
      readonly financier: OrganisationRef;
      readonly context: ProposalContext;
      readonly deviationReason?: string;
    }
  | {
      readonly route: 'verlengde-jeugdhulp';
      readonly needId: string;
      readonly condition: VerlengdeJeugdhulpCondition;
      readonly otherLawsExplanation: string;
    }
  | { readonly route: 'ending'; readonly needId: string; readonly explanation: string };

/** Toekomstplan: per need, the route after 18. A later plan replaces the route of the needs it names. */
export type RecordTransitionPlan = CaseCommandOf<
  'RecordTransitionPlan',
  { caseId: string; routes: readonly TransitionRouteInput[] }
>;

/** Sent by the deadline watcher (or a coordinator) once the 18th birthday has come; idempotent in effect. */
export type PassEighteenthBirthday = CaseCommandOf<'PassEighteenthBirthday', { caseId: string }>;

export type TransitionCommand = RecordTransitionPlan | PassEighteenthBirthday;
