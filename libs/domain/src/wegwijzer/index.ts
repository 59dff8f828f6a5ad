/**
 * The wegwijzer: a versioned table of default responsibilities (need × age × indication × setting ×
 * ... → law domain and kind of financier), each rule citing its source, and a pure evaluator.
 * See README.md in this folder for how rules are matched and prioritised.
 */
export { suggest } from './suggest';
export { isDeviation } from './suggestion';
export type { AppliedRule, WegwijzerOutcome, WegwijzerSuggestion, WegwijzerVerdict } from './suggestion';
export { WEGWIJZER_VERDICTS } from './suggestion';
export type { WegwijzerContext, VervoerPurpose, HulpmiddelType } from './context';
export { VERVOER_PURPOSES, HULPMIDDEL_TYPES } from './context';
export type { WegwijzerFactName } from './facts';
export { WEGWIJZER_RULES, WEGWIJZER_TABLE_VERSION, isRuleValidOn } from './table';
export type {
  WegwijzerRule,
  AssignmentRule,
  PriorityRule,
  AnnotationRule,
  RuleConditions,
  AgeRange,
  DayRange,
  AssignOutcome,
  EndsOutcome,
} from './rule-types';
export { RESEARCH_ROWS, type ResearchRow } from './research-rows';
export { WegwijzerInputError, WEGWIJZER_INPUT_ERROR_CODES, type WegwijzerInputErrorCode } from './errors';
export { zvwPremieplichtStartDate } from './age';
