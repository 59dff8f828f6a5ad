import type { DomainEvent } from '../types';

export const OFFER_REQUESTED = 'casus.OfferRequested.v1';
export const OFFER_ACCEPTED = 'casus.OfferAccepted.v1';
export const OFFER_REFUSED = 'casus.OfferRefused.v1';
export const PLACEMENT_STARTED = 'casus.PlacementStarted.v1';
export const PLACEMENT_ENDED = 'casus.PlacementEnded.v1';

export const OFFER_REFUSAL_REASONS = [
  'no-capacity',
  'care-needs-too-complex',
  'safety-risk',
  'outside-target-group',
  'no-funding',
  'client-declined',
  'other',
] as const;
export type OfferRefusalReason = (typeof OFFER_REFUSAL_REASONS)[number];

export type OfferRequested = DomainEvent<
  typeof OFFER_REQUESTED,
  {
    caseId: string;
    offerId: string;
    needId: string;
    providerOrganisationId: string;
    question: string | null;
    occurredAt: string;
  }
>;

export type OfferAccepted = DomainEvent<
  typeof OFFER_ACCEPTED,
  { caseId: string; offerId: string; needId: string; providerOrganisationId: string; occurredAt: string }
>;

/** A provider's refusal: a first-class fact that reports count (moeilijk plaatsbaren). */
export type OfferRefused = DomainEvent<
  typeof OFFER_REFUSED,
  {
    caseId: string;
    offerId: string;
    needId: string;
    providerOrganisationId: string;
    reasonCode: OfferRefusalReason;
    explanation: string;
    occurredAt: string;
  }
>;

export type PlacementStarted = DomainEvent<
  typeof PLACEMENT_STARTED,
  {
    caseId: string;
    placementId: string;
    offerId: string;
    needId: string;
    providerOrganisationId: string;
    startDate: string;
    occurredAt: string;
  }
>;

export type PlacementEnded = DomainEvent<
  typeof PLACEMENT_ENDED,
  { caseId: string; placementId: string; needId: string; endDate: string; reason: string; occurredAt: string }
>;

export type PlacementEvent =
  OfferRequested | OfferAccepted | OfferRefused | PlacementStarted | PlacementEnded;
