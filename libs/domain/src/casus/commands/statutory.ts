import type { StatutoryApplicationKind, StatutoryOutcome } from '../events/statutory';
import type { OrganisationRef } from '../types';
import type { CaseCommandOf } from './command';

export type RecordStatutoryApplication = CaseCommandOf<
  'RecordStatutoryApplication',
  {
    caseId: string;
    applicationId: string;
    kind: StatutoryApplicationKind;
    needId?: string;
    decider: OrganisationRef;
    submittedOn: string;
    /** CIZ bijzondere omstandigheden: 2 weeks instead of 6. */
    urgent?: boolean;
  }
>;

export type RecordStatutoryDecision = CaseCommandOf<
  'RecordStatutoryDecision',
  { caseId: string; applicationId: string; outcome: StatutoryOutcome; decidedOn: string }
>;

export type StatutoryCommand = RecordStatutoryApplication | RecordStatutoryDecision;
