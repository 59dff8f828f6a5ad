import type { OfferRefusalReason } from '../events/placement';
import type { OrganisationRef } from '../types';
import type { CaseCommandOf } from './command';

export type RequestOffer = CaseCommandOf<
  'RequestOffer',
  { caseId: string; offerId: string; needId: string; provider: OrganisationRef; question?: string }
>;

/** By the provider (the actor's organisation must be the provider). */
export type AcceptOffer = CaseCommandOf<'AcceptOffer', { caseId: string; offerId: string }>;

export type RefuseOffer = CaseCommandOf<
  'RefuseOffer',
  { caseId: string; offerId: string; reasonCode: OfferRefusalReason; explanation: string }
>;

export type StartPlacement = CaseCommandOf<
  'StartPlacement',
  { caseId: string; placementId: string; offerId: string; startDate: string }
>;

export type EndPlacement = CaseCommandOf<
  'EndPlacement',
  { caseId: string; placementId: string; endDate: string; reason: string }
>;

export type PlacementCommand = RequestOffer | AcceptOffer | RefuseOffer | StartPlacement | EndPlacement;
