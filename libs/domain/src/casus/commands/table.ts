import type { NeedCategory } from '../../vocabulary';
import type { JeugdhulpKader } from '../types';
import type { CaseCommandOf } from './command';

export type PutOnAgenda = CaseCommandOf<
  'PutOnAgenda',
  { caseId: string; sessionId: string; sessionDate: string }
>;

/** Everything a maatwerktafel session records about the case, at once. */
export type RecordDiscussion = CaseCommandOf<
  'RecordDiscussion',
  {
    caseId: string;
    sessionId: string;
    presentOrganisationIds: readonly string[];
    /** `sharedWithOrganisationIds`: whose liaisons may read the text (default: nobody outside the table). */
    agreements?: readonly {
      agreementId: string;
      text: string;
      sharedWithOrganisationIds?: readonly string[];
    }[];
    actions?: readonly {
      actionId: string;
      description: string;
      ownerOrganisationId: string;
      dueDate: string;
    }[];
    needsIdentified?: readonly { needId: string; category: NeedCategory; jeugdhulpKader?: JeugdhulpKader }[];
    needsChanged?: readonly {
      needId: string;
      category: NeedCategory;
      jeugdhulpKader?: JeugdhulpKader;
      reason: string;
    }[];
    needsEnded?: readonly { needId: string; reason: string }[];
  }
>;

export type CompleteAction = CaseCommandOf<'CompleteAction', { caseId: string; actionId: string }>;

export type TableCommand = PutOnAgenda | RecordDiscussion | CompleteAction;
