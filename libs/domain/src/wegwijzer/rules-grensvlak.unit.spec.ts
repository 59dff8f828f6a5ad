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

describe('grensvlakken (research 1.3)', () => {
  describe('wijkverpleging / persoonlijke verzorging: if Wlz → Wlz; else if geneeskundig → Zvw; else if <18 → Jw; else → Wmo', () => {
    it('given a Wlz indicatiebesluit, then verzorging is Wlz whatever the age or context', () => {
      const suggestion = ask('persoonlijke-verzorging', { wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-PV-WLZ']);
    });

    it('given a 70-year-old needing verpleging after a hospital stay, then it is Zvw wijkverpleging', () => {
      const suggestion = ask('verpleging', { ageOnDate: 70, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-PV-VERPLEGING']);
    });

    it('given an adult needing verpleging without any geneeskundige context, then no rule applies (the Wmo does not nurse)', () => {
      expect(ask('verpleging', { ageOnDate: 40, medicalContext: false, ikz: false }).verdict).toBe(
        'no-rule-applies',
      );
    });

    it('given a child needing verpleging, then it is Zvw, never the gemeente', () => {
      const suggestion = ask('verpleging', { ageOnDate: 6, medicalContext: false });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-PV-VERPLEGING-KIND']);
    });

    it('given a child needing verzorging tied to geneeskundige zorg, then it is Zvw', () => {
      const suggestion = ask('persoonlijke-verzorging', { ageOnDate: 9, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-PV-KIND-VERZORGING']);
    });

    it('given a child needing verzorging for zelfredzaamheid (ADL), then it is Jeugdwet', () => {
      const suggestion = ask('persoonlijke-verzorging', { ageOnDate: 9, medicalContext: false });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-PV-KIND-ZELFREDZAAMHEID']);
    });

    it('given an adult needing verzorging because of a regieprobleem, then it is Wmo', () => {
      suggested(ask('persoonlijke-verzorging', { ageOnDate: 45, medicalContext: false }), 'Wmo', 'gemeente');
    });
  });

  describe('kortdurend verblijf: if Wlz → Wlz (no ELV); else if medisch instabiel → Zvw-ELV; else → Wmo respijtzorg', () => {
    it('given a Wlz client needing a short stay, then it is Wlz kortdurend verblijf', () => {
      const suggestion = ask('kortdurend-verblijf', {
        ageOnDate: 80,
        wlzIndication: true,
        medicalContext: false,
      });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-KV-WLZ', 'P-WLZ-BEFORE-WMO']);
    });

    it('given a medically unstable 80-year-old without Wlz sent by the huisarts, then it is Zvw eerstelijnsverblijf', () => {
      const suggestion = ask('kortdurend-verblijf', { ageOnDate: 80, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-KV-ELV']);
    });

    it('given a stable 80-year-old whose mantelzorger needs relief, then it is Wmo logeeropvang', () => {
      const suggestion = ask('kortdurend-verblijf', { ageOnDate: 80, medicalContext: false });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-KV-WMO']);
    });

    it('given a stable child, then it is Jeugdwet logeeropvang, flagged unverified', () => {
      const suggestion = ask('kortdurend-verblijf', { ageOnDate: 10, medicalContext: false });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-KV-JW']);
      expect(suggestion.unverified).toBe(true);
    });
  });

  describe('hulpmiddelen: by woonsituatie × Wlz × type', () => {
    const hulpmiddel = (context: Partial<WegwijzerContext>, date = ON) => ask('hulpmiddel', context, date);

    it('given orthopedische schoenen for a client without Wlz, then the Zvw pays', () => {
      const suggestion = hulpmiddel({ hulpmiddelType: 'persoonsgebonden' });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-HM-PERSOONSGEBONDEN-ZVW']);
    });

    it('given a prothese for a Wlz client living at home, then the Zvw pays', () => {
      const suggestion = hulpmiddel({
        hulpmiddelType: 'persoonsgebonden',
        wlzIndication: true,
        setting: 'thuis',
      });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-HM-PERSOONSGEBONDEN-ZVW-WLZ-THUIS']);
    });

    it('given a prothese for a resident of a Wlz-instelling without behandeling, then the Zvw pays', () => {
      const context = {
        hulpmiddelType: 'persoonsgebonden',
        wlzIndication: true,
        setting: 'instelling',
        instellingMetBehandeling: false,
      } as const;
      suggested(hulpmiddel(context), 'Zvw', 'zorgverzekeraar');
      expect(ids(hulpmiddel(context))).toEqual(['G-HM-PERSOONSGEBONDEN-ZVW-ZONDER-BEHANDELING']);
    });

    it('given a prothese for a resident of a Wlz-instelling with behandeling, then the zorgkantoor pays', () => {
      const suggestion = hulpmiddel({
        hulpmiddelType: 'persoonsgebonden',
        wlzIndication: true,
        setting: 'instelling',
        instellingMetBehandeling: true,
      });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-HM-PERSOONSGEBONDEN-WLZ']);
    });

    it('given a scootmobiel for an adult Wlz client with MPT at home, then the Wmo provides it (art. 8.6a)', () => {
      const suggestion = hulpmiddel({
        hulpmiddelType: 'mobiliteit',
        wlzIndication: true,
        setting: 'thuis',
        ageOnDate: 60,
      });
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-HM-THUIS-WMO']);
    });

    it('given a rolstoel for a resident of a Wlz-instelling without behandeling in 2026, then the Wlz provides it', () => {
      const suggestion = hulpmiddel({
        hulpmiddelType: 'mobiliteit',
        wlzIndication: true,
        setting: 'instelling',
        instellingMetBehandeling: false,
      });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(suggestion.rulesApplied).toEqual([
        expect.objectContaining({ id: 'G-HM-INSTELLING', version: 2 }),
      ]);
    });

    it('given a woningaanpassing for a child at home, then no rule applies (the research says "Jeugdwet/Wmo" without deciding)', () => {
      expect(hulpmiddel({ hulpmiddelType: 'woonvoorziening', setting: 'thuis', ageOnDate: 8 }).verdict).toBe(
        'no-rule-applies',
      );
    });
  });

  describe('GGZ wonen vs beschermd wonen: if blijvend (CIZ) → Wlz GGZ-wonen; else → Wmo beschermd wonen', () => {
    it('given a CIZ besluit for GGZ-wonen in 2021, then the Wlz takes over beschermd wonen', () => {
      suggested(
        ask('beschermd-wonen', { ageOnDate: 35, wlzIndication: true }, '2021-01-01'),
        'Wlz',
        'zorgkantoor',
      );
    });

    it('given the same client in 2020, before Wlz GGZ-wonen existed, then beschermd wonen is Wmo', () => {
      const suggestion = ask('beschermd-wonen', { ageOnDate: 35, wlzIndication: true }, '2020-12-31');
      suggested(suggestion, 'Wmo', 'gemeente');
      expect(ids(suggestion)).toEqual(['T5-WMO']);
    });
  });

  describe('Jeugd-GGZ vs Zvw: age switch at 18, unless verlengde jeugdhulp', () => {
    it('given a 17-year-old in klinische GGZ, then it is Jeugdwet', () => {
      const suggestion = ask('behandeling-ggz', { ageOnDate: 17, setting: 'verblijf' });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-JGGZ-JW']);
    });

    it('given a 17-year-old whose setting is not recorded, then it is still Jeugdwet (ambulant and klinisch alike)', () => {
      suggested(ask('behandeling-ggz', { ageOnDate: 17 }), 'Jeugdwet', 'gemeente');
    });
  });

  describe('intensieve kindzorg: if Wlz → Wlz; else if IKZ → Zvw (verpleging + verzorging); ADL → Jeugdwet', () => {
    it('given an IKZ child without Wlz needing begeleiding in a geneeskundige context, then it is Zvw', () => {
      const suggestion = ask('begeleiding', { ageOnDate: 5, ikz: true, medicalContext: true });
      suggested(suggestion, 'Zvw', 'zorgverzekeraar');
      expect(ids(suggestion)).toEqual(['G-IKZ-BEGELEIDING', 'P-JW-YIELDS']);
    });

    it('given an IKZ child needing begeleiding for zelfredzaamheid, then it is Jeugdwet', () => {
      const suggestion = ask('begeleiding', { ageOnDate: 5, ikz: true, medicalContext: false });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['J-JEUGDIGE']);
    });

    it('given an IKZ child who now has a Wlz besluit, then verpleging is Wlz', () => {
      const suggestion = ask('verpleging', {
        ageOnDate: 5,
        ikz: true,
        wlzIndication: true,
        medischSpecialistAansturing: false,
      });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-PV-WLZ', 'P-WIJKVERPLEGING-YIELDS-TO-WLZ']);
    });
  });

  describe('dagbesteding: if Wlz → Wlz (vervoer included); else Wmo / Jeugdwet', () => {
    it('given a Wlz client, then dagbesteding is Wlz', () => {
      const suggestion = ask('dagbesteding', { ageOnDate: 30, wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-DB-WLZ', 'P-WLZ-BEFORE-WMO']);
    });

    it('given an adult without Wlz, then dagbesteding is Wmo begeleiding groep', () => {
      suggested(ask('dagbesteding', { ageOnDate: 30 }), 'Wmo', 'gemeente');
    });

    it('given a child without Wlz, then dagbesteding is Jeugdwet', () => {
      const suggestion = ask('dagbesteding', { ageOnDate: 12 });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(ids(suggestion)).toEqual(['G-DB-JW']);
    });
  });

  describe('vervoer by purpose: medisch → Zvw; dagbesteding with Wlz → Wlz; sociaal → Wmo', () => {
    it('given vervoer to a hospital, then the Zvw (zittend ziekenvervoer, limited cases)', () => {
      suggested(ask('vervoer', { vervoerPurpose: 'medisch' }), 'Zvw', 'zorgverzekeraar');
    });

    it('given vervoer to dagbesteding for a Wlz client, then the Wlz', () => {
      const suggestion = ask('vervoer', { vervoerPurpose: 'dagbesteding', wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['G-VERVOER-DAGBESTEDING-WLZ']);
    });

    it('given vervoer to dagbesteding without Wlz, then no rule applies', () => {
      expect(ask('vervoer', { vervoerPurpose: 'dagbesteding' }).verdict).toBe('no-rule-applies');
    });

    it('given vervoer to visit family, then the Wmo (regiotaxi)', () => {
      suggested(ask('vervoer', { vervoerPurpose: 'sociaal' }), 'Wmo', 'gemeente');
    });

    it('given vervoer of a child to jeugdhulp, then Jeugdwet, flagged unverified', () => {
      const suggestion = ask('vervoer', { vervoerPurpose: 'jeugdhulp', ageOnDate: 9 });
      suggested(suggestion, 'Jeugdwet', 'gemeente');
      expect(suggestion.unverified).toBe(true);
    });

    it('given the purpose is not known, then the wegwijzer asks for it', () => {
      expect(ask('vervoer', { ageOnDate: 40 }).missingFacts).toEqual(['vervoerPurpose']);
    });
  });

  describe('ouderenzorg verpleeghuis: Wlz zorgprofielen VV via CIZ', () => {
    it('given an 85-year-old with a VV indicatiebesluit needing verblijf, then the zorgkantoor is responsible', () => {
      const suggestion = ask('verblijf', { ageOnDate: 85, wlzIndication: true });
      suggested(suggestion, 'Wlz', 'zorgkantoor');
      expect(ids(suggestion)).toEqual(['T6']);
    });

    it('given an 85-year-old who blijvend needs 24-hour zorg without a besluit, then the route is Wlz via the CIZ', () => {
      suggested(ask('verblijf', { ageOnDate: 85, blijvend: true }), 'Wlz', 'zorgkantoor');
    });
  });
});
