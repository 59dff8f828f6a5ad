import type { CaseType, PartyRole, Urgency } from '../../vocabulary';
import type { ServiceLevels } from '../../deadlines';
import type { DomainEvent, OrganisationRef } from '../types';

export const CASE_REGISTERED = 'casus.CaseRegistered.v1';
export const CASE_ACCEPTED_AT_TRIAGE = 'casus.CaseAcceptedAtTriage.v1';
export const CASE_REFERRED_AT_TRIAGE = 'casus.CaseReferredAtTriage.v1';
export const PARTY_JOINED = 'casus.PartyJoined.v1';

/** Aanmelding. The subject is an opaque id; the 18th birthday is held only for a transition case. */
export type CaseRegistered = DomainEvent<
  typeof CASE_REGISTERED,
  {
    caseId: string;
    caseType: CaseType;
    urgency: Urgency;
    /** Free text by the coordinator, without personal data (max 500 characters). */
    summary: string;
    subjectId: string;
    tableId: string;
    /** The partner who brought the case in: the controller (verwerkingsverantwoordelijke) of its data. */
    aanbrenger: OrganisationRef;
    /** The organisation holding procesregie for the table; it must act on the table's own deadlines. */
    regiehouder: OrganisationRef;
    birthday18: string | null;
    /** The table's service levels at registration; later deadlines of this case use them. */
    serviceLevels: ServiceLevels;
    /** Due dates are recorded as decided at the time, so a later calendar change does not move them on replay. */
    discussionDueOn: string;
    /** Transition milestones relative to the 18th birthday; empty for other case types. */
    milestones: readonly { deadlineId: string; kind: string; dueOn: string }[];
    occurredAt: string;
  }
>;

export type CaseAcceptedAtTriage = DomainEvent<
  typeof CASE_ACCEPTED_AT_TRIAGE,
  { caseId: string; tableId: string; note: string | null; occurredAt: string }
>;

/** Triage found the table is not the right place; the case goes elsewhere (e.g. the wijkteam). */
export type CaseReferredAtTriage = DomainEvent<
  typeof CASE_REFERRED_AT_TRIAGE,
  { caseId: string; reason: string; referredTo: string | null; occurredAt: string }
>;

export type PartyJoined = DomainEvent<
  typeof PARTY_JOINED,
  { caseId: string; party: OrganisationRef; role: PartyRole; occurredAt: string }
>;

export type RegistrationEvent = CaseRegistered | CaseAcceptedAtTriage | CaseReferredAtTriage | PartyJoined;
