import type { DomainEvent } from '../types';

export const DEADLINE_SUSPENDED = 'casus.DeadlineSuspended.v1';
export const DEADLINE_RESUMED = 'casus.DeadlineResumed.v1';
export const DEADLINE_EXTENDED = 'casus.DeadlineExtended.v1';
export const DEADLINE_CLOSED = 'casus.DeadlineClosed.v1';

/** Opschorting: the clock of a deadline stops until it is resumed; the due date moves by the suspended time. */
export type DeadlineSuspended = DomainEvent<
  typeof DEADLINE_SUSPENDED,
  { caseId: string; deadlineId: string; reason: string; occurredAt: string }
>;

export type DeadlineResumed = DomainEvent<
  typeof DEADLINE_RESUMED,
  { caseId: string; deadlineId: string; occurredAt: string }
>;

/** Verlenging: the due date moves once, with a reason. */
export type DeadlineExtended = DomainEvent<
  typeof DEADLINE_EXTENDED,
  { caseId: string; deadlineId: string; reason: string; newDueDate: string; occurredAt: string }
>;

/** A deadline that no longer applies (e.g. the CIZ-aanvraag milestone when no Wlz need exists), with a reason. */
export type DeadlineClosed = DomainEvent<
  typeof DEADLINE_CLOSED,
  { caseId: string; deadlineId: string; reason: string; occurredAt: string }
>;

export type DeadlineEvent = DeadlineSuspended | DeadlineResumed | DeadlineExtended | DeadlineClosed;
