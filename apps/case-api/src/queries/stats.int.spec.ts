import { DEFAULT_SERVICE_LEVELS } from '@casusregie/domain';
import {
  admin,
  auditor,
  CaseBuilder,
  liaisonOf,
  oostCoordinator,
  utrechtCoordinator,
} from '../../test-support/case-builder';
import { call, startTestApi, type TestApi } from '../../test-support/test-api';
import { regionsOf } from './read-models.provider';

interface Stats {
  now: string;
  asOfPosition: number;
  cases: {
    total: number;
    byType: Record<string, number>;
    byStatus: Record<string, number>;
    byTable: Record<string, number>;
    byRegion: Record<string, number>;
  };
  escalations: { total: number; byOutcome: Record<string, number>; byReason: Record<string, number> };
  leadTimes: { registrationToFirstDiscussion: { cases: number; medianDays: number | null } };
  moeilijkPlaatsbaarWithoutSuitableOffer: Array<{ month: string; count: number }>;
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

describe('GET /stats', () => {
  let api: TestApi;
  let head: number;

  const stats = async (query = '', token = auditor) => {
    const response = await call(api, 'GET', `/stats?minPosition=${head}${query ? `&${query}` : ''}`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body as unknown as Stats;
  };

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    const grensvlak = await CaseBuilder.register(api);
    await grensvlak.triage();
    await grensvlak.putOnAgenda('2026-03-05');
    api.clock.set('2026-03-06T09:00:00.000Z');
    const { needIds } = await grensvlak.discuss('session-2026-03-05', { needs: ['persoonlijke-verzorging'] });
    await grensvlak.askInsurer(needIds[0], '7095');
    await grensvlak.escalate(needIds, 'Wie financiert de persoonlijke verzorging?');
    await CaseBuilder.register(api, { caseType: 'moeilijk-plaatsbaar', urgency: 'spoed' });
    const oost = await CaseBuilder.register(api, {
      token: oostCoordinator,
      tableId: 'ost-utrecht',
      caseType: 'overig',
      aanbrengerCode: 'GM0355',
    });
    await oost.triage();
    head = oost.position;
    api.clock.set('2026-03-10T09:00:00.000Z');
  });
  afterAll(() => api.close());

  it('counts every case for auditors: by type, status, table and region, escalations and lead times', async () => {
    const body = await stats();
    expect(body.now).toBe('2026-03-10T09:00:00.000Z');
    expect(body.asOfPosition).toBeGreaterThanOrEqual(head);
    expect(body.cases).toMatchObject({
      total: 3,
      byType: { grensvlak: 1, 'moeilijk-plaatsbaar': 1, overig: 1, 'transitie-18-min-18-plus': 0 },
      byStatus: { registered: 1, accepted: 2, referred: 0, closed: 0 },
      byTable: { 'mwt-utrecht': 2, 'ost-utrecht': 1 },
      // The harness's reference data has no regions.
      byRegion: { unknown: 3 },
    });
    expect(body.escalations).toMatchObject({
      total: 1,
      byOutcome: { open: 1, decided: 0 },
      byReason: { 'dispute-between-financiers': 1 },
    });
    expect(body.leadTimes.registrationToFirstDiscussion).toEqual({ cases: 1, medianDays: 4 });
    expect(body.moeilijkPlaatsbaarWithoutSuitableOffer).toHaveLength(12);
    expect(body.moeilijkPlaatsbaarWithoutSuitableOffer.at(-1)).toMatchObject({ month: '2026-03' });
  });

  it("counts only a coordinator's own tables; a table filter only narrows", async () => {
    expect((await stats('', utrechtCoordinator)).cases).toMatchObject({
      total: 2,
      byTable: { 'mwt-utrecht': 2 },
    });
    expect((await stats('', oostCoordinator)).cases).toMatchObject({
      total: 1,
      byTable: { 'ost-utrecht': 1 },
    });
    expect((await stats('table=ost-utrecht', utrechtCoordinator)).cases.total).toBe(0);
    expect((await stats('table=ost-utrecht', auditor)).escalations.total).toBe(0);
    expect((await stats('months=3')).moeilijkPlaatsbaarWithoutSuitableOffer.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('is not for liaisons or admins (no stats.read), and refuses bad parameters naming each', async () => {
    expect((await call(api, 'GET', '/stats', { token: liaisonOf('7095') })).status).toBe(403);
    expect((await call(api, 'GET', '/stats', { token: admin })).status).toBe(403);
    expect((await call(api, 'GET', '/stats')).status).toBe(401);
    const bad = await call(api, 'GET', '/stats?months=0&table=&minPosition=1.5&region=x', { token: auditor });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['minPosition', 'months', 'region', 'table']);
  });

  it('takes the regions of the tables from the reference data as the directory publishes it', () => {
    const regionOf = regionsOf({
      organisation: () => undefined,
      table: () => undefined,
      listOrganisations: () => [],
      listTables: () => [
        { id: 'mwt-utrecht', region: 'utrecht-stad', serviceLevels: DEFAULT_SERVICE_LEVELS },
        { id: 'mwt-zonder-regio', serviceLevels: DEFAULT_SERVICE_LEVELS },
      ],
    });
    expect(regionOf('mwt-utrecht')).toBe('utrecht-stad');
    expect(regionOf('mwt-zonder-regio')).toBeUndefined();
    expect(regionOf('mwt-onbekend')).toBeUndefined();
  });
});
