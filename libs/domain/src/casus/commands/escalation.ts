import type { EscalationLevel, EscalationReason, LawDomain } from '../../vocabulary';
import type { Functionaris, OrganisationRef } from '../types';
import type { CaseCommandOf } from './command';

export type EscalateCase = CaseCommandOf<
  'EscalateCase',
  {
    caseId: string;
    escalationId: string;
    level: EscalationLevel;
    reason: EscalationReason;
    question: string;
    /** Required: an escalation without mandate holder and decision owner ends in advice nobody acts on. */
    mandateHolder?: Functionaris;
    decisionOwner?: Functionaris;
    /** The agreed due date (YYYY-MM-DD). The decision is also due by the table's escalation service level. */
    dueDate?: string;
    /** The needs the escalation is about; required for a dispute between financiers. */
    needIds?: readonly string[];
  }
>;

export type DeescalateCase = CaseCommandOf<
  'DeescalateCase',
  { caseId: string; escalationId: string; reason: string }
>;

export type RecordAdvice = CaseCommandOf<
  'RecordAdvice',
  { caseId: string; escalationId: string; adviceId: string; advisorOrganisationId: string; advice: string }
>;

export interface AssignmentInput {
  readonly needId: string;
  readonly lawDomain: LawDomain;
  readonly financier: OrganisationRef;
  readonly provisional: boolean;
  /** Required when provisional: how the financiers will settle (verrekenen) later. */
  readonly settlementAgreement?: string;
  readonly deliveredByOrganisationId?: string;
}

/** Doorbraakbesluit: only the escalation's decision owner (organisation) can take it. */
export type DecideBreakthrough = CaseCommandOf<
  'DecideBreakthrough',
  {
    caseId: string;
    escalationId: string;
    decisionId: string;
    summary: string;
    evaluationDate: string;
    validUntil?: string;
    assignments: readonly AssignmentInput[];
  }
>;

export type SettleProvisionalFinancing = CaseCommandOf<
  'SettleProvisionalFinancing',
  {
    caseId: string;
    responsibilityId: string;
    definitive: { lawDomain: LawDomain; financier: OrganisationRef };
    note: string;
  }
>;

export type EscalationCommand =
  EscalateCase | DeescalateCase | RecordAdvice | DecideBreakthrough | SettleProvisionalFinancing;
