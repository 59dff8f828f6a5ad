import type { WegwijzerRule } from './rule-types';
import { GRENSVLAK_RULES } from './rules-grensvlak';
import { PRIORITY_RULES } from './rules-priority';
import { TRANSITION_RULES } from './rules-transition';

/**
 * Version of the table as a whole. Bump it whenever a rule is added, changed or given a new version,
 * and record it with every suggestion so a replay can tell which table produced it.
 */
export const WEGWIJZER_TABLE_VERSION = '1.0.0';

/** All rules, all versions. The order of this array carries no meaning (see rules-priority.ts). */
export const WEGWIJZER_RULES: readonly WegwijzerRule[] = [
  ...TRANSITION_RULES,
  ...GRENSVLAK_RULES,
  ...PRIORITY_RULES,
];

/** True when `date` (ISO) lies within the rule's validity; both bounds are inclusive. */
export function isRuleValidOn(rule: WegwijzerRule, date: string): boolean {
  return (
    (rule.validFrom === null || rule.validFrom <= date) && (rule.validTo === null || date <= rule.validTo)
  );
}
