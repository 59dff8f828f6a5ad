import type { LawDomain, OrganisationKind, ResponsibilityBasisKind } from '../../vocabulary';
import type { DomainEvent, TakesEffect, WegwijzerAdvice } from '../types';

export const RESPONSIBILITY_PROPOSED = 'casus.ResponsibilityProposed.v1';
export const FINANCIER_REQUESTED = 'casus.FinancierRequested.v1';
export const RESPONSIBILITY_ACCEPTED = 'casus.ResponsibilityAccepted.v1';
export const RESPONSIBILITY_REJECTED = 'casus.ResponsibilityRejected.v2';
export const RESPONSIBILITY_ENDED = 'casus.ResponsibilityEnded.v1';

export const REJECTION_REASONS = [
  'other-law-applies',
  'not-insured-with-us',
  'criteria-not-met',
  'insufficient-information',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A law domain and financier proposed for a need. Records what the wegwijzer suggested and whether the proposal
 * deviates from it: a deviation is allowed, and visible.
 */
export type ResponsibilityProposed = DomainEvent<
  typeof RESPONSIBILITY_PROPOSED,
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    lawDomain: LawDomain;
    financierOrganisationId: string;
    financierKind: OrganisationKind;
    basis: ResponsibilityBasisKind;
    takesEffect: TakesEffect;
    wegwijzer: WegwijzerAdvice;
    deviation: boolean;
    deviationReason: string | null;
    occurredAt: string;
  }
>;

/** The financier's liaison is asked to accept; the answer is due by the end of `answerDueOn` (Dutch date). */
export type FinancierRequested = DomainEvent<
  typeof FINANCIER_REQUESTED,
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    requestId: string;
    financierOrganisationId: string;
    question: string | null;
    answerDueOn: string;
    occurredAt: string;
  }
>;

export type ResponsibilityAccepted = DomainEvent<
  typeof RESPONSIBILITY_ACCEPTED,
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    requestId: string;
    financierOrganisationId: string;
    occurredAt: string;
  }
>;

/** The liaison refuses; optionally points at the law domain they think applies. (v1 had a free-text reason only.) */
export type ResponsibilityRejected = DomainEvent<
  typeof RESPONSIBILITY_REJECTED,
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    requestId: string;
    financierOrganisationId: string;
    reasonCode: RejectionReason;
    explanation: string;
    referralLawDomain: LawDomain | null;
    occurredAt: string;
  }
>;

/** A proposal withdrawn, or a held responsibility that stops (e.g. the care ended). */
export type ResponsibilityEnded = DomainEvent<
  typeof RESPONSIBILITY_ENDED,
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    wasHolding: boolean;
    reason: string;
    occurredAt: string;
  }
>;

export type ResponsibilityEvent =
  | ResponsibilityProposed
  | FinancierRequested
  | ResponsibilityAccepted
  | ResponsibilityRejected
  | ResponsibilityEnded;
