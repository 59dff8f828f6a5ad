import {
  admin,
  auditor,
  CaseBuilder,
  liaisonOf,
  oostCoordinator,
  utrechtCoordinator,
} from '../../test-support/case-builder';
import { call, startTestApi, type TestApi } from '../../test-support/test-api';

interface AgendaBody {
  tableId: string;
  date: string;
  view: string;
  items: Array<{
    sessionId: string;
    sessionDate: string;
    discussed: boolean;
    case: { caseId: string; urgency: string; summary: string | null };
  }>;
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

describe('GET /tables/{tableId}/agenda?date=', () => {
  let api: TestApi;
  let normaal: CaseBuilder;
  let spoed: CaseBuilder;
  let later: CaseBuilder;
  let head: number;

  const agenda = async (tableId: string, date: string, token = utrechtCoordinator) => {
    const response = await call(api, 'GET', `/tables/${tableId}/agenda?date=${date}&minPosition=${head}`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body as unknown as AgendaBody;
  };

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    normaal = await CaseBuilder.register(api, { summary: 'Begeleiding na verhuizing.' });
    await normaal.triage();
    await normaal.putOnAgenda('2026-03-05');
    api.clock.set('2026-03-02T10:00:00.000Z');
    spoed = await CaseBuilder.register(api, { urgency: 'spoed', caseType: 'moeilijk-plaatsbaar' });
    await spoed.triage();
    await spoed.putOnAgenda('2026-03-05');
    const { needIds } = await spoed.discuss('session-2026-03-05', { needs: ['persoonlijke-verzorging'] });
    await spoed.askInsurer(needIds[0], '3311');
    later = await CaseBuilder.register(api);
    await later.triage();
    await later.putOnAgenda('2026-03-12');
    const oost = await CaseBuilder.register(api, {
      token: oostCoordinator,
      tableId: 'ost-utrecht',
      aanbrengerCode: 'GM0355',
    });
    await oost.triage();
    await oost.putOnAgenda('2026-03-05');
    head = oost.position;
  });
  afterAll(() => api.close());

  it("lists the cases on the table's sessions that day, most urgent first, and whether they were discussed", async () => {
    const body = await agenda('mwt-utrecht', '2026-03-05');
    expect(body).toMatchObject({ tableId: 'mwt-utrecht', date: '2026-03-05', view: 'full' });
    expect(body.items).toEqual([
      expect.objectContaining({
        sessionId: 'session-2026-03-05',
        sessionDate: '2026-03-05',
        discussed: true,
        case: expect.objectContaining({ caseId: spoed.caseId, urgency: 'spoed' }),
      }),
      expect.objectContaining({
        discussed: false,
        case: expect.objectContaining({ caseId: normaal.caseId, summary: 'Begeleiding na verhuizing.' }),
      }),
    ]);
    expect((await agenda('mwt-utrecht', '2026-03-12')).items.map((i) => i.case.caseId)).toEqual([
      later.caseId,
    ]);
    expect((await agenda('mwt-utrecht', '2026-03-06')).items).toEqual([]);
  });

  it('shows only the cases the caller may see', async () => {
    expect((await agenda('mwt-utrecht', '2026-03-05', oostCoordinator)).items).toEqual([]);
    expect((await agenda('ost-utrecht', '2026-03-05', oostCoordinator)).items).toHaveLength(1);
    expect((await agenda('mwt-utrecht', '2026-03-05', auditor)).items).toHaveLength(2);
    const liaison = await agenda('mwt-utrecht', '2026-03-05', liaisonOf('3311'));
    expect(liaison.view).toBe('reduced');
    expect(liaison.items.map((i) => [i.case.caseId, i.case.summary])).toEqual([[spoed.caseId, null]]);
  });

  it('answers 404 for an unknown table and 400 naming a bad table id or date', async () => {
    const unknown = await call(api, 'GET', '/tables/mwt-nergens/agenda?date=2026-03-05', {
      token: utrechtCoordinator,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('table-not-found');
    const badTable = await call(api, 'GET', '/tables/MWT_Utrecht/agenda?date=2026-03-05', {
      token: utrechtCoordinator,
    });
    expect(badTable.status).toBe(400);
    expect(fieldsOf(badTable.body)).toEqual(['tableId']);
    for (const query of ['', '?date=2026-02-30', '?date=5-3-2026', '?date=2026-03-05T00:00:00Z']) {
      const response = await call(api, 'GET', `/tables/mwt-utrecht/agenda${query}`, {
        token: utrechtCoordinator,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['date']);
    }
    expect(
      (await call(api, 'GET', '/tables/mwt-utrecht/agenda?date=2026-03-05', { token: admin })).status,
    ).toBe(403);
  });
});
