import { WegwijzerInputError, isDeviation, suggest } from '../wegwijzer';
import type { WegwijzerContext } from '../wegwijzer';
import type { LawDomain } from '../vocabulary';
import { refuse } from './errors';
import type { NeedRecord } from './state';
import { ageOn } from './time';
import type { WegwijzerAdvice } from './types';

/**
 * The facts about the client that come with a proposal; they are used for the suggestion and not stored (the
 * event records the advice, not the facts). The case supplies the rest itself: strafrechtelijk and pleegzorg (from
 * the need's jeugdhulp kader), verlengde jeugdhulp (from the toekomstplan) and, when it holds the 18th birthday, the
 * age, which then overrides any `ageOnDate` given. Never a birth date: the case holds no birth data.
 */
export type ProposalContext = Omit<
  WegwijzerContext,
  'birthDate' | 'strafrechtelijk' | 'pleegzorg' | 'verlengdeJeugdhulp'
>;

export interface CaseFacts {
  readonly birthday18: string | null;
  readonly verlengdeJeugdhulp: boolean;
}

/** Asks the wegwijzer for the default of `need` on `date`, and whether `lawDomain` deviates from it. */
export function adviseOn(
  need: NeedRecord,
  context: ProposalContext,
  facts: CaseFacts,
  date: string,
  lawDomain: LawDomain,
): { advice: WegwijzerAdvice; deviation: boolean } {
  if (!context || typeof context !== 'object' || typeof context.wlzIndication !== 'boolean') {
    refuse(
      'invalid-value',
      'The proposal needs the wegwijzer context (at least whether a Wlz indicatie exists).',
    );
  }
  const { birthDate: _ignored, ...given } = context as WegwijzerContext;
  const full: WegwijzerContext = {
    ...given,
    ...(facts.birthday18 ? { ageOnDate: ageOn(facts.birthday18, date) } : {}),
    strafrechtelijk: need.jeugdhulpKader === 'strafrechtelijk',
    pleegzorg: need.jeugdhulpKader === 'pleegzorg',
    verlengdeJeugdhulp: facts.verlengdeJeugdhulp,
  };
  try {
    const suggestion = suggest({ category: need.category }, full, date);
    return {
      advice: {
        ruleIds: suggestion.rulesApplied.map((rule) => rule.id),
        ruleTableVersion: suggestion.ruleTableVersion,
        suggestedLawDomain: suggestion.outcome?.lawDomain ?? null,
        suggestedFinancierKind: suggestion.outcome?.financierKind ?? null,
        verdict: suggestion.verdict,
        noRuleApplies: suggestion.noRuleApplies,
        missingFacts: [...suggestion.missingFacts],
        unverified: suggestion.unverified,
        evaluatedOn: date,
      },
      deviation: isDeviation(suggestion, lawDomain),
    };
  } catch (error) {
    if (error instanceof WegwijzerInputError)
      refuse('invalid-value', error.message, `wegwijzer.${error.code}`);
    throw error;
  }
}
