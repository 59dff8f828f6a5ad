import type { ClosureEvent } from './closure';
import type { DeadlineEvent } from './deadlines';
import type { EscalationEvent } from './escalation';
import type { NotificationEvent } from './notifications';
import type { PlacementEvent } from './placement';
import type { RegistrationEvent } from './registration';
import type { ResponsibilityEvent } from './responsibility';
import type { StatutoryEvent } from './statutory';
import type { TableEvent } from './table';
import type { TransitionEvent } from './transition';

export * from './closure';
export * from './deadlines';
export * from './escalation';
export * from './notifications';
export * from './placement';
export * from './registration';
export * from './responsibility';
export * from './statutory';
export * from './table';
export * from './transition';

/** Every event of a case stream in its current version (older versions are upcast on read, see upcasters.ts). */
export type CaseEvent =
  | RegistrationEvent
  | TableEvent
  | ResponsibilityEvent
  | EscalationEvent
  | PlacementEvent
  | TransitionEvent
  | StatutoryEvent
  | DeadlineEvent
  | NotificationEvent
  | ClosureEvent;

export type CaseEventType = CaseEvent['type'];

/** Every current event type (a record, so the compiler checks that none is missing). */
const CURRENT_TYPES: Readonly<Record<CaseEventType, true>> = {
  'casus.CaseRegistered.v1': true,
  'casus.CaseAcceptedAtTriage.v1': true,
  'casus.CaseReferredAtTriage.v1': true,
  'casus.PartyJoined.v1': true,
  'casus.CasePutOnAgenda.v1': true,
  'casus.DiscussionRecorded.v1': true,
  'casus.AgreementRecorded.v1': true,
  'casus.ActionAssigned.v1': true,
  'casus.ActionCompleted.v1': true,
  'casus.NeedIdentified.v1': true,
  'casus.NeedChanged.v1': true,
  'casus.NeedEnded.v1': true,
  'casus.ResponsibilityProposed.v1': true,
  'casus.FinancierRequested.v1': true,
  'casus.ResponsibilityAccepted.v1': true,
  'casus.ResponsibilityRejected.v2': true,
  'casus.ResponsibilityEnded.v1': true,
  'casus.CaseEscalated.v1': true,
  'casus.CaseDeescalated.v1': true,
  'casus.AdviceRecorded.v1': true,
  'casus.BreakthroughDecided.v1': true,
  'casus.ProvisionalFinancingSettled.v1': true,
  'casus.OfferRequested.v1': true,
  'casus.OfferAccepted.v1': true,
  'casus.OfferRefused.v1': true,
  'casus.PlacementStarted.v1': true,
  'casus.PlacementEnded.v1': true,
  'casus.TransitionPlanRecorded.v1': true,
  'casus.EighteenthBirthdayPassed.v1': true,
  'casus.StatutoryApplicationSubmitted.v1': true,
  'casus.StatutoryDecisionRecorded.v1': true,
  'casus.DeadlineSuspended.v1': true,
  'casus.DeadlineResumed.v1': true,
  'casus.DeadlineExtended.v1': true,
  'casus.DeadlineClosed.v1': true,
  'casus.DeadlineApproaching.v1': true,
  'casus.DeadlineMissed.v1': true,
  'casus.NotificationAcknowledged.v1': true,
  'casus.CaseClosed.v1': true,
  'casus.CaseReopened.v1': true,
};

export const CASE_EVENT_TYPES = Object.keys(CURRENT_TYPES) as readonly CaseEventType[];
