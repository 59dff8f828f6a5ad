import type { NeedCategory } from '../../vocabulary';
import type { DomainEvent, JeugdhulpKader } from '../types';

export const CASE_PUT_ON_AGENDA = 'casus.CasePutOnAgenda.v1';
export const DISCUSSION_RECORDED = 'casus.DiscussionRecorded.v1';
export const AGREEMENT_RECORDED = 'casus.AgreementRecorded.v1';
export const ACTION_ASSIGNED = 'casus.ActionAssigned.v1';
export const ACTION_COMPLETED = 'casus.ActionCompleted.v1';
export const NEED_IDENTIFIED = 'casus.NeedIdentified.v1';
export const NEED_CHANGED = 'casus.NeedChanged.v1';
export const NEED_ENDED = 'casus.NeedEnded.v1';

export type CasePutOnAgenda = DomainEvent<
  typeof CASE_PUT_ON_AGENDA,
  { caseId: string; tableId: string; sessionId: string; sessionDate: string; occurredAt: string }
>;

export type DiscussionRecorded = DomainEvent<
  typeof DISCUSSION_RECORDED,
  { caseId: string; sessionId: string; presentOrganisationIds: readonly string[]; occurredAt: string }
>;

export type AgreementRecorded = DomainEvent<
  typeof AGREEMENT_RECORDED,
  {
    caseId: string;
    sessionId: string;
    agreementId: string;
    text: string;
    /**
     * The organisations the table shared the text with (their liaisons may read it); `[]` when shared with
     * none. Absent in events written before sharing was recorded: read that as not shared.
     */
    sharedWithOrganisationIds?: readonly string[];
    occurredAt: string;
  }
>;

export type ActionAssigned = DomainEvent<
  typeof ACTION_ASSIGNED,
  {
    caseId: string;
    sessionId: string;
    actionId: string;
    description: string;
    ownerOrganisationId: string;
    dueDate: string;
    occurredAt: string;
  }
>;

export type ActionCompleted = DomainEvent<
  typeof ACTION_COMPLETED,
  { caseId: string; actionId: string; occurredAt: string }
>;

/** A zorgfunctie made explicit at the table. */
export type NeedIdentified = DomainEvent<
  typeof NEED_IDENTIFIED,
  {
    caseId: string;
    sessionId: string;
    needId: string;
    category: NeedCategory;
    jeugdhulpKader: JeugdhulpKader | null;
    occurredAt: string;
  }
>;

export type NeedChanged = DomainEvent<
  typeof NEED_CHANGED,
  {
    caseId: string;
    sessionId: string;
    needId: string;
    category: NeedCategory;
    jeugdhulpKader: JeugdhulpKader | null;
    reason: string;
    occurredAt: string;
  }
>;

/** The need no longer exists (met, or not needed after 18); its open and held responsibilities end with it. */
export type NeedEnded = DomainEvent<
  typeof NEED_ENDED,
  {
    caseId: string;
    sessionId: string | null;
    needId: string;
    reason: string;
    endedResponsibilityIds: readonly string[];
    occurredAt: string;
  }
>;

export type TableEvent =
  | CasePutOnAgenda
  | DiscussionRecorded
  | AgreementRecorded
  | ActionAssigned
  | ActionCompleted
  | NeedIdentified
  | NeedChanged
  | NeedEnded;
