/**
 * The casus (case) decider: commands, events, state, decide, evolve, errors and upcasters. Pure: no I/O, no clock.
 */
export type * from './commands';
export * from './events';
export * from './errors';
export { caseDecider, decide, evolve, foldCase, initialState } from './decider';
export type {
  CaseState,
  CaseStatus,
  DeadlineNotice,
  EscalationRecord,
  NeedRecord,
  OfferRecord,
  PartyRecord,
  PlacementRecord,
  ResponsibilityState,
} from './state';
export * from './types';
export {
  eighteenthBirthdayDueOn,
  isEighteenthBirthdayDue,
  nextDeadlineWatchDate,
  noteOn,
  requireLeadTime,
  watchedDeadlines,
} from './deadline-watch';
export type { DeadlineWatchNote, WatchedDeadline } from './deadline-watch';
export { hasHoldingStatus, holderOf, isActive, isFinal, isHolding } from './holding';
export { SUMMARY_MAX_LENGTH, TEXT_MAX_LENGTH, containsBsn } from './validation';
export type { ProposalContext } from './wegwijzer-advice';
export { UnknownCaseEventError, isCurrentCaseEventType, upcast } from './upcasters';
export type { LegacyCaseEvent, ResponsibilityRejectedV1, StoredCaseEvent } from './upcasters';
