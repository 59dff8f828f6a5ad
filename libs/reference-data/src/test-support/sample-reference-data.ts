/**
 * A small, valid reference data document for tests, as plain mutable JSON: each call returns a fresh copy that a
 * test may break in one place.
 */

export interface SampleDocument {
  [key: string]: unknown;
  regions: Record<string, unknown>[];
  organisations: Record<string, unknown>[];
  tables: Record<string, unknown>[];
}

export function sampleReferenceData(): SampleDocument {
  return {
    version: 3,
    validFrom: '2026-11-01',
    regions: [
      { id: 'utrecht-stad', name: 'Utrecht Stad' },
      { id: 'landelijk', name: 'Landelijk', description: 'National organisations.' },
    ],
    organisations: [
      {
        code: 'GM0344',
        kind: 'gemeente',
        name: 'Gemeente Utrecht',
        codes: { cbs: 'GM0344', zorgkantoorregio: 'Utrecht' },
        region: 'utrecht-stad',
      },
      {
        code: '3311',
        kind: 'zorgverzekeraar',
        name: 'Zilveren Kruis',
        codes: { uzovi: '3311' },
        region: 'landelijk',
      },
      {
        code: '7085',
        kind: 'zorgverzekeraar',
        name: 'Zorg en Zekerheid',
        codes: { uzovi: '7085' },
        region: 'landelijk',
        verified: false,
        note: 'Single source.',
      },
      {
        code: 'ZK-UTRECHT',
        kind: 'zorgkantoor',
        name: 'Zilveren Kruis Zorgkantoor regio Utrecht',
        codes: { zorgkantoorregio: 'Utrecht' },
        region: 'utrecht-stad',
      },
      { code: 'GGD-UTRECHT', kind: 'GGD', name: 'GGD Utrecht', codes: {}, region: 'utrecht-stad' },
      { code: 'CIZ', kind: 'CIZ', name: 'CIZ', codes: {}, region: 'landelijk' },
      {
        code: 'GI-SVM',
        kind: 'GI',
        name: 'Samen Veilig Midden-Nederland',
        codes: {},
        region: 'utrecht-stad',
      },
      {
        code: '99000001',
        kind: 'aanbieder',
        name: 'Altrecht',
        codes: { agb: '99000001' },
        region: 'utrecht-stad',
      },
      { code: 'WT-WEST', kind: 'overig', name: 'Buurtteam West', codes: {}, region: 'utrecht-stad' },
    ],
    tables: [
      {
        id: 'mwt-utrecht',
        name: 'Maatwerktafel Utrecht',
        region: 'utrecht-stad',
        kind: 'maatwerktafel',
        memberOrganisationCodes: ['GM0344', '3311', 'ZK-UTRECHT', 'GGD-UTRECHT', 'CIZ'],
        serviceLevels: {
          discussionWorkingDays: 10,
          liaisonAnswerWorkingDays: 5,
          escalationDecisionWorkingDays: 10,
        },
        autoEscalateOnMissedAnswer: true,
        autoEscalation: {
          mandateHolder: { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' },
          decisionOwner: { organisationCode: 'ZK-UTRECHT', functionTitle: 'manager zorginkoop' },
        },
        escalatesTo: 'ost-utrecht',
        sessions: [
          { id: 'mwt-utrecht-2026-12-03', date: '2026-12-03' },
          { id: 'mwt-utrecht-2026-12-17', date: '2026-12-17' },
          { id: 'mwt-utrecht-2027-01-14', date: '2027-01-14' },
        ],
      },
      {
        id: 'ost-utrecht',
        name: 'Opschaaltafel Utrecht',
        region: 'utrecht-stad',
        kind: 'opschaaltafel',
        memberOrganisationCodes: ['GM0344', '3311', '7085'],
        serviceLevels: {
          discussionWorkingDays: 5,
          liaisonAnswerWorkingDays: 3,
          escalationDecisionWorkingDays: 10,
        },
        autoEscalateOnMissedAnswer: false,
        sessions: [],
      },
    ],
  };
}
