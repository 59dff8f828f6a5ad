import type { LawDomain, NeedCategory } from '../vocabulary';
import { evaluateConditions, type Facts } from './facts';
import type { AnnotationRule, AssignmentRule, PriorityRule, WegwijzerRule } from './rule-types';

/** `Wlz|zorgkantoor`-style key of one outcome, `ends`, `none` (no rule) or `conflict`. */
export type OutcomeKey = string;
export const NO_RULE: OutcomeKey = 'none';
export const CONFLICT: OutcomeKey = 'conflict';

export interface Decision {
  readonly result: OutcomeKey;
  /** The assignment rules behind the result (for a conflict: all candidates left standing). */
  readonly assignmentRules: readonly AssignmentRule[];
  /** The priority rules that dropped a candidate, in the order they ran. */
  readonly priorityRules: readonly PriorityRule[];
  /** The candidates those priority rules dropped. */
  readonly overruledRules: readonly AssignmentRule[];
  readonly annotationRules: readonly AnnotationRule[];
}

export function outcomeKeyOf(rule: AssignmentRule): OutcomeKey {
  return rule.outcome.kind === 'ends' ? 'ends' : `${rule.outcome.lawDomain}|${rule.outcome.financierKind}`;
}

/**
 * Decides one need on complete facts with the rules valid on the date:
 * 1. every assignment rule for the category whose conditions hold is a candidate;
 * 2. priority rules run in ascending rank, each dropping its `over` candidates while one of its
 *    `prefer` candidates is still standing;
 * 3. one outcome left: that is the result; none: no rule applies; more: a conflict the table
 *    does not settle.
 * A condition on a fact that is still unknown counts as not holding: callers pass complete facts.
 */
export function decide(category: NeedCategory, facts: Facts, validRules: readonly WegwijzerRule[]): Decision {
  const applies = (rule: WegwijzerRule) =>
    rule.when.categories.includes(category) && evaluateConditions(rule.when, facts).result === 'holds';

  let standing = validRules.filter(
    (rule): rule is AssignmentRule => rule.kind === 'assignment' && applies(rule),
  );
  const fired: PriorityRule[] = [];
  const overruled: AssignmentRule[] = [];
  const priorityRules = validRules
    .filter((rule): rule is PriorityRule => rule.kind === 'priority' && applies(rule))
    .sort((a, b) => a.rank - b.rank);
  for (const priority of priorityRules) {
    const has = (domains: readonly LawDomain[]) => standing.some((rule) => isIn(rule, domains));
    if (has(priority.prefer) && has(priority.over)) {
      overruled.push(...standing.filter((rule) => isIn(rule, priority.over)));
      standing = standing.filter((rule) => !isIn(rule, priority.over));
      fired.push(priority);
    }
  }

  const keys = new Set(standing.map(outcomeKeyOf));
  const result = keys.size === 0 ? NO_RULE : keys.size === 1 ? [...keys][0] : CONFLICT;
  const winner = standing[0];
  const annotationRules =
    keys.size === 1 && winner.outcome.kind === 'assign'
      ? validRules.filter(
          (rule): rule is AnnotationRule =>
            rule.kind === 'annotation' &&
            winner.outcome.kind === 'assign' &&
            rule.whenOutcome === winner.outcome.lawDomain &&
            applies(rule),
        )
      : [];
  return {
    result,
    assignmentRules: standing,
    priorityRules: fired,
    overruledRules: overruled,
    annotationRules,
  };
}

function isIn(rule: AssignmentRule, domains: readonly LawDomain[]): boolean {
  return rule.outcome.kind === 'assign' && domains.includes(rule.outcome.lawDomain);
}
