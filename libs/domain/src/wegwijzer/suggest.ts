import { NEED_CATEGORIES, type NeedCategory } from '../vocabulary';
import type { WegwijzerContext } from './context';
import { CONFLICT, decide, type Decision, NO_RULE } from './decide';
import { WegwijzerInputError } from './errors';
import { completions, contextFieldOf, type Facts, type OpenFact, relevantOpenFacts } from './facts';
import { formatIsoDate, parseIsoDate } from './iso-date';
import { resolveFacts } from './resolve-facts';
import type { WegwijzerRule } from './rule-types';
import type { AppliedRule, WegwijzerSuggestion } from './suggestion';
import { isRuleValidOn, WEGWIJZER_RULES, WEGWIJZER_TABLE_VERSION } from './table';

/**
 * Suggests the law domain for a need on `date` (ISO `YYYY-MM-DD`), using only the rule versions
 * valid on that date, so a replay gets the answer the table gave at the time.
 *
 * Unknown facts are never defaulted. The need is decided for every way of filling them in; when all
 * agree, that is the suggestion (with the rules that apply in every case); when they differ, the
 * verdict is `needs-facts` and `missingFacts` names the fields that make the difference.
 */
export function suggest(
  need: { readonly category: NeedCategory },
  context: WegwijzerContext,
  date: string,
): WegwijzerSuggestion {
  return suggestWithRules(need, context, date, WEGWIJZER_RULES, WEGWIJZER_TABLE_VERSION);
}

/** `suggest` on another table; for tests and what-if analysis of a draft table. */
export function suggestWithRules(
  need: { readonly category: NeedCategory },
  context: WegwijzerContext,
  date: string,
  rules: readonly WegwijzerRule[],
  tableVersion: string,
): WegwijzerSuggestion {
  if (!NEED_CATEGORIES.includes(need.category)) {
    throw new WegwijzerInputError('unknown-category', `unknown need category "${need.category}"`);
  }
  const day = parseIsoDate(date, 'date');
  const isoDay = formatIsoDate(day);
  const facts = resolveFacts(context, day);
  const valid = rules.filter(
    (rule) => isRuleValidOn(rule, isoDay) && rule.when.categories.includes(need.category),
  );
  const open = relevantOpenFacts(valid, facts);
  const filled = completions(facts, open, valid);
  const decisions = filled.map((complete) => decide(need.category, complete, valid));
  return aggregate(decisions, filled, open, tableVersion);
}

function aggregate(
  decisions: readonly Decision[],
  filled: readonly Facts[],
  open: readonly OpenFact[],
  tableVersion: string,
): WegwijzerSuggestion {
  const results = new Set(decisions.map((decision) => decision.result));
  const base = { ruleTableVersion: tableVersion };
  if (results.size > 1) {
    return { ...base, ...needsFacts(missing(open, filled, decisions, (d) => d.result)) };
  }
  const [result] = results;
  if (result === NO_RULE) {
    return {
      ...base,
      outcome: null,
      verdict: 'no-rule-applies',
      rulesApplied: [],
      rulesOverruled: [],
      noRuleApplies: true,
      missingFacts: [],
      unverified: false,
    };
  }
  const assignments = common(decisions.map((d) => d.assignmentRules));
  if (assignments.length === 0) {
    // Same answer, but on different grounds depending on the unknown facts: no single basis to cite.
    const grounds = (d: Decision) => d.assignmentRules.map(ruleKey).sort().join(',');
    return { ...base, ...needsFacts(missing(open, filled, decisions, grounds)) };
  }
  const rulesApplied = [
    ...[...assignments].sort(byIdAndVersion),
    ...common(decisions.map((d) => d.priorityRules)).sort((a, b) => a.rank - b.rank),
    ...[...common(decisions.map((d) => d.annotationRules))].sort(byIdAndVersion),
  ].map(toApplied);
  const first = assignments[0].outcome;
  const outcome =
    result !== CONFLICT && first.kind === 'assign'
      ? { lawDomain: first.lawDomain, financierKind: first.financierKind }
      : null;
  return {
    ...base,
    outcome,
    verdict: result === CONFLICT ? 'conflict' : outcome === null ? 'ends' : 'suggested',
    rulesApplied,
    rulesOverruled: [...common(decisions.map((d) => d.overruledRules))].sort(byIdAndVersion).map(toApplied),
    noRuleApplies: false,
    missingFacts: [],
    unverified: rulesApplied.some((rule) => !rule.verified),
  };
}

function needsFacts(missingFacts: WegwijzerSuggestion['missingFacts']) {
  return {
    outcome: null,
    verdict: 'needs-facts',
    rulesApplied: [],
    rulesOverruled: [],
    noRuleApplies: true,
    missingFacts,
    unverified: false,
  } as const;
}

/** Open facts for which two fillings that differ only in that fact give a different answer. */
function missing(
  open: readonly OpenFact[],
  filled: readonly Facts[],
  decisions: readonly Decision[],
  answer: (decision: Decision) => string,
): WegwijzerSuggestion['missingFacts'] {
  return open
    .filter((fact) => {
      const answersByRest = new Map<string, Set<string>>();
      filled.forEach((facts, index) => {
        const rest = JSON.stringify(open.filter((other) => other !== fact).map((other) => facts[other]));
        const answers = answersByRest.get(rest) ?? new Set<string>();
        answers.add(answer(decisions[index]));
        answersByRest.set(rest, answers);
      });
      return [...answersByRest.values()].some((answers) => answers.size > 1);
    })
    .map(contextFieldOf);
}

function ruleKey(rule: WegwijzerRule): string {
  return `${rule.id}@${rule.version}`;
}

/** Rules present in every list (by id and version), in the order of the first list. */
function common<T extends WegwijzerRule>(lists: ReadonlyArray<readonly T[]>): T[] {
  const [first = [], ...others] = lists;
  return first.filter((rule) =>
    others.every((list) => list.some((other) => ruleKey(other) === ruleKey(rule))),
  );
}

function byIdAndVersion(a: WegwijzerRule, b: WegwijzerRule): number {
  return a.id.localeCompare(b.id) || a.version - b.version;
}

function toApplied(rule: WegwijzerRule): AppliedRule {
  const { id, version, kind, source, verified, explanation } = rule;
  return { id, version, kind, source, verified, explanation };
}
