import type { DomainEvent } from '../types';

export const CASE_CLOSED = 'casus.CaseClosed.v1';
export const CASE_REOPENED = 'casus.CaseReopened.v1';

export const CASE_RESULTS = [
  'placed',
  'responsibility-arranged',
  'referred-elsewhere',
  'no-longer-needed',
  'client-declined',
  'other',
] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export type CaseClosed = DomainEvent<
  typeof CASE_CLOSED,
  { caseId: string; result: CaseResult; note: string | null; occurredAt: string }
>;

/** Back to the table; a new discussion deadline starts. */
export type CaseReopened = DomainEvent<
  typeof CASE_REOPENED,
  {
    caseId: string;
    reason: string;
    discussionDeadlineId: string;
    discussionDueOn: string;
    occurredAt: string;
  }
>;

export type ClosureEvent = CaseClosed | CaseReopened;
