import type { DomainEvent } from '../types';

export const STATUTORY_APPLICATION_SUBMITTED = 'casus.StatutoryApplicationSubmitted.v1';
export const STATUTORY_DECISION_RECORDED = 'casus.StatutoryDecisionRecorded.v1';

/**
 * Statutory requests whose decision terms the case tracks: a Wmo melding (onderzoek within 6 weeks), a Wmo
 * aanvraag (beschikking within 2 weeks), a CIZ aanvraag for the Wlz (6 weeks, 2 in bijzondere omstandigheden).
 */
export const STATUTORY_APPLICATION_KINDS = ['wmo-melding', 'wmo-aanvraag', 'ciz-aanvraag'] as const;
export type StatutoryApplicationKind = (typeof STATUTORY_APPLICATION_KINDS)[number];

export const STATUTORY_OUTCOMES = ['granted', 'refused', 'withdrawn'] as const;
export type StatutoryOutcome = (typeof STATUTORY_OUTCOMES)[number];

export type StatutoryApplicationSubmitted = DomainEvent<
  typeof STATUTORY_APPLICATION_SUBMITTED,
  {
    caseId: string;
    applicationId: string;
    kind: StatutoryApplicationKind;
    needId: string | null;
    /** The organisation that must decide (gemeente, CIZ). */
    deciderOrganisationId: string;
    submittedOn: string;
    urgent: boolean;
    decisionDueOn: string;
    occurredAt: string;
  }
>;

export type StatutoryDecisionRecorded = DomainEvent<
  typeof STATUTORY_DECISION_RECORDED,
  { caseId: string; applicationId: string; outcome: StatutoryOutcome; decidedOn: string; occurredAt: string }
>;

export type StatutoryEvent = StatutoryApplicationSubmitted | StatutoryDecisionRecorded;
