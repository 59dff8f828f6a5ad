import { FINANCIER_KIND_BY_DOMAIN, LAW_DOMAINS, NEED_CATEGORIES } from '../vocabulary';
import { CONFLICT, decide } from './decide';
import { completions, relevantOpenFacts } from './facts';
import { formatIsoDate, parseIsoDate } from './iso-date';
import { RESEARCH_ROWS } from './research-rows';
import type { PriorityRule, WegwijzerRule } from './rule-types';
import { isRuleValidOn, WEGWIJZER_RULES, WEGWIJZER_TABLE_VERSION } from './table';

const rules = WEGWIJZER_RULES;
const dayAfter = (iso: string) => {
  const date = parseIsoDate(iso, 'date');
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return formatIsoDate({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
  });
};

describe('the wegwijzer table: data integrity', () => {
  it('has a table version', () => {
    expect(WEGWIJZER_TABLE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every rule has an id in UPPER-KEBAB form, a version >= 1 and a unique (id, version)', () => {
    const keys = rules.map((rule) => `${rule.id}@${rule.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
      expect(Number.isInteger(rule.version) && rule.version >= 1).toBe(true);
    }
  });

  it('versions of one rule are numbered 1..n, share their kind and never overlap in time', () => {
    const byId = new Map<string, WegwijzerRule[]>();
    rules.forEach((rule) => byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]));
    for (const versions of byId.values()) {
      const sorted = [...versions].sort((a, b) => a.version - b.version);
      expect(sorted.map((rule) => rule.version)).toEqual(sorted.map((_, index) => index + 1));
      expect(new Set(sorted.map((rule) => rule.kind)).size).toBe(1);
      for (let i = 1; i < sorted.length; i++) {
        const previousEnd = sorted[i - 1].validTo;
        const nextStart = sorted[i].validFrom;
        expect(previousEnd).not.toBeNull();
        expect(nextStart).not.toBeNull();
        expect(previousEnd! < nextStart!).toBe(true);
      }
    }
  });

  it('validFrom and validTo are ISO dates and validFrom <= validTo', () => {
    for (const rule of rules) {
      for (const bound of [rule.validFrom, rule.validTo]) {
        if (bound !== null) expect(formatIsoDate(parseIsoDate(bound, rule.id))).toBe(bound);
      }
      if (rule.validFrom !== null && rule.validTo !== null) expect(rule.validFrom <= rule.validTo).toBe(true);
    }
  });

  it('every rule cites a non-empty source with a link, and explains itself', () => {
    for (const rule of rules) {
      expect(rule.source.trim()).not.toBe('');
      expect(rule.source).toMatch(/\]\(https?:\/\/[^)]+\)/);
      expect(rule.explanation.trim().length).toBeGreaterThan(20);
    }
  });

  it('every unverified rule says what is not verified', () => {
    for (const rule of rules.filter((candidate) => !candidate.verified)) {
      expect(rule.verifyNote?.trim()).toBeTruthy();
    }
  });

  it('the rows marked [VERIFY] in the research are flagged unverified', () => {
    const unverified = (id: string) => rules.filter((rule) => rule.id === id).every((rule) => !rule.verified);
    for (const id of ['T8', 'T10', 'G-KV-JW', 'G-VERVOER-JEUGDHULP']) expect(unverified(id)).toBe(true);
  });

  it('every research row of sections 1.2 and 1.3 is encoded by at least one rule, and rules cite only known rows', () => {
    const cited = new Set(rules.flatMap((rule) => rule.researchRefs));
    expect([...RESEARCH_ROWS].filter((row) => !cited.has(row))).toEqual([]);
    for (const rule of rules) {
      expect(rule.researchRefs.length).toBeGreaterThan(0);
      rule.researchRefs.forEach((row) => expect(RESEARCH_ROWS).toContain(row));
    }
  });

  it('T1 to T12 all exist as rule ids', () => {
    for (let n = 1; n <= 12; n++) {
      expect(rules.some((rule) => rule.id === `T${n}` || rule.id.startsWith(`T${n}-`))).toBe(true);
    }
  });

  it('conditions are well-formed: known categories without duplicates, age and day ranges not empty', () => {
    for (const { when } of rules) {
      expect(when.categories.length).toBeGreaterThan(0);
      expect(new Set(when.categories).size).toBe(when.categories.length);
      when.categories.forEach((category) => expect(NEED_CATEGORIES).toContain(category));
      if (when.age) expect((when.age.min ?? 0) < (when.age.below ?? Infinity)).toBe(true);
      if (when.zvwGgzVerblijfDay) {
        expect((when.zvwGgzVerblijfDay.min ?? 1) <= (when.zvwGgzVerblijfDay.max ?? Infinity)).toBe(true);
      }
    }
  });

  it('the kind of financier matches FINANCIER_KIND_BY_DOMAIN unless the rule gives a reason', () => {
    for (const rule of rules) {
      if (rule.kind !== 'assignment' || rule.outcome.kind !== 'assign') continue;
      const { lawDomain, financierKind, financierKindReason } = rule.outcome;
      if (financierKindReason === undefined)
        expect([rule.id, financierKind]).toEqual([rule.id, FINANCIER_KIND_BY_DOMAIN[lawDomain]]);
      else expect(financierKindReason.trim()).not.toBe('');
    }
  });

  it('priority rules have unique ranks and prefer domains they do not also overrule', () => {
    const priorities = rules.filter((rule): rule is PriorityRule => rule.kind === 'priority');
    expect(new Set(priorities.map((rule) => rule.rank)).size).toBe(priorities.length);
    for (const rule of priorities) {
      expect(rule.prefer.length).toBeGreaterThan(0);
      expect(rule.over.length).toBeGreaterThan(0);
      expect(rule.prefer.filter((domain) => rule.over.includes(domain))).toEqual([]);
      [...rule.prefer, ...rule.over].forEach((domain) => expect(LAW_DOMAINS).toContain(domain));
    }
  });

  it('for every need, on every date a rule starts or ends, and for every combination of facts, the table never leaves a conflict', () => {
    const dates = new Set(['2016-06-01', '2026-06-01']);
    for (const rule of rules) {
      if (rule.validFrom) dates.add(rule.validFrom);
      if (rule.validTo) [rule.validTo, dayAfter(rule.validTo)].forEach((date) => dates.add(date));
    }
    let combinations = 0;
    for (const date of dates) {
      for (const category of NEED_CATEGORIES) {
        const valid = rules.filter(
          (rule) => isRuleValidOn(rule, date) && rule.when.categories.includes(category),
        );
        for (const wlzIndication of [true, false]) {
          const open = relevantOpenFacts(valid, { wlzIndication });
          for (const facts of completions({ wlzIndication }, open, valid)) {
            combinations++;
            const decision = decide(category, facts, valid);
            if (decision.result === CONFLICT) {
              throw new Error(
                `conflict on ${date} for ${category} with ${JSON.stringify(facts)}: ` +
                  decision.assignmentRules.map((rule) => rule.id).join(', '),
              );
            }
          }
        }
      }
    }
    expect(combinations).toBeGreaterThan(1000);
  });
});
