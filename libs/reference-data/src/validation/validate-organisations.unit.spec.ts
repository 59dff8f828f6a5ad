import { codesOf, organisation, problemsAfter, renameOrganisation } from '../test-support/problems-after';
import type { SampleDocument } from '../test-support/sample-reference-data';

type Case = [string, (doc: SampleDocument) => void, readonly { path: string; message: string }[]];

// Indexes in the sample: 0 GM0344, 1 3311, 2 7085, 3 ZK-UTRECHT, 4 GGD-UTRECHT, 5 CIZ, 6 GI-SVM, 7 99000001, 8 WT-WEST.
describe('validateReferenceData: organisations, one at a time', () => {
  it.each<Case>([
    [
      'an unknown kind',
      (doc) => (organisation(doc, 'WT-WEST').kind = 'wijkteam'),
      [
        {
          path: '$.organisations[8].kind',
          message:
            'unknown organisation kind "wijkteam" (expected one of gemeente, zorgverzekeraar, zorgkantoor, ' +
            'aanbieder, GGD, CIZ, GI, overig)',
        },
      ],
    ],
    [
      'a kind in the wrong case',
      (doc) => (organisation(doc, 'GGD-UTRECHT').kind = 'ggd'),
      [
        {
          path: '$.organisations[4].kind',
          message:
            'unknown organisation kind "ggd" (expected one of gemeente, zorgverzekeraar, zorgkantoor, ' +
            'aanbieder, GGD, CIZ, GI, overig)',
        },
      ],
    ],
    [
      'a missing kind',
      (doc) => delete organisation(doc, 'CIZ').kind,
      [{ path: '$.organisations[5].kind', message: 'required field is missing' }],
    ],
    [
      'a malformed organisation code',
      (doc) => (organisation(doc, 'WT-WEST').code = 'WT WEST'),
      [
        {
          path: '$.organisations[8].code',
          message: '"WT WEST" is not an organisation code (2–32 letters, digits or hyphens)',
        },
      ],
    ],
    [
      'a malformed CBS code',
      (doc) => {
        renameOrganisation(doc, 'GM0344', 'GM344');
        codesOf(doc, 'GM344').cbs = 'GM344';
      },
      [
        {
          path: '$.organisations[0].codes.cbs',
          message: '"GM344" is not a CBS gemeentecode (GM followed by four digits, e.g. GM0344)',
        },
      ],
    ],
    [
      'a CBS code in lower case',
      (doc) => (codesOf(doc, 'GM0344').cbs = 'gm0344'),
      [
        {
          path: '$.organisations[0].codes.cbs',
          message: '"gm0344" is not a CBS gemeentecode (GM followed by four digits, e.g. GM0344)',
        },
      ],
    ],
    [
      'a gemeente whose code is not its CBS code',
      (doc) => renameOrganisation(doc, 'GM0344', 'UTRECHT'),
      [
        {
          path: '$.organisations[0].code',
          message: `"UTRECHT" must equal codes.cbs ("GM0344"): the code of a gemeente is its CBS code`,
        },
      ],
    ],
    [
      'a gemeente without a CBS code',
      (doc) => delete codesOf(doc, 'GM0344').cbs,
      [
        {
          path: '$.organisations[0].codes.cbs',
          message: 'an organisation of kind gemeente must have a CBS code',
        },
      ],
    ],
    [
      'a malformed UZOVI code',
      (doc) => {
        renameOrganisation(doc, '3311', '331');
        codesOf(doc, '331').uzovi = '331';
      },
      [
        {
          path: '$.organisations[1].codes.uzovi',
          message: '"331" is not a UZOVI code (four digits, e.g. 3311)',
        },
      ],
    ],
    [
      'a UZOVI code given as a number',
      (doc) => (codesOf(doc, '3311').uzovi = 3311),
      [{ path: '$.organisations[1].codes.uzovi', message: 'expected a string, got number 3311' }],
    ],
    [
      'a zorgverzekeraar whose code is not its UZOVI code',
      (doc) => renameOrganisation(doc, '3311', 'ZILVEREN-KRUIS'),
      [
        {
          path: '$.organisations[1].code',
          message: `"ZILVEREN-KRUIS" must equal codes.uzovi ("3311"): the code of a zorgverzekeraar is its UZOVI code`,
        },
      ],
    ],
    [
      'a code that the kind may not carry',
      (doc) => (codesOf(doc, '3311').cbs = 'GM0344'),
      [
        {
          path: '$.organisations[1].codes.cbs',
          message: 'an organisation of kind zorgverzekeraar cannot have a CBS code (allowed codes: uzovi)',
        },
        {
          path: '$.organisations[1].codes.cbs',
          message: 'duplicate CBS code "GM0344" (first used at $.organisations[0].codes.cbs)',
        },
      ],
    ],
    [
      'a CIZ with any code',
      (doc) => (codesOf(doc, 'CIZ').agb = '12345678'),
      [
        {
          path: '$.organisations[5].codes.agb',
          message: 'an organisation of kind CIZ cannot have an AGB code (allowed codes: none)',
        },
      ],
    ],
    [
      'a malformed AGB code',
      (doc) => Object.assign(organisation(doc, '99000001'), { code: '9900001', codes: { agb: '9900001' } }),
      [{ path: '$.organisations[7].codes.agb', message: '"9900001" is not an AGB code (eight digits)' }],
    ],
    [
      'an aanbieder without an AGB code',
      (doc) => (organisation(doc, '99000001').codes = {}),
      [
        {
          path: '$.organisations[7].codes.agb',
          message: 'an organisation of kind aanbieder must have an AGB code',
        },
      ],
    ],
    [
      'a zorgkantoor without its zorgkantoorregio',
      (doc) => (organisation(doc, 'ZK-UTRECHT').codes = {}),
      [
        {
          path: '$.organisations[3].codes.zorgkantoorregio',
          message: 'an organisation of kind zorgkantoor must have a zorgkantoorregio',
        },
        {
          path: '$.organisations[0].codes.zorgkantoorregio',
          message: 'no zorgkantoor in this file holds zorgkantoorregio "Utrecht"',
        },
      ],
    ],
    [
      'a malformed zorgkantoorregio',
      (doc) => (codesOf(doc, 'GM0344').zorgkantoorregio = 'regio 7'),
      [
        {
          path: '$.organisations[0].codes.zorgkantoorregio',
          message:
            `"regio 7" is not a zorgkantoorregio name (letters, spaces, hyphens and apostrophes, ` +
            `e.g. 'Midden-Brabant')`,
        },
      ],
    ],
    [
      'an unknown code name',
      (doc) => (codesOf(doc, '3311').kvk = '12345678'),
      [
        {
          path: '$.organisations[1].codes.kvk',
          message: 'unknown field "kvk" (allowed: cbs, uzovi, zorgkantoorregio, agb)',
        },
      ],
    ],
    [
      'missing codes',
      (doc) => delete organisation(doc, 'CIZ').codes,
      [
        {
          path: '$.organisations[5].codes',
          message: 'required field is missing (use {} for an organisation without codes)',
        },
      ],
    ],
    [
      'an unknown region',
      (doc) => (organisation(doc, 'CIZ').region = 'nederland'),
      [{ path: '$.organisations[5].region', message: 'unknown region "nederland" (not in $.regions)' }],
    ],
    [
      'an unknown field',
      (doc) => (organisation(doc, 'CIZ').website = 'https://www.ciz.nl'),
      [
        {
          path: '$.organisations[5].website',
          message: 'unknown field "website" (allowed: code, kind, name, codes, region, verified, note)',
        },
      ],
    ],
    [
      'a name with surrounding spaces',
      (doc) => (organisation(doc, 'CIZ').name = ' CIZ'),
      [{ path: '$.organisations[5].name', message: '" CIZ" has leading or trailing spaces' }],
    ],
    [
      'a verified flag that is not a boolean',
      (doc) => (organisation(doc, '7085').verified = 'no'),
      [{ path: '$.organisations[2].verified', message: 'expected true or false, got the string "no"' }],
    ],
    [
      'an organisation that is not an object',
      (doc) => (doc.organisations[8] = 'WT-WEST' as unknown as Record<string, unknown>),
      [{ path: '$.organisations[8]', message: 'expected an object, got the string "WT-WEST"' }],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  it('accepts the optional codes each kind may carry', () => {
    expect(
      problemsAfter((doc) => {
        codesOf(doc, 'GGD-UTRECHT').agb = '99000002';
        codesOf(doc, 'GI-SVM').agb = '99000003';
        codesOf(doc, 'WT-WEST').agb = '99000004';
        delete codesOf(doc, 'GM0344').zorgkantoorregio;
        organisation(doc, 'CIZ').verified = true;
      }),
    ).toEqual([]);
  });

  it('needs at least one organisation', () => {
    const problems = problemsAfter((doc) => {
      doc.organisations = [];
      doc.tables = [];
    });
    expect(problems).toEqual([{ path: '$.organisations', message: 'at least one organisation is needed' }]);
  });
});

describe('validateReferenceData: rules across organisations', () => {
  it.each<Case>([
    [
      'a duplicate organisation code',
      (doc) =>
        doc.organisations.push({
          code: 'CIZ',
          kind: 'CIZ',
          name: 'CIZ again',
          codes: {},
          region: 'landelijk',
        }),
      [
        {
          path: '$.organisations[9].code',
          message: 'duplicate organisation code "CIZ" (first used at $.organisations[5].code)',
        },
      ],
    ],
    [
      'codes that differ only in case',
      (doc) =>
        doc.organisations.push({
          code: 'ciz',
          kind: 'CIZ',
          name: 'CIZ again',
          codes: {},
          region: 'landelijk',
        }),
      [
        {
          path: '$.organisations[9].code',
          message: 'duplicate organisation code "ciz" (first used at $.organisations[5].code)',
        },
      ],
    ],
    [
      'two zorgkantoren for one zorgkantoorregio',
      (doc) =>
        doc.organisations.push({
          code: 'ZK-ZWOLLE',
          kind: 'zorgkantoor',
          name: 'Zorgkantoor Zwolle',
          codes: { zorgkantoorregio: 'Utrecht' },
          region: 'landelijk',
        }),
      [
        {
          path: '$.organisations[9].codes.zorgkantoorregio',
          message:
            'duplicate zorgkantoor for zorgkantoorregio "Utrecht" (first used at $.organisations[3].codes.zorgkantoorregio)',
        },
      ],
    ],
    [
      'a duplicate AGB code',
      (doc) =>
        doc.organisations.push({
          code: 'GGD-RU',
          kind: 'GGD',
          name: 'GGD regio Utrecht',
          codes: { agb: '99000001' },
          region: 'landelijk',
        }),
      [
        {
          path: '$.organisations[9].codes.agb',
          message: 'duplicate AGB code "99000001" (first used at $.organisations[7].codes.agb)',
        },
      ],
    ],
    [
      'a gemeente in a zorgkantoorregio without a zorgkantoor',
      (doc) => (codesOf(doc, 'GM0344').zorgkantoorregio = 'Amersfoort'),
      [
        {
          path: '$.organisations[0].codes.zorgkantoorregio',
          message: 'no zorgkantoor in this file holds zorgkantoorregio "Amersfoort"',
        },
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  it('reports a duplicate CBS code (the second gemeente then also repeats the organisation code)', () => {
    const problems = problemsAfter((doc) =>
      doc.organisations.push({
        code: 'GM0344',
        kind: 'gemeente',
        name: 'Utrecht again',
        codes: { cbs: 'GM0344' },
        region: 'utrecht-stad',
      }),
    );
    expect(problems).toEqual([
      {
        path: '$.organisations[9].code',
        message: 'duplicate organisation code "GM0344" (first used at $.organisations[0].code)',
      },
      {
        path: '$.organisations[9].codes.cbs',
        message: 'duplicate CBS code "GM0344" (first used at $.organisations[0].codes.cbs)',
      },
    ]);
  });

  it('reports a duplicate UZOVI code', () => {
    const problems = problemsAfter((doc) =>
      doc.organisations.push({
        code: '3311',
        kind: 'zorgverzekeraar',
        name: 'ZK',
        codes: { uzovi: '3311' },
        region: 'landelijk',
      }),
    );
    expect(problems).toContainEqual({
      path: '$.organisations[9].codes.uzovi',
      message: 'duplicate UZOVI code "3311" (first used at $.organisations[1].codes.uzovi)',
    });
  });
});
