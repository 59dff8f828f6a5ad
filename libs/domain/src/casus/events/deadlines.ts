import type { DeadlineKind } from '../../deadlines';
import type { DomainEvent } from '../types';

export const DEADLINE_SUSPENDED = 'casus.DeadlineSuspended.v1';
export const DEADLINE_RESUMED = 'casus.DeadlineResumed.v1';
export const DEADLINE_EXTENDED = 'casus.DeadlineExtended.v1';
export const DEADLINE_CLOSED = 'casus.DeadlineClosed.v1';
export const DEADLINE_APPROACHING = 'casus.DeadlineApproaching.v1';
export const DEADLINE_MISSED = 'casus.DeadlineMissed.v1';

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

/** What the deadline watcher notes about one deadline: no free text, only ids, a kind and a date. */
export interface DeadlineWatchFacts {
  readonly caseId: string;
  /** The id of the deadline in the case state, e.g. `liaison-answer:<requestId>`. */
  readonly deadlineId: string;
  readonly kind: DeadlineKind;
  /** The effective due date (YYYY-MM-DD, Dutch calendar day) after suspensions and an extension. */
  readonly dueOn: string;
  /** Who must act. */
  readonly responsibleOrganisationIds: readonly string[];
  readonly occurredAt: string;
}

/** The deadline is due within the watcher's lead time. Noted once per deadline and due date. */
export type DeadlineApproaching = DomainEvent<typeof DEADLINE_APPROACHING, DeadlineWatchFacts>;

/** The due date has passed while the deadline was open and its clock running. Noted once per deadline and due date. */
export type DeadlineMissed = DomainEvent<typeof DEADLINE_MISSED, DeadlineWatchFacts>;

export type DeadlineEvent =
  | DeadlineSuspended
  | DeadlineResumed
  | DeadlineExtended
  | DeadlineClosed
  | DeadlineApproaching
  | DeadlineMissed;
