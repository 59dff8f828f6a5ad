import { type CaseFixture, NOW, emptyFixture, sixCases } from '../testing/case-fixture';
import { ORG, TABLE } from '../testing/organisations';

describe('stats', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterAll(() => f.close());

  it('counts cases by type, status, table and region (region from the injected lookup)', () => {
    const { cases } = f.queries.stats({}, NOW);
    expect(cases).toEqual({
      total: 6,
      byType: { 'moeilijk-plaatsbaar': 2, 'transitie-18-min-18-plus': 0, grensvlak: 4, overig: 0 },
      byStatus: { registered: 0, accepted: 3, referred: 1, closed: 2 },
      byTable: {
        [TABLE.utrechtStad]: 3,
        [TABLE.zuidoostUtrecht]: 1,
        [TABLE.ijsselVecht]: 1,
        [TABLE.hartVanBrabant]: 1,
      },
      byRegion: { Utrecht: 4, 'IJssel-Vecht': 1, 'Hart van Brabant': 1 },
    });
    const regionOf = (tableId: string) => (tableId === TABLE.ijsselVecht ? 'Overijssel' : null);
    expect(f.queries.stats({}, NOW, { regionOf }).cases.byRegion).toEqual({ unknown: 5, Overijssel: 1 });
  });

  it('counts escalations and their outcomes, and provider refusals by reason', () => {
    const result = f.queries.stats({}, NOW);
    expect(result.escalations).toEqual({
      total: 3,
      byLevel: { opschaaltafel: 3, 'bestuurlijk-overleg': 0, 'landelijk-maatwerkloket': 0 },
      byReason: {
        'dispute-between-financiers': 3,
        'no-suitable-offer': 0,
        'deadline-missed': 0,
        'care-refusal': 0,
        other: 0,
      },
      byOutcome: { open: 1, decided: 2, 'de-escalated': 0, raised: 0 },
      decidedWithProvisionalFinancing: 2,
    });
    expect(result.offerRefusals).toEqual({
      total: 2,
      byReason: {
        'no-capacity': 2,
        'care-needs-too-complex': 0,
        'safety-risk': 0,
        'outside-target-group': 0,
        'no-funding': 0,
        'client-declined': 0,
        other: 0,
      },
    });
  });

  it('gives median lead times in days: registration to closure and to the first discussion', () => {
    expect(f.queries.stats({}, NOW).leadTimes).toEqual({
      // mp-1 closed after 70 days, gv-arr after 20.
      registrationToClosure: { cases: 2, medianDays: 45 },
      // Every discussed case was discussed 3 days after registration.
      registrationToFirstDiscussion: { cases: 5, medianDays: 3 },
    });
  });

  it('counts moeilijk plaatsbaren without a suitable offer at the end of each month', () => {
    // mp-1 waited from 6 January until an offer was accepted on 20 February; mp-2 waits since 3 February.
    expect(f.queries.stats({}, NOW, { months: 4 }).moeilijkPlaatsbaarWithoutSuitableOffer).toEqual([
      { month: '2024-12', at: '2024-12-31T22:59:59.999Z', count: 0 },
      { month: '2025-01', at: '2025-01-31T22:59:59.999Z', count: 1 },
      { month: '2025-02', at: '2025-02-28T22:59:59.999Z', count: 1 },
      { month: '2025-03', at: '2025-03-20T12:00:00.000Z', count: 1 },
    ]);
    expect(f.queries.stats({}, NOW).moeilijkPlaatsbaarWithoutSuitableOffer).toHaveLength(12);
  });

  it('counts only the cases the caller may see', () => {
    const zk = f.queries.stats({ organisation: ORG.zilverenKruis.organisationId }, NOW, { months: 3 });
    expect(zk.cases.total).toBe(2);
    expect(zk.cases.byTable).toEqual({ [TABLE.utrechtStad]: 2 });
    expect(zk.escalations.total).toBe(1);
    expect(zk.offerRefusals.total).toBe(1);
    expect(zk.leadTimes.registrationToClosure).toEqual({ cases: 1, medianDays: 70 });
    expect(zk.moeilijkPlaatsbaarWithoutSuitableOffer.map((m) => m.count)).toEqual([1, 0, 0]);

    const coordinator = f.queries.stats({ tables: [TABLE.ijsselVecht] }, NOW);
    expect(coordinator.cases.total).toBe(1);
    expect(coordinator.escalations.byOutcome.open).toBe(1);
    expect(coordinator.leadTimes.registrationToClosure).toEqual({ cases: 0, medianDays: null });
  });
});
