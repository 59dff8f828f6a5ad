import {
  admin,
  auditor,
  CaseBuilder,
  liaisonOf,
  oostCoordinator,
  utrechtCoordinator,
} from '../../test-support/case-builder';
import { call, startTestApi, type TestApi } from '../../test-support/test-api';

interface Gap {
  caseId: string;
  tableId: string;
  needId: string;
  category: string;
  since: string;
  sinceEventType: string;
  days: number;
}

const needIdsOf = (page: { items: Gap[] }) => page.items.map((g) => g.needId).sort();

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

describe('GET /gaps: needs without an accepted or provisional holder', () => {
  let api: TestApi;
  let utrecht: CaseBuilder;
  let oost: CaseBuilder;
  let needs: string[];

  const gaps = async (query = '', token = utrechtCoordinator) => {
    const position = Math.max(utrecht.position, oost.position);
    const response = await call(api, 'GET', `/gaps?minPosition=${position}${query ? `&${query}` : ''}`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body as { now: string; asOfPosition: number; items: Gap[]; nextCursor: string | null };
  };

  beforeEach(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    utrecht = await CaseBuilder.register(api);
    await utrecht.triage();
    const session = await utrecht.putOnAgenda('2026-03-05');
    api.clock.set('2026-03-05T10:00:00.000Z');
    ({ needIds: needs } = await utrecht.discuss(session, {
      needs: ['persoonlijke-verzorging', 'begeleiding'],
    }));

    api.clock.set('2026-03-06T10:00:00.000Z');
    oost = await CaseBuilder.register(api, {
      token: oostCoordinator,
      tableId: 'ost-utrecht',
      aanbrengerCode: 'GM0355',
    });
    await oost.triage();
    const oostSession = await oost.putOnAgenda('2026-03-09');
    await oost.discuss(oostSession, { needs: ['huishoudelijke-hulp'], present: ['GM0355'] });
  });
  afterEach(() => api.close());

  it('tells since when and for how many whole days, at the clock', async () => {
    api.clock.set('2026-03-09T09:00:00.000Z');
    const page = await gaps();
    expect(page.now).toBe('2026-03-09T09:00:00.000Z');
    // Gaps that opened at the same moment come in no particular order among themselves.
    const byCategory = [...page.items].sort((x, y) => y.category.localeCompare(x.category));
    expect(byCategory).toEqual([
      expect.objectContaining({
        caseId: utrecht.caseId,
        tableId: 'mwt-utrecht',
        needId: needs[0],
        category: 'persoonlijke-verzorging',
        since: '2026-03-05T10:00:00.000Z',
        sinceEventType: 'casus.NeedIdentified.v1',
        days: 3,
      }),
      expect.objectContaining({ needId: needs[1], category: 'begeleiding', days: 3 }),
    ]);
    api.clock.set('2026-03-25T10:00:00.000Z');
    expect((await gaps()).items.map((g) => g.days)).toEqual([20, 20]);
  });

  it('keeps a need a gap while its financier is only asked, and drops it once accepted', async () => {
    const { requestId } = await utrecht.askInsurer(needs[0], '3311');
    expect(needIdsOf(await gaps())).toEqual([...needs].sort());
    await utrecht.accept(needs[0], requestId, liaisonOf('3311'));
    expect((await gaps()).items.map((g) => g.needId)).toEqual([needs[1]]);
  });

  it('counts across the cases the caller may see, and a table filter only narrows', async () => {
    expect((await gaps('', oostCoordinator)).items.map((g) => g.caseId)).toEqual([oost.caseId]);
    const all = await gaps('', auditor);
    expect(all.items.map((g) => g.caseId)).toEqual([utrecht.caseId, utrecht.caseId, oost.caseId]);
    expect((await gaps('table=ost-utrecht', auditor)).items.map((g) => g.caseId)).toEqual([oost.caseId]);
    expect((await gaps('table=ost-utrecht')).items).toEqual([]);
    // A liaison: only cases its organisation takes part in.
    expect((await gaps('', liaisonOf('3311'))).items).toEqual([]);
    await utrecht.askInsurer(needs[0], '3311');
    expect((await gaps('', liaisonOf('3311'))).items.map((g) => g.caseId)).toEqual([
      utrecht.caseId,
      utrecht.caseId,
    ]);
  });

  it('pages with a cursor', async () => {
    const first = await gaps('limit=2', auditor);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await gaps(`limit=2&cursor=${first.nextCursor}`, auditor);
    expect(second.items.map((g) => g.caseId)).toEqual([oost.caseId]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses bad parameters with 400 naming each, and roles without case.read with 403', async () => {
    const bad = await call(api, 'GET', '/gaps?limit=1001&cursor=%25%25&table=A_B&since=yesterday', {
      token: auditor,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['cursor', 'limit', 'since', 'table']);
    const foreignCursor = await call(api, 'GET', '/gaps?cursor=WyJjYXNlcyIsMV0', { token: auditor });
    expect(foreignCursor.status).toBe(400);
    expect(fieldsOf(foreignCursor.body)).toEqual(['cursor']);
    expect((await call(api, 'GET', '/gaps', { token: admin })).status).toBe(403);
    expect((await call(api, 'GET', '/gaps')).status).toBe(401);
  });
});
