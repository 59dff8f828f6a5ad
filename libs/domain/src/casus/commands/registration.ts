import type { CaseType, PartyRole, Urgency } from '../../vocabulary';
import type { ServiceLevels } from '../../deadlines';
import type { OrganisationRef } from '../types';
import type { CaseCommandOf } from './command';

export type RegisterCase = CaseCommandOf<
  'RegisterCase',
  {
    caseId: string;
    caseType: CaseType;
    urgency: Urgency;
    /** No personal data; at most 500 characters. */
    summary: string;
    subjectId: string;
    tableId: string;
    aanbrenger: OrganisationRef;
    regiehouder: OrganisationRef;
    /** Required for a transition case (transitie-18-min-18-plus), refused for any other type. */
    birthday18?: string;
    serviceLevels: ServiceLevels;
  }
>;

export type TriageCase = CaseCommandOf<
  'TriageCase',
  | { caseId: string; outcome: 'accept-for-table'; note?: string }
  | { caseId: string; outcome: 'refer-elsewhere'; reason: string; referredTo?: string }
>;

export type AddParty = CaseCommandOf<'AddParty', { caseId: string; party: OrganisationRef; role: PartyRole }>;

export type RegistrationCommand = RegisterCase | TriageCase | AddParty;
