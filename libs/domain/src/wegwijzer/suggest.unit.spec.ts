import type { NeedCategory } from '../vocabulary';
import type { WegwijzerContext } from './context';
import { WegwijzerInputError } from './errors';
import type { AssignmentRule } from './rule-types';
import { suggest, suggestWithRules } from './suggest';
import { isDeviation } from './suggestion';
import { WEGWIJZER_TABLE_VERSION } from './table';

const ask = (category: NeedCategory, context: Partial<WegwijzerContext>, date = '2026-06-01') =>
  suggest({ category }, { wlzIndication: false, ...context }, date);

describe('suggest: what the wegwijzer answers', () => {
  describe('when no rule applies, it says so and does not guess', () => {
    it('given schuldhulp (no rule in the research), then no rule applies and there is no outcome', () => {
      expect(ask('schuldhulp', { ageOnDate: 30 })).toEqual({
        outcome: null,
        verdict: 'no-rule-applies',
        rulesApplied: [],
        rulesOverruled: [],
        noRuleApplies: true,
        missingFacts: [],
        unverified: false,
        ruleTableVersion: WEGWIJZER_TABLE_VERSION,
      });
    });

    it('given an income need at 17, then no rule applies (the Participatiewet rule starts at 18)', () => {
      expect(ask('inkomen', { ageOnDate: 17 }).verdict).toBe('no-rule-applies');
    });
  });

  describe('when the answer depends on facts that are not known, it names them', () => {
    it('given jeugdhulp at 19 and nothing else, then it asks about strafrechtelijk, pleegzorg and verlengde jeugdhulp', () => {
      const suggestion = ask('jeugdhulp', { ageOnDate: 19 });
      expect(suggestion).toMatchObject({ verdict: 'needs-facts', outcome: null, noRuleApplies: true });
      expect(suggestion.missingFacts).toEqual(['strafrechtelijk', 'pleegzorg', 'verlengdeJeugdhulp']);
    });

    it('given begeleiding with no birth date, then it asks for the birth date (Jeugdwet before 18, Wmo after)', () => {
      expect(ask('begeleiding', { ikz: false }).missingFacts).toEqual(['birthDate']);
    });

    it('given an unknown fact that does not change the answer, then it still suggests, citing only rules that hold either way', () => {
      const suggestion = ask('persoonlijke-verzorging', { wlzIndication: true });
      expect(suggestion.verdict).toBe('suggested');
      expect(suggestion.rulesApplied.map((rule) => rule.id)).toEqual(['G-PV-WLZ']);
    });
  });

  describe('versions: only the rules valid on the date apply, so a replay gives the answer of its time', () => {
    const rolstoelInInstelling = {
      hulpmiddelType: 'mobiliteit',
      wlzIndication: true,
      setting: 'instelling',
      instellingMetBehandeling: false,
    } as const;

    it('given a rolstoel for a Wlz resident without behandeling on 31 Dec 2019, then version 1 applies: Wmo', () => {
      const suggestion = ask('hulpmiddel', rolstoelInInstelling, '2019-12-31');
      expect(suggestion.outcome?.lawDomain).toBe('Wmo');
      expect(suggestion.rulesApplied).toEqual([
        expect.objectContaining({ id: 'G-HM-INSTELLING', version: 1 }),
      ]);
      expect(suggestion.unverified).toBe(true);
    });

    it('given the same case on 1 Jan 2020, then version 1 (validTo in the past) is not used: version 2 says Wlz', () => {
      const suggestion = ask('hulpmiddel', rolstoelInInstelling, '2020-01-01');
      expect(suggestion.outcome?.lawDomain).toBe('Wlz');
      expect(suggestion.rulesApplied).toEqual([
        expect.objectContaining({ id: 'G-HM-INSTELLING', version: 2 }),
      ]);
    });

    it('given verzorging of a child in a geneeskundige context, then 2017 gives Jeugdwet (v1) and 2018 gives Zvw (v2)', () => {
      const context = { ageOnDate: 9, medicalContext: true };
      expect(ask('persoonlijke-verzorging', context, '2017-12-31').rulesApplied).toEqual([
        expect.objectContaining({ id: 'G-PV-KIND-VERZORGING', version: 1 }),
      ]);
      expect(ask('persoonlijke-verzorging', context, '2017-12-31').outcome?.lawDomain).toBe('Jeugdwet');
      expect(ask('persoonlijke-verzorging', context, '2018-01-01').outcome?.lawDomain).toBe('Zvw');
    });

    it('given a rule valid only from a later date, then it is not used before that date', () => {
      expect(ask('kortdurend-verblijf', { ageOnDate: 80, medicalContext: true }, '2016-12-31').verdict).toBe(
        'no-rule-applies',
      );
      expect(
        ask(
          'jeugdhulp',
          { ageOnDate: 19, pleegzorg: true, strafrechtelijk: false, verlengdeJeugdhulp: false },
          '2018-06-30',
        ).verdict,
      ).toBe('no-rule-applies');
    });

    it('given the same need, context and date twice, then the answer is identical (deterministic replay)', () => {
      const context = { birthDate: '2008-02-29', setting: 'thuis' } as const;
      expect(ask('behandeling-ggz', context, '2026-03-01')).toEqual(
        ask('behandeling-ggz', context, '2026-03-01'),
      );
    });
  });

  describe('unverified rows are flagged', () => {
    it('given a suggestion resting on a [VERIFY] row, then unverified is true and the rule says verified: false', () => {
      const suggestion = ask('jeugdbescherming', { ageOnDate: 18, strafrechtelijk: false });
      expect(suggestion.unverified).toBe(true);
      expect(suggestion.rulesApplied).toEqual([expect.objectContaining({ id: 'T10', verified: false })]);
    });

    it('given a suggestion resting only on verified rows, then unverified is false', () => {
      expect(ask('begeleiding', { ageOnDate: 30 }).unverified).toBe(false);
    });
  });

  describe('isDeviation', () => {
    const wmo = ask('begeleiding', { ageOnDate: 30 });

    it('given the wegwijzer suggests the Wmo, when the table proposes the Wmo, then it is no deviation', () => {
      expect(isDeviation(wmo, 'Wmo')).toBe(false);
    });

    it('given the wegwijzer suggests the Wmo, when the table proposes the Wlz, then it is a deviation', () => {
      expect(isDeviation(wmo, 'Wlz')).toBe(true);
    });

    it('given no rule applies or facts are missing, then no proposal is a deviation', () => {
      expect(isDeviation(ask('schuldhulp', {}), 'Wgs')).toBe(false);
      expect(isDeviation(ask('jeugdhulp', { ageOnDate: 19 }), 'Jeugdwet')).toBe(false);
    });

    it('given the rules say the responsibility ends, then proposing any domain is a deviation', () => {
      expect(
        isDeviation(ask('jeugdbescherming', { ageOnDate: 18, strafrechtelijk: false }), 'justitie'),
      ).toBe(true);
    });
  });

  describe('input is checked, never repaired', () => {
    it.each([
      ['a date with a time', { wlzIndication: false }, '2026-06-01T00:00:00Z', 'invalid-date'],
      ['an impossible date', { wlzIndication: false }, '2026-02-30', 'invalid-date'],
      [
        'a birth date after the date',
        { wlzIndication: false, birthDate: '2027-01-01' },
        '2026-06-01',
        'birth-after-date',
      ],
      [
        'an age that contradicts the birth date',
        { wlzIndication: false, birthDate: '2008-06-02', ageOnDate: 18 },
        '2026-06-01',
        'age-mismatch',
      ],
      ['a negative age', { wlzIndication: false, ageOnDate: -1 }, '2026-06-01', 'invalid-age'],
      ['a fractional age', { wlzIndication: false, ageOnDate: 17.5 }, '2026-06-01', 'invalid-age'],
      [
        'a GGZ verblijf starting after the date',
        { wlzIndication: false, zvwGgzVerblijfStartDate: '2026-06-02' },
        '2026-06-01',
        'ggz-verblijf-start-after-date',
      ],
    ] as const)('given %s, then it is refused', (_what, context, date, code) => {
      expect(() => suggest({ category: 'begeleiding' }, context, date)).toThrow(
        expect.objectContaining({ name: 'WegwijzerInputError', code }),
      );
    });

    it.each([
      ['a missing Wlz indicatie', {}],
      ['a boolean fact given as text', { wlzIndication: false, medicalContext: 'false' }],
      ['a setting outside the vocabulary', { wlzIndication: false, setting: 'camping' }],
      ['an unknown vervoer purpose', { wlzIndication: false, vervoerPurpose: 'vakantie' }],
    ])('given %s, then it is refused with code invalid-fact', (_what, context) => {
      expect(() =>
        suggest({ category: 'begeleiding' }, context as unknown as WegwijzerContext, '2026-06-01'),
      ).toThrow(expect.objectContaining({ code: 'invalid-fact' }));
    });

    it('given an unknown need category, then it is refused', () => {
      const need = { category: 'zwemles' as NeedCategory };
      expect(() => suggest(need, { wlzIndication: false }, '2026-06-01')).toThrow(WegwijzerInputError);
    });
  });

  describe('a clash no priority rule settles is reported as a conflict, not resolved', () => {
    const rule = (id: string, lawDomain: 'Wmo' | 'Zvw', financierKind: 'gemeente' | 'zorgverzekeraar') =>
      ({
        kind: 'assignment',
        id,
        version: 1,
        validFrom: null,
        validTo: null,
        researchRefs: ['1.2 T3'],
        when: { categories: ['begeleiding'] },
        outcome: { kind: 'assign', lawDomain, financierKind },
        source: 'test',
        verified: true,
        explanation: id,
      }) satisfies AssignmentRule;

    it('given a draft table where two rules point to different domains, then the verdict is conflict with both rules', () => {
      const table = [rule('X-WMO', 'Wmo', 'gemeente'), rule('X-ZVW', 'Zvw', 'zorgverzekeraar')];
      const suggestion = suggestWithRules(
        { category: 'begeleiding' },
        { wlzIndication: false },
        '2026-06-01',
        table,
        'draft',
      );
      expect(suggestion).toMatchObject({
        verdict: 'conflict',
        outcome: null,
        noRuleApplies: false,
        ruleTableVersion: 'draft',
      });
      expect(suggestion.rulesApplied.map((applied) => applied.id)).toEqual(['X-WMO', 'X-ZVW']);
      expect(isDeviation(suggestion, 'Wmo')).toBe(false);
    });
  });
});
