import type { EscalationLevel, EscalationReason, LawDomain, OrganisationKind } from '../../vocabulary';
import type { DomainEvent, Functionaris } from '../types';

export const CASE_ESCALATED = 'casus.CaseEscalated.v1';
export const CASE_DEESCALATED = 'casus.CaseDeescalated.v1';
export const ADVICE_RECORDED = 'casus.AdviceRecorded.v1';
export const BREAKTHROUGH_DECIDED = 'casus.BreakthroughDecided.v1';
export const PROVISIONAL_FINANCING_SETTLED = 'casus.ProvisionalFinancingSettled.v1';

/**
 * Opschaling to a level of the ladder. A raise to the next level closes the escalation it was raised from
 * (`raisedFromEscalationId`). Responsibilities named in a dispute become 'disputed'.
 */
export type CaseEscalated = DomainEvent<
  typeof CASE_ESCALATED,
  {
    caseId: string;
    escalationId: string;
    level: EscalationLevel;
    reason: EscalationReason;
    question: string;
    mandateHolder: Functionaris;
    decisionOwner: Functionaris;
    /** Decision due by the table's escalation service level. */
    decisionDueOn: string;
    /** The due date agreed when escalating, if any. */
    agreedDueDate: string | null;
    needIds: readonly string[];
    disputedResponsibilityIds: readonly string[];
    raisedFromEscalationId: string | null;
    occurredAt: string;
  }
>;

/** Back to the maatwerktafel, with a reason. */
export type CaseDeescalated = DomainEvent<
  typeof CASE_DEESCALATED,
  { caseId: string; escalationId: string; level: EscalationLevel; reason: string; occurredAt: string }
>;

/** Advice (e.g. of an expert team) on an escalation. It does not decide anything and leaves the escalation open. */
export type AdviceRecorded = DomainEvent<
  typeof ADVICE_RECORDED,
  {
    caseId: string;
    escalationId: string;
    adviceId: string;
    advisorOrganisationId: string;
    advice: string;
    occurredAt: string;
  }
>;

export interface BreakthroughAssignment {
  readonly needId: string;
  /** The new responsibility created by the decision. */
  readonly responsibilityId: string;
  readonly lawDomain: LawDomain;
  readonly financierOrganisationId: string;
  readonly financierKind: OrganisationKind;
  /** A voorlopige financier: pays now, settles later under `settlementAgreement`. */
  readonly provisional: boolean;
  readonly settlementAgreement: string | null;
  readonly deliveredByOrganisationId: string | null;
  /** Other responsibilities for the need that this decision ends. */
  readonly supersededResponsibilityIds: readonly string[];
}

/** Doorbraakbesluit by the decision owner: who pays (possibly provisionally), who delivers, until when, evaluation. */
export type BreakthroughDecided = DomainEvent<
  typeof BREAKTHROUGH_DECIDED,
  {
    caseId: string;
    escalationId: string;
    decisionId: string;
    level: EscalationLevel;
    decidedByOrganisationId: string;
    summary: string;
    evaluationDate: string;
    validUntil: string | null;
    assignments: readonly BreakthroughAssignment[];
    occurredAt: string;
  }
>;

/**
 * Verrekening: the provisional arrangement ends. 'confirmed' when the provisional financier turns out to be the
 * definitive one (same responsibility, now accepted); 'transferred' when another financier takes over.
 */
export type ProvisionalFinancingSettled = DomainEvent<
  typeof PROVISIONAL_FINANCING_SETTLED,
  {
    caseId: string;
    needId: string;
    provisionalResponsibilityId: string;
    definitiveResponsibilityId: string;
    outcome: 'confirmed' | 'transferred';
    lawDomain: LawDomain;
    financierOrganisationId: string;
    financierKind: OrganisationKind;
    note: string;
    occurredAt: string;
  }
>;

export type EscalationEvent =
  CaseEscalated | CaseDeescalated | AdviceRecorded | BreakthroughDecided | ProvisionalFinancingSettled;
