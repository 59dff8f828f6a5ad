/** What the shipped sample data promises: the four regions of the seeds, their gemeenten, insurers and tables. */

import { loadReferenceData } from './loader';
import { autoEscalationFor, organisationByCode, tablesOf, zorgkantoorFor } from './queries';

const data = loadReferenceData();

const GEMEENTEN: Record<string, Record<string, string>> = {
  'utrecht-stad': { Utrecht: 'GM0344' },
  'zuidoost-utrecht': {
    Bunnik: 'GM0312',
    'De Bilt': 'GM0310',
    Houten: 'GM0321',
    'Utrechtse Heuvelrug': 'GM1581',
    'Wijk bij Duurstede': 'GM0352',
    Zeist: 'GM0355',
  },
  'ijssel-vecht': {
    Dalfsen: 'GM0148',
    Hardenberg: 'GM0160',
    Kampen: 'GM0166',
    Ommen: 'GM0175',
    Staphorst: 'GM0180',
    Steenwijkerland: 'GM1708',
    Zwartewaterland: 'GM1896',
    Zwolle: 'GM0193',
  },
  'hart-van-brabant': {
    Dongen: 'GM0766',
    'Gilze en Rijen': 'GM0784',
    Goirle: 'GM0785',
    Hilvarenbeek: 'GM0798',
    'Loon op Zand': 'GM0809',
    Oisterwijk: 'GM0824',
    Tilburg: 'GM0855',
    Waalwijk: 'GM0867',
  },
};

describe('the shipped reference data', () => {
  it.each(Object.entries(GEMEENTEN))('has the gemeenten of %s with their CBS codes', (region, gemeenten) => {
    const inRegion = data.organisations.filter((org) => org.kind === 'gemeente' && org.region === region);
    expect(
      Object.fromEntries(inRegion.map((org) => [org.name.replace(/^Gemeente /, ''), org.codes.cbs])),
    ).toEqual(gemeenten);
  });

  it.each(Object.keys(GEMEENTEN))(
    'gives %s a maatwerktafel that escalates to its opschaaltafel, both with sessions and the default service levels',
    (region) => {
      const tables = data.tables.filter((table) => table.region === region);
      const mwt = tables.find((table) => table.kind === 'maatwerktafel');
      const ost = tables.find((table) => table.kind === 'opschaaltafel');
      expect(mwt?.escalatesTo).toBe(ost?.id);
      for (const table of [mwt, ost]) {
        expect(table?.serviceLevels).toEqual({
          discussionWorkingDays: 10,
          liaisonAnswerWorkingDays: 5,
          escalationDecisionWorkingDays: 10,
        });
        expect(table?.sessions.length).toBeGreaterThanOrEqual(2);
      }
      // Every gemeente of the region sits at both tables.
      for (const code of Object.values(GEMEENTEN[region])) {
        expect(tablesOf(data, code).map((table) => table.id)).toEqual([mwt?.id, ost?.id]);
      }
    },
  );

  it('has the insurers of the seeds with their UZOVI codes', () => {
    const insurers = data.organisations.filter((org) => org.kind === 'zorgverzekeraar');
    expect(Object.fromEntries(insurers.map((org) => [org.name, org.codes.uzovi]))).toMatchObject({
      'Zilveren Kruis Zorgverzekeringen N.V.': '3311',
      'VGZ Zorgverzekeraar N.V.': '7095',
      'Menzis Zorgverzekeraar N.V.': '3332',
    });
    expect(insurers.map((org) => org.name)).toEqual(expect.arrayContaining(['CZ', 'Zorg en Zekerheid']));
  });

  it('maps the gemeenten of the seeds to the zorgkantoor of their zorgkantoorregio', () => {
    expect(zorgkantoorFor(data, 'GM0344')?.name).toBe('Zilveren Kruis Zorgkantoor regio Utrecht');
    expect(zorgkantoorFor(data, 'GM0193')?.codes.zorgkantoorregio).toBe('Zwolle');
    expect(zorgkantoorFor(data, 'GM0855')?.name).toBe('VGZ Zorgkantoor regio Midden-Brabant');
  });

  it('escalates a missed answer automatically at IJssel-Vecht and Hart van Brabant, by their centrumgemeente', () => {
    const automatic = data.tables.filter((table) => autoEscalationFor(data, table.id) !== null);
    expect(automatic.map((table) => table.id)).toEqual(['mwt-ijssel-vecht', 'mwt-hart-van-brabant']);
    expect(autoEscalationFor(data, 'mwt-hart-van-brabant')).toMatchObject({
      mandateHolder: { organisationId: 'GM0855' },
      decisionOwner: { organisationId: 'GM0855' },
    });
  });

  it('has a GGD for every region, the CIZ and at least one GI', () => {
    for (const region of Object.keys(GEMEENTEN)) {
      const ggdAtTable = data.tables
        .filter((table) => table.region === region && table.kind === 'maatwerktafel')
        .flatMap((table) => table.memberOrganisationCodes)
        .some((code) => organisationByCode(data, code)?.kind === 'GGD');
      expect({ region, ggdAtTable }).toEqual({ region, ggdAtTable: true });
    }
    expect(organisationByCode(data, 'CIZ')?.kind).toBe('CIZ');
    expect(data.organisations.some((org) => org.kind === 'GI')).toBe(true);
  });

  it('marks every sample aanbieder as unverified, because their AGB codes are placeholders', () => {
    const aanbieders = data.organisations.filter((org) => org.kind === 'aanbieder');
    expect(aanbieders.length).toBeGreaterThanOrEqual(3);
    for (const org of aanbieders) {
      expect(org.verified).toBe(false);
      expect(org.codes.agb).toMatch(/^99\d{6}$/);
    }
  });
});
