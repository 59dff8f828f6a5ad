import type { LawDomain, NeedCategory, OrganisationKind } from '../vocabulary';
import type { WegwijzerContext } from './context';
import { suggest } from './suggest';
import type { WegwijzerSuggestion } from './suggestion';

const ON = '2026-06-01';
const ask = (category: NeedCategory, context: Partial<WegwijzerContext>, date = ON) =>
  suggest({ category }, { wlzIndication: false, ...context }, date);
const ids = (suggestion: WegwijzerSuggestion) => suggestion.rulesApplied.map((rule) => rule.id);
const suggested = (
  suggestion: WegwijzerSuggestion,
  lawDomain: LawDomain,
  financierKind: OrganisationKind,
) => {
  expect(suggestion.verdict).toBe('suggested');
  expect(suggestion.outcome).toEqual({ lawDomain, financierKind });
};

describe('the 18-/18+ transition (research 1.2)', () => {
  describe('J-JEUGDIGE: a jeugdige is a person under 18', () => {
    it('given a 16-year-old needing begeleiding, then the gemeente is responsible under the Jeugdwet', () => {
      const suggestion = ask('begeleiding', { birthDate: '2010-01-10', medicalContext: false });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['J-JEUGDIGE']);
    });

    it('given a 17-year-old in residential jeugdhulp, then it is Jeugdwet', () => {
      suggested(ask('verblijf', { ageOnDate: 17, blijvend: false }), 'Jeugdwet', 'gemeente');
    });
  });

  describe('T1: GGZ behandeling moves to the Zvw at 18', () => {
    it('given ambulant GGZ behandeling the day before the 18th birthday, then it is Jeugdwet', () => {
      const suggestion = ask('behandeling-ggz', { birthDate: '2008-06-02', setting: 'thuis' });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-JGGZ-JW']);
    });

    it('given ambulant GGZ behandeling on the 18th birthday, then the client’s zorgverzekeraar pays under the Zvw', () => {
      const suggestion = ask('behandeling-ggz', { birthDate: '2008-06-01', setting: 'thuis' });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['T1', 'T11']);
    });

    it('given verlengde jeugdhulp was decided for a 19-year-old in ambulant GGZ, then the Zvw still comes first and the verlengde jeugdhulp rule is shown as overruled', () => {
      const suggestion = ask('behandeling-ggz', {
        ageOnDate: 19,
        setting: 'thuis',
        verlengdeJeugdhulp: true,
      });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['T1', 'P-JW-YIELDS']);
      expect(suggestion.rulesOverruled.map((rule) => rule.id)).toEqual(['VJH']);
    });
  });

  describe('T2: GGZ behandeling met verblijf is Zvw for 1095 days, then Wlz (GGZ-B)', () => {
    const context = { ageOnDate: 30, setting: 'verblijf' as const, zvwGgzVerblijfStartDate: '2023-06-02' };

    it('given day 1095 of the verblijf, then it is still Zvw', () => {
      const suggestion = ask('behandeling-ggz', context, '2026-05-31');
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['T2-ZVW']);
    });

    it('given day 1096 of the verblijf, then it moves to the Wlz (GGZ-B)', () => {
      const suggestion = ask('behandeling-ggz', context, '2026-06-01');
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['T2-WLZ']);
    });

    it('given a client in an instelling whose verblijf start is unknown, then the wegwijzer asks for it', () => {
      const suggestion = ask('behandeling-ggz', { ageOnDate: 30, setting: 'instelling' });
      expect(suggestion.verdict).toBe('needs-facts');
      expect(suggestion.missingFacts).toEqual(['zvwGgzVerblijfStartDate']);
    });
  });

  describe('T3: begeleiding moves to the Wmo at 18', () => {
    it('given an 18-year-old needing begeleiding, then the gemeente is responsible under the Wmo', () => {
      const suggestion = ask('begeleiding', { ageOnDate: 18 });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T3']);
    });

    it('given verlengde jeugdhulp was decided, then begeleiding still goes to the Wmo (category 2° ends at 18)', () => {
      const suggestion = ask('begeleiding', { ageOnDate: 19, verlengdeJeugdhulp: true });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T3']);
    });
  });

  describe('T4: persoonlijke verzorging from 18', () => {
    it('given verzorging linked to begeleiding (no geneeskundige context), then it is Wmo', () => {
      const suggestion = ask('persoonlijke-verzorging', { ageOnDate: 20, medicalContext: false });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T4-WMO']);
    });

    it('given verzorging linked to geneeskundige zorg, then it is Zvw wijkverpleging', () => {
      const suggestion = ask('persoonlijke-verzorging', { ageOnDate: 20, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['T4-ZVW']);
    });

    it('given the geneeskundige context is not known, then the wegwijzer asks for it instead of guessing', () => {
      const suggestion = ask('persoonlijke-verzorging', { ageOnDate: 20 });
      expect(suggestion).toMatchObject({ verdict: 'needs-facts', outcome: null, noRuleApplies: true });
      expect(suggestion.missingFacts).toEqual(['medicalContext']);
    });
  });

  describe('T5: beschermd wonen', () => {
    it('given a 19-year-old needing beschermd wonen without a Wlz indicatiebesluit, then it is Wmo', () => {
      const suggestion = ask('beschermd-wonen', { ageOnDate: 19, blijvend: true });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T5-WMO']);
    });

    it('given the CIZ has indicated GGZ-wonen, then the zorgkantoor is responsible under the Wlz', () => {
      const suggestion = ask('beschermd-wonen', { ageOnDate: 19, wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['T5-WLZ', 'P-WLZ-BEFORE-WMO']);
    });
  });

  describe('T6: blijvend 24-hour zorg or permanent toezicht is Wlz', () => {
    it('given a CIZ indicatiebesluit, then verblijf is Wlz, also for a child', () => {
      const suggestion = ask('verblijf', { ageOnDate: 12, wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['T6', 'P-JW-YIELDS']);
    });

    it('given an adult who blijvend needs 24-hour zorg but has no besluit yet, then the route is Wlz via a CIZ aanvraag', () => {
      const suggestion = ask('verblijf', { ageOnDate: 18, blijvend: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['T6-ROUTE']);
      expect(suggestion.rulesApplied[0].explanation).toContain('only after a CIZ indicatiebesluit');
    });

    it('given an adult needing verblijf without a lasting need or besluit, then no rule applies', () => {
      const suggestion = ask('verblijf', { ageOnDate: 40, blijvend: false });
      expect(suggestion).toMatchObject({ verdict: 'no-rule-applies', outcome: null, noRuleApplies: true });
    });
  });

  describe('T7: intensieve kindzorg ends at 18', () => {
    it('given a former IKZ client of 18 without a Wlz besluit needing verpleging, then it is Zvw', () => {
      const suggestion = ask('verpleging', { ageOnDate: 18, ikz: true, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-PV-VERPLEGING', 'T7-ZVW', 'T11']);
    });

    it('given the same client with a Wlz besluit, then the verpleging is Wlz', () => {
      const suggestion = ask('verpleging', {
        ageOnDate: 18,
        ikz: true,
        medicalContext: true,
        wlzIndication: true,
        medischSpecialistAansturing: false,
      });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-PV-WLZ', 'P-WIJKVERPLEGING-YIELDS-TO-WLZ']);
    });

    it('given a former IKZ client of 18 without a Wlz besluit needing begeleiding, then it is Wmo', () => {
      const suggestion = ask('begeleiding', { ageOnDate: 18, ikz: true });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T3', 'T7-WMO']);
    });
  });

  describe('T8: pleegzorg continues to 21', () => {
    it('given a 20-year-old in pleegzorg, then it stays Jeugdwet; the rule is flagged unverified', () => {
      const suggestion = ask('jeugdhulp', { ageOnDate: 20, pleegzorg: true, strafrechtelijk: false });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['T8']);
      expect(suggestion.unverified).toBe(true);
    });

    it('given a 21-year-old in pleegzorg without verlengde jeugdhulp, then no rule applies', () => {
      const suggestion = ask('jeugdhulp', {
        ageOnDate: 21,
        pleegzorg: true,
        strafrechtelijk: false,
        verlengdeJeugdhulp: false,
      });
      expect(suggestion.verdict).toBe('no-rule-applies');
    });

    it('given a 21-year-old in pleegzorg with verlengde jeugdhulp, then it stays Jeugdwet up to 23', () => {
      const suggestion = ask('jeugdhulp', {
        ageOnDate: 22,
        pleegzorg: true,
        strafrechtelijk: false,
        verlengdeJeugdhulp: true,
      });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['VJH']);
    });
  });

  describe('T9: jeugdhulp after a strafrechtelijke beslissing has no age limit', () => {
    it('given a 24-year-old under adolescentenstrafrecht needing jeugdhulp, then it stays Jeugdwet', () => {
      const suggestion = ask('jeugdhulp', { ageOnDate: 24, strafrechtelijk: true });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['T9']);
    });

    it('given jeugdreclassering (recorded as jeugdbescherming) at 19, then it stays Jeugdwet', () => {
      suggested(ask('jeugdbescherming', { ageOnDate: 19, strafrechtelijk: true }), 'Jeugdwet', 'gemeente');
    });
  });

  describe('T10: jeugdbescherming ends at 18', () => {
    it('given an OTS on the 18th birthday, then the rules say it ends and no domain takes over', () => {
      const suggestion = ask('jeugdbescherming', { birthDate: '2008-06-01', strafrechtelijk: false });
      expect(suggestion).toMatchObject({
        verdict: 'ends',
        outcome: null,
        noRuleApplies: false,
        unverified: true,
      });
      expect(ids(suggestion)).toEqual(['T10']);
    });

    it('given we do not know whether it is jeugdreclassering, then the wegwijzer asks', () => {
      expect(ask('jeugdbescherming', { ageOnDate: 18 }).missingFacts).toEqual(['strafrechtelijk']);
    });
  });

  describe('T11: at 18 the client insures themselves', () => {
    it('given a Zvw suggestion at 18, then the premieplicht note is attached', () => {
      const suggestion = ask('behandeling-ggz', { ageOnDate: 18, setting: 'thuis' });
      const note = suggestion.rulesApplied.find((rule) => rule.id === 'T11');
      expect(note).toMatchObject({ kind: 'annotation', verified: true });
      expect(note?.explanation).toContain('premieplicht from the 1st of the month after the 18th birthday');
    });

    it('given a Zvw suggestion at 19, or a Wmo suggestion at 18, then no premieplicht note is attached', () => {
      expect(ids(ask('behandeling-ggz', { ageOnDate: 19, setting: 'thuis' }))).not.toContain('T11');
      expect(ids(ask('begeleiding', { ageOnDate: 18 }))).not.toContain('T11');
    });
  });

  describe('T12: income and work from 18', () => {
    it('given an 18-year-old with an income need, then the gemeente is responsible under the Participatiewet', () => {
      const suggestion = ask('inkomen', { ageOnDate: 18 });
      suggested(suggestion, 'Participatiewet', 'gemeente');
      expect(ids(suggestion)).toEqual(['T12']);
    });
  });

  describe('VJH: verlengde jeugdhulp runs to the 23rd birthday', () => {
    it('given residential jeugdhulp with verlengde jeugdhulp, on the day before turning 23, then Jeugdwet', () => {
      const context = { birthDate: '2003-06-02', verlengdeJeugdhulp: true, blijvend: false };
      suggested(ask('verblijf', context), 'Jeugdwet', 'gemeente');
    });

    it('given the 23rd birthday, then verlengde jeugdhulp no longer applies', () => {
      const context = { birthDate: '2003-06-01', verlengdeJeugdhulp: true, blijvend: false };
      expect(ask('verblijf', context).verdict).toBe('no-rule-applies');
    });
  });
});
