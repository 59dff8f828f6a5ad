import type { LawDomain } from '../../vocabulary';
import type { RejectionReason } from '../events/responsibility';
import type { OrganisationRef } from '../types';
import type { ProposalContext } from '../wegwijzer-advice';
import type { CaseCommandOf } from './command';

export type ProposeResponsibility = CaseCommandOf<
  'ProposeResponsibility',
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    lawDomain: LawDomain;
    financier: OrganisationRef;
    /** The facts the wegwijzer needs besides the need and the age (which the case knows). */
    context: ProposalContext;
    /** Why the table deviates from the wegwijzer, when it does. */
    deviationReason?: string;
  }
>;

export type RequestFinancier = CaseCommandOf<
  'RequestFinancier',
  { caseId: string; responsibilityId: string; requestId: string; question?: string }
>;

/** By the financier's liaison (the actor's organisation must be the financier). */
export type AcceptResponsibility = CaseCommandOf<
  'AcceptResponsibility',
  { caseId: string; responsibilityId: string }
>;

/** By the financier's liaison, with a reason and optionally the law domain they think applies. */
export type RejectResponsibility = CaseCommandOf<
  'RejectResponsibility',
  {
    caseId: string;
    responsibilityId: string;
    reasonCode: RejectionReason;
    explanation: string;
    referralLawDomain?: LawDomain;
  }
>;

/** Withdraws a proposal, or ends a held responsibility (e.g. the care stopped). */
export type EndResponsibility = CaseCommandOf<
  'EndResponsibility',
  { caseId: string; responsibilityId: string; reason: string }
>;

export type ResponsibilityCommand =
  ProposeResponsibility | RequestFinancier | AcceptResponsibility | RejectResponsibility | EndResponsibility;
