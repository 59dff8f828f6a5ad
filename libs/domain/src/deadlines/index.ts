/**
 * Deadlines (termijnen) of casusregie as pure functions over plain data. Time is always passed in as ISO-8601
 * strings; nothing here reads a clock. See README.md in this folder for the semantics in one place.
 */

export * from './deadline-error';
export * from './deadline-model';
export * from './service-levels';
export { addWorkingDays, isWorkingDay } from './working-days';
export {
  DUTCH_HOLIDAY_NAMES,
  DUTCH_HOLIDAY_SOURCE,
  dutchHolidays,
  easterSunday,
  isDutchHoliday,
} from './dutch-holidays';
export type { DutchHoliday, DutchHolidayName } from './dutch-holidays';
export { addCalendarDays, startOfDutchDate, toDutchDate } from './iso-time';
export type { IsoDate } from './iso-time';
export { ALGEMENE_TERMIJNENWET_SOURCE, STATUTORY_TERMS, STATUTORY_TERM_IDS } from './statutory-terms';
export type { StatutoryTerm, StatutoryTermId } from './statutory-terms';
export { TRANSITION_MILESTONE_RULES } from './transition-rules';
export type { TransitionMilestoneRule } from './transition-rules';
export { createDeadline } from './create-deadline';
export type { CreateDeadlineInput } from './create-deadline';
export * from './deadline-constructors';
export { dateOfTurning18, transitionMilestones } from './transition-milestones';
export type { TransitionMilestoneOptions } from './transition-milestones';
export { effectiveDueAt, isSuspendedAt, missedFrom, suspendedDays } from './effective-due';
export * from './deadline-lifecycle';
export { deadlineState, deadlinesAt } from './deadline-state';
export type { DeadlinesAt } from './deadline-state';
