import { SETTINGS, type Setting } from '../vocabulary';
import {
  HULPMIDDEL_TYPES,
  VERVOER_PURPOSES,
  type HulpmiddelType,
  type VervoerPurpose,
  type WegwijzerContext,
} from './context';
import type { RuleConditions, WegwijzerRule } from './rule-types';

/**
 * The facts the rules look at, on the date of evaluation. `wlzIndication` is always known; every
 * other fact may be unknown (undefined), and the evaluator never fills it in with a default.
 */
export interface Facts {
  readonly wlzIndication: boolean;
  readonly age?: number;
  readonly setting?: Setting;
  readonly medicalContext?: boolean;
  readonly blijvend?: boolean;
  readonly strafrechtelijk?: boolean;
  readonly pleegzorg?: boolean;
  readonly verlengdeJeugdhulp?: boolean;
  readonly ikz?: boolean;
  readonly medischSpecialistAansturing?: boolean;
  readonly instellingMetBehandeling?: boolean;
  readonly vervoerPurpose?: VervoerPurpose;
  readonly hulpmiddelType?: HulpmiddelType;
  /** Day number (1 = first day) of the Zvw GGZ verblijf on the date of evaluation. */
  readonly zvwGgzVerblijfDay?: number;
}

export const BOOLEAN_FACTS = [
  'medicalContext',
  'blijvend',
  'strafrechtelijk',
  'pleegzorg',
  'verlengdeJeugdhulp',
  'ikz',
  'medischSpecialistAansturing',
  'instellingMetBehandeling',
] as const;

/** Facts that may be unknown, in the order they are reported. */
export const OPEN_FACTS = [
  'age',
  'setting',
  ...BOOLEAN_FACTS,
  'vervoerPurpose',
  'hulpmiddelType',
  'zvwGgzVerblijfDay',
] as const;
export type OpenFact = (typeof OPEN_FACTS)[number];

/** The context field a coordinator fills in to make an open fact known. */
export type WegwijzerFactName = Exclude<keyof WegwijzerContext, 'ageOnDate' | 'wlzIndication'>;

export function contextFieldOf(fact: OpenFact): WegwijzerFactName {
  if (fact === 'age') return 'birthDate';
  if (fact === 'zvwGgzVerblijfDay') return 'zvwGgzVerblijfStartDate';
  return fact;
}

export type ConditionResult =
  | { readonly result: 'holds' }
  | { readonly result: 'fails' }
  | { readonly result: 'unknown'; readonly unknownFacts: readonly OpenFact[] };

/** Three-valued check of a rule's conditions (category excluded) against the facts. */
export function evaluateConditions(when: RuleConditions, facts: Facts): ConditionResult {
  const checks: Array<readonly [OpenFact | 'wlzIndication', boolean | undefined]> = [];
  if (when.wlzIndication !== undefined)
    checks.push(['wlzIndication', facts.wlzIndication === when.wlzIndication]);
  for (const name of BOOLEAN_FACTS) {
    const expected: boolean | undefined = when[name];
    if (expected !== undefined) checks.push([name, known(facts[name], (value) => value === expected)]);
  }
  if (when.settings) checks.push(['setting', oneOf(facts.setting, when.settings)]);
  if (when.vervoerPurposes)
    checks.push(['vervoerPurpose', oneOf(facts.vervoerPurpose, when.vervoerPurposes)]);
  if (when.hulpmiddelTypes)
    checks.push(['hulpmiddelType', oneOf(facts.hulpmiddelType, when.hulpmiddelTypes)]);
  const { age, zvwGgzVerblijfDay: day } = when;
  if (age) {
    checks.push([
      'age',
      known(facts.age, (value) => (age.min ?? 0) <= value && value < (age.below ?? Infinity)),
    ]);
  }
  if (day) {
    checks.push([
      'zvwGgzVerblijfDay',
      known(facts.zvwGgzVerblijfDay, (value) => (day.min ?? 1) <= value && value <= (day.max ?? Infinity)),
    ]);
  }
  if (checks.some(([, outcome]) => outcome === false)) return { result: 'fails' };
  const unknownFacts = checks
    .filter(([, outcome]) => outcome === undefined)
    .map(([name]) => name as OpenFact);
  return unknownFacts.length === 0 ? { result: 'holds' } : { result: 'unknown', unknownFacts };
}

function known<T>(value: T | undefined, test: (value: T) => boolean): boolean | undefined {
  return value === undefined ? undefined : test(value);
}

function oneOf<T>(value: T | undefined, allowed: readonly T[]): boolean | undefined {
  return known(value, (v) => allowed.includes(v));
}

/** Open facts that could still change which rules hold: referenced by a rule not already failing. */
export function relevantOpenFacts(rules: readonly WegwijzerRule[], facts: Facts): OpenFact[] {
  const relevant = new Set<OpenFact>();
  for (const rule of rules) {
    const check = evaluateConditions(rule.when, facts);
    if (check.result === 'unknown') check.unknownFacts.forEach((fact) => relevant.add(fact));
  }
  return OPEN_FACTS.filter((fact) => relevant.has(fact));
}

/**
 * The values worth trying for an open fact. Booleans and closed sets: every value. Numbers: one
 * value per interval the rules' thresholds cut the line into (the lowest value and each threshold).
 */
export function candidateValues(fact: OpenFact, rules: readonly WegwijzerRule[]): readonly unknown[] {
  switch (fact) {
    case 'setting':
      return SETTINGS;
    case 'vervoerPurpose':
      return VERVOER_PURPOSES;
    case 'hulpmiddelType':
      return HULPMIDDEL_TYPES;
    case 'age':
      return thresholds(
        0,
        rules.flatMap(({ when }) => [when.age?.min, when.age?.below]),
      );
    case 'zvwGgzVerblijfDay':
      return thresholds(
        1,
        rules.flatMap(({ when }) => {
          const max = when.zvwGgzVerblijfDay?.max;
          return [when.zvwGgzVerblijfDay?.min, max === undefined ? undefined : max + 1];
        }),
      );
    default:
      return [true, false];
  }
}

function thresholds(lowest: number, values: ReadonlyArray<number | undefined>): number[] {
  const set = new Set<number>([lowest]);
  values.forEach((value) => value !== undefined && set.add(value));
  return [...set].sort((a, b) => a - b);
}

/** Every way of filling in the open facts (cartesian product), each a complete set of facts. */
export function completions(
  facts: Facts,
  open: readonly OpenFact[],
  rules: readonly WegwijzerRule[],
): Facts[] {
  return open.reduce<Facts[]>(
    (partials, fact) =>
      partials.flatMap((partial) =>
        candidateValues(fact, rules).map((value) => ({ ...partial, [fact]: value })),
      ),
    [facts],
  );
}
