import type { LawDomain, OrganisationKind } from '../vocabulary';
import type { WegwijzerFactName } from './facts';
import type { WegwijzerRule } from './rule-types';

/**
 * - `suggested`: one law domain follows from the rules, whatever the unknown facts are.
 * - `ends`: the rules say the responsibility ends and no law domain takes it over.
 * - `no-rule-applies`: no rule covers this need in this situation. The wegwijzer does not guess.
 * - `needs-facts`: the answer depends on facts that are not known; `missingFacts` names them.
 * - `conflict`: rules point to different domains and no priority rule settles it (the integrity
 *   tests keep the shipped table free of this; it exists so that it is never hidden).
 */
export const WEGWIJZER_VERDICTS = [
  'suggested',
  'ends',
  'no-rule-applies',
  'needs-facts',
  'conflict',
] as const;
export type WegwijzerVerdict = (typeof WEGWIJZER_VERDICTS)[number];

export interface AppliedRule {
  readonly id: string;
  readonly version: number;
  readonly kind: WegwijzerRule['kind'];
  readonly source: string;
  readonly verified: boolean;
  readonly explanation: string;
}

export interface WegwijzerOutcome {
  readonly lawDomain: LawDomain;
  readonly financierKind: OrganisationKind;
}

export interface WegwijzerSuggestion {
  /** The suggested domain and kind of financier; null unless `verdict` is `suggested`. */
  readonly outcome: WegwijzerOutcome | null;
  readonly verdict: WegwijzerVerdict;
  /**
   * The rules behind the verdict, whatever the unknown facts are: assignment rules (by id), then the
   * priority rules that decided (by rank), then annotations (by id).
   */
  readonly rulesApplied: readonly AppliedRule[];
  /** Assignment rules that also matched but were overruled by a priority rule in `rulesApplied`. */
  readonly rulesOverruled: readonly AppliedRule[];
  /** True for `no-rule-applies` and `needs-facts`: no rule applies on what is known. */
  readonly noRuleApplies: boolean;
  /** For `needs-facts`: the context fields whose value would change the answer. */
  readonly missingFacts: readonly WegwijzerFactName[];
  /** True when any applied rule is not verified (a [VERIFY] row or our own inference). */
  readonly unverified: boolean;
  readonly ruleTableVersion: string;
}

/**
 * Whether proposing `proposedDomain` deviates from the suggestion. A deviation is allowed; it is
 * recorded. With no suggested domain (no rule, missing facts, conflict) nothing can be deviated
 * from; when the rules say the responsibility ends, any proposed domain is a deviation.
 */
export function isDeviation(suggestion: WegwijzerSuggestion, proposedDomain: LawDomain): boolean {
  if (suggestion.verdict === 'ends') return true;
  return suggestion.outcome !== null && suggestion.outcome.lawDomain !== proposedDomain;
}
