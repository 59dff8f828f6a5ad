import { randomUUID } from 'node:crypto';
import {
  admin,
  auditor,
  CaseBuilder,
  liaisonOf,
  oostCoordinator,
  utrechtCoordinator,
} from '../../test-support/case-builder';
import { call, startTestApi, type TestApi } from '../../test-support/test-api';

type Item = { caseId: string; summary: string | null };
type Page = { items: Item[]; nextCursor: string | null; view: string; now: string; asOfPosition: number };

const SUMMARY_A = 'Wijkverpleging of persoonlijke verzorging na ziekenhuisopname?';
const SUMMARY_B = 'Geen passend aanbod voor beschermd wonen na drie weigeringen.';
const SUMMARY_C = 'Schuldhulp en begeleiding thuis, twee gemeenten betrokken.';
const SUMMARY_D = 'Grensvlak Zvw en Wmo bij terugkeer uit revalidatie.';
const AGREEMENT_A = 'Thuiszorg start direct na ontslag uit het ziekenhuis.';
const ACTION_A = 'Verzekeraar beoordeelt de indicatie wijkverpleging.';
const ACTION_D = 'Gemeente plant een keukentafelgesprek.';
const QUESTION_D = 'Welke financier neemt de persoonlijke verzorging op zich?';

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

/**
 * Four cases, built through the command endpoints one hour apart:
 * - A (mwt-utrecht, grensvlak, normaal): discussed with two needs; insurer 3311 asked for one and accepted; an
 *   agreement and an action owned by 3311;
 * - B (mwt-utrecht, moeilijk-plaatsbaar, spoed): only registered;
 * - C (ost-utrecht, overig, hoog): accepted at triage;
 * - D (mwt-utrecht, grensvlak, hoog): discussed with one need; insurer 7095 asked (no answer yet); escalated; an
 *   action owned by the gemeente.
 */
async function buildWorld(api: TestApi) {
  const a = await CaseBuilder.register(api, { summary: SUMMARY_A });
  await a.triage();
  const sessionA = await a.putOnAgenda('2026-03-05');
  const idsA = await a.discuss(sessionA, {
    needs: ['persoonlijke-verzorging', 'begeleiding'],
    agreements: [AGREEMENT_A],
    actions: [{ description: ACTION_A, ownerOrganisationCode: '3311', dueDate: '2026-12-01' }],
    present: ['GM0344', '3311'],
  });
  const askedA = await a.askInsurer(idsA.needIds[0], '3311');
  await a.accept(idsA.needIds[0], askedA.requestId, liaisonOf('3311'));

  api.clock.set('2026-03-02T10:00:00.000Z');
  const b = await CaseBuilder.register(api, {
    caseType: 'moeilijk-plaatsbaar',
    urgency: 'spoed',
    summary: SUMMARY_B,
  });

  api.clock.set('2026-03-02T11:00:00.000Z');
  const c = await CaseBuilder.register(api, {
    token: oostCoordinator,
    tableId: 'ost-utrecht',
    caseType: 'overig',
    urgency: 'hoog',
    summary: SUMMARY_C,
    aanbrengerCode: 'GM0355',
  });
  await c.triage();

  api.clock.set('2026-03-02T12:00:00.000Z');
  const d = await CaseBuilder.register(api, { urgency: 'hoog', summary: SUMMARY_D });
  await d.triage();
  const sessionD = await d.putOnAgenda('2026-03-05');
  const idsD = await d.discuss(sessionD, {
    needs: ['persoonlijke-verzorging'],
    actions: [{ description: ACTION_D, ownerOrganisationCode: 'GM0344', dueDate: '2026-12-01' }],
  });
  await d.askInsurer(idsD.needIds[0], '7095');
  await d.escalate(idsD.needIds, QUESTION_D);
  return { a, b, c, d, head: d.position, needsA: idsA.needIds, needD: idsD.needIds[0] };
}

describe('GET /cases: the work queue', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let A: string, B: string, C: string, D: string;

  const list = async (query: string, token = utrechtCoordinator) => {
    const response = await call(api, 'GET', `/cases?minPosition=${world.head}${query ? `&${query}` : ''}`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body as unknown as Page;
  };
  const idsOf = (page: Page) => page.items.map((i) => i.caseId);

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    world = await buildWorld(api);
    ({
      a: { caseId: A },
      b: { caseId: B },
      c: { caseId: C },
      d: { caseId: D },
    } = world);
  });
  afterAll(() => api.close());

  it('shows a coordinator the cases of their tables, last changed first, with summaries', async () => {
    const page = await list('');
    expect(idsOf(page)).toEqual([D, B, A]);
    expect(page).toMatchObject({ view: 'full', now: '2026-03-02T12:00:00.000Z', nextCursor: null });
    expect(page.asOfPosition).toBeGreaterThanOrEqual(world.head);
    expect(page.items.map((i) => i.summary)).toEqual([SUMMARY_D, SUMMARY_B, SUMMARY_A]);
    expect(page.items[0]).toMatchObject({
      tableId: 'mwt-utrecht',
      caseType: 'grensvlak',
      urgency: 'hoog',
      status: 'accepted',
      hasGap: true,
      gapCount: 1,
      escalated: true,
      overdue: false,
      version: world.d.version,
      lastPosition: world.d.position,
    });
  });

  it('shows auditors every case and another table only its own', async () => {
    expect(idsOf(await list('', auditor))).toEqual([D, C, B, A]);
    expect(idsOf(await list('', oostCoordinator))).toEqual([C]);
  });

  it('filters by status, type, gap, escalation, organisation and summary text', async () => {
    expect(idsOf(await list('status=registered'))).toEqual([B]);
    expect(idsOf(await list('status=registered,accepted'))).toEqual([D, B, A]);
    expect(idsOf(await list('status=referred&status=registered'))).toEqual([B]);
    expect(idsOf(await list('type=moeilijk-plaatsbaar'))).toEqual([B]);
    expect(idsOf(await list('type=grensvlak&status=accepted'))).toEqual([D, A]);
    expect(idsOf(await list('hasGap=true'))).toEqual([D, A]);
    expect(idsOf(await list('hasGap=false'))).toEqual([B]);
    expect(idsOf(await list('escalated=true'))).toEqual([D]);
    expect(idsOf(await list('escalated=false'))).toEqual([B, A]);
    expect(idsOf(await list('organisation=3311'))).toEqual([A]);
    expect(idsOf(await list('organisation=7095'))).toEqual([D]);
    expect(idsOf(await list('q=ziekenhuis'))).toEqual([A]);
    expect(idsOf(await list(`q=${encodeURIComponent('PASSEND aanbod')}`))).toEqual([B]);
    expect(idsOf(await list('q=Zv'))).toEqual([D]);
    expect(idsOf(await list('table=mwt-utrecht', auditor))).toEqual([D, B, A]);
  });

  it('never widens what the caller may see: a filter on another table gives nothing', async () => {
    expect(idsOf(await list('table=ost-utrecht'))).toEqual([]);
    expect(idsOf(await list('table=ost-utrecht,mwt-utrecht'))).toEqual([D, B, A]);
    expect(idsOf(await list('organisation=GM0355'))).toEqual([]);
  });

  it('sorts by urgency, registration or last change, either way', async () => {
    expect(idsOf(await list('sort=urgency'))).toEqual([B, D, A]);
    expect(idsOf(await list('sort=urgency:asc'))).toEqual([A, D, B]);
    expect(idsOf(await list('sort=registeredAt:asc'))).toEqual([A, B, D]);
    expect(idsOf(await list('sort=registeredAt'))).toEqual([D, B, A]);
    expect(idsOf(await list('sort=updatedAt:asc', auditor))).toEqual([A, B, C, D]);
  });

  it('pages with a cursor: every case once, in order, and the cursor belongs to its sort', async () => {
    for (const [sort, expected] of [
      ['updatedAt', [D, C, B, A]],
      ['urgency', [B, C, D, A]],
      ['registeredAt:asc', [A, B, C, D]],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(
          `sort=${sort}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          auditor,
        );
        expect(page.items).toHaveLength(1);
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual(expected);
    }
    const first = await list('sort=urgency&limit=3', auditor);
    expect(idsOf(first)).toEqual([B, C, D]);
    const rest = await list(`sort=urgency&limit=3&cursor=${first.nextCursor}`, auditor);
    expect(rest).toMatchObject({ items: [{ caseId: A }], nextCursor: null });

    const otherSort = await call(api, 'GET', `/cases?sort=registeredAt&cursor=${first.nextCursor}`, {
      token: auditor,
    });
    expect(otherSort.status).toBe(400);
    expect(fieldsOf(otherSort.body)).toEqual(['cursor']);
    const altered = await call(api, 'GET', '/cases?cursor=bm90LWEtY3Vyc29y', { token: auditor });
    expect(altered.status).toBe(400);
    expect(fieldsOf(altered.body)).toEqual(['cursor']);
  });

  it('judges overdue at the clock: missed deadlines of the cases', async () => {
    expect(idsOf(await list('overdue=true'))).toEqual([]);
    api.clock.set('2026-04-15T09:00:00.000Z');
    try {
      // B was never discussed; D's insurer did not answer; A has nothing missed (its action is due in December).
      const overdue = await list('overdue=true');
      expect(idsOf(overdue)).toEqual([D, B]);
      expect(overdue.now).toBe('2026-04-15T09:00:00.000Z');
      expect(overdue.items.every((i) => (i as unknown as { overdue: boolean }).overdue)).toBe(true);
      expect(idsOf(await list('overdue=false'))).toEqual([A]);
    } finally {
      api.clock.set('2026-03-02T12:00:00.000Z');
    }
  });

  it('refuses bad parameters with 400 naming each one', async () => {
    const response = await call(
      api,
      'GET',
      '/cases?status=open&type=urgent&hasGap=yes&overdue=1&escalated=&limit=0&sort=name&minPosition=-1' +
        '&table=MWT_Utrecht&organisation=x&cursor=not%20a%20cursor&unknown=1',
      { token: utrechtCoordinator },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(response.body)).toEqual([
      'cursor',
      'escalated',
      'hasGap',
      'limit',
      'minPosition',
      'organisation',
      'overdue',
      'sort',
      'status',
      'table',
      'type',
      'unknown',
    ]);
    const tooMany = await call(api, 'GET', '/cases?limit=201&q=', { token: utrechtCoordinator });
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany.body)).toEqual(['limit', 'q']);
    const longText = await call(api, 'GET', `/cases?q=${'a'.repeat(201)}`, { token: utrechtCoordinator });
    expect(fieldsOf(longText.body)).toEqual(['q']);
  });

  it('needs a token and case.read: admins are refused', async () => {
    expect((await call(api, 'GET', '/cases')).status).toBe(401);
    const refused = await call(api, 'GET', '/cases', { token: admin });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});

describe('GET /cases/{caseId}: the case', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  const detail = (caseId: string, token: string) =>
    call(api, 'GET', `/cases/${caseId}?minPosition=${world.head}`, { token });

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    world = await buildWorld(api);
  });
  afterAll(() => api.close());

  it('gives a coordinator the full case: parties, needs and their responsibility, agreements, actions, deadlines', async () => {
    const response = await detail(world.a.caseId, utrechtCoordinator);
    expect(response.status).toBe(200);
    const body = response.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body).toMatchObject({
      view: 'full',
      caseId: world.a.caseId,
      tableId: 'mwt-utrecht',
      status: 'accepted',
      summary: SUMMARY_A,
      version: world.a.version,
      lastPosition: world.a.position,
      partyOrganisationIds: ['3311', 'GM0344'],
      askedOrganisationIds: ['3311'],
      agreements: [{ text: AGREEMENT_A, sessionId: 'session-2026-03-05' }],
      actions: [{ description: ACTION_A, ownerOrganisationId: '3311', done: false }],
      sessions: [{ sessionId: 'session-2026-03-05', sessionDate: '2026-03-05', discussed: true }],
    });
    expect(body.asOfPosition).toBeGreaterThanOrEqual(world.head);
    const [pv, begeleiding] = body.needs;
    expect(pv).toMatchObject({
      needId: world.needsA[0],
      category: 'persoonlijke-verzorging',
      gap: null,
      current: { lawDomain: 'Zvw', financierOrganisationId: '3311', status: 'accepted', holding: true },
    });
    expect(pv.current.setBy.eventType).toBe('casus.ResponsibilityAccepted.v1');
    expect(begeleiding).toMatchObject({
      category: 'begeleiding',
      current: null,
      gap: { eventType: expect.any(String) },
    });
    expect(body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['action-due']);
  });

  it('gives auditors the full view of any case', async () => {
    const response = await detail(world.c.caseId, auditor);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ view: 'full', summary: SUMMARY_C, tableId: 'ost-utrecht' });
  });

  it("gives a liaison the reduced view: every fact, no free text but their own organisation's actions", async () => {
    const a = await detail(world.a.caseId, liaisonOf('3311'));
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      view: 'reduced',
      summary: null,
      agreements: [{ sessionId: 'session-2026-03-05', text: null }],
      actions: [{ description: ACTION_A, ownerOrganisationId: '3311' }],
      needs: [{ current: { financierOrganisationId: '3311', status: 'accepted' } }, { current: null }],
    });
    expect(JSON.stringify(a.body)).not.toContain(SUMMARY_A);
    expect(JSON.stringify(a.body)).not.toContain(AGREEMENT_A);

    const d = await detail(world.d.caseId, liaisonOf('7095'));
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      view: 'reduced',
      summary: null,
      actions: [{ description: null, ownerOrganisationId: 'GM0344' }],
      escalations: [{ level: 'opschaaltafel', status: 'open', question: null }],
      needs: [{ current: { financierOrganisationId: '7095', status: 'disputed' } }],
    });
    for (const text of [SUMMARY_D, ACTION_D, QUESTION_D]) expect(JSON.stringify(d.body)).not.toContain(text);
  });

  it('answers 404 for a case the caller may not see, exactly as for one that does not exist', async () => {
    const missing = await detail(randomUUID(), auditor);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('case-not-found');
    for (const [caseId, token] of [
      [world.a.caseId, oostCoordinator],
      [world.c.caseId, utrechtCoordinator],
      [world.a.caseId, liaisonOf('7095')],
      [world.b.caseId, liaisonOf('3311')],
      [world.d.caseId, liaisonOf('GM0355')],
    ]) {
      const hidden = await detail(caseId, token);
      expect(hidden.status).toBe(404);
      expect({ ...hidden.body, correlationId: undefined }).toEqual({
        ...missing.body,
        correlationId: undefined,
      });
    }
  });

  it('refuses a malformed id or parameter with 400, admins with 403', async () => {
    const malformed = await call(api, 'GET', '/cases/not-a-uuid', { token: auditor });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['caseId']);
    const badQuery = await call(api, 'GET', `/cases/${world.a.caseId}?minPosition=abc&expand=all`, {
      token: auditor,
    });
    expect(badQuery.status).toBe(400);
    expect(fieldsOf(badQuery.body)).toEqual(['expand', 'minPosition']);
    expect((await call(api, 'GET', `/cases/${world.a.caseId}`, { token: admin })).status).toBe(403);
  });
});

describe('read-your-writes: minPosition', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z', { readModelWaitMs: 500 });
  });
  afterEach(() => api.close());

  it('shows every command at once when its position is passed', async () => {
    const c = await CaseBuilder.register(api);
    const steps: Array<() => Promise<unknown>> = [
      () => c.triage(),
      () => c.putOnAgenda('2026-03-05'),
      () => c.discuss('session-2026-03-05', { needs: ['begeleiding'] }),
    ];
    const expectVisible = async () => {
      const response = await call(api, 'GET', `/cases/${c.caseId}?minPosition=${c.position}`, {
        token: utrechtCoordinator,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: c.version, lastPosition: c.position });
      expect(response.body.asOfPosition as number).toBeGreaterThanOrEqual(c.position);
    };
    await expectVisible();
    for (const step of steps) {
      await step();
      await expectVisible();
    }
    const queue = await call(api, 'GET', `/cases?hasGap=true&minPosition=${c.position}`, {
      token: utrechtCoordinator,
    });
    expect((queue.body.items as Item[]).map((i) => i.caseId)).toEqual([c.caseId]);
  });

  it('answers 503 read-model-behind with Retry-After while the read model is behind, never stale data', async () => {
    const c = await CaseBuilder.register(api);
    await api.readModels.runner.stop();
    await c.triage();
    const behind = [
      `/cases/${c.caseId}`,
      '/cases',
      '/gaps',
      '/tables/mwt-utrecht/agenda?date=2026-03-05',
      '/stats',
    ];
    for (const path of behind) {
      const response = await call(
        api,
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}minPosition=${c.position}`,
        {
          token: utrechtCoordinator,
        },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.body).toMatchObject({ status: 503, code: 'read-model-behind' });
      expect(response.body).not.toHaveProperty('items');
    }
    // Without minPosition the read model answers what it has, and says how far that goes.
    const stale = await call(api, 'GET', `/cases/${c.caseId}`, { token: utrechtCoordinator });
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ status: 'registered', version: 1 });
    expect(stale.body.asOfPosition as number).toBeLessThan(c.position);

    api.readModels.runner.start();
    const caughtUp = await call(api, 'GET', `/cases/${c.caseId}?minPosition=${c.position}`, {
      token: utrechtCoordinator,
    });
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body).toMatchObject({ status: 'accepted', version: c.version });
  });

  it('refuses a minPosition beyond the end of the log with 400', async () => {
    const c = await CaseBuilder.register(api);
    const response = await call(api, 'GET', `/cases?minPosition=${c.position + 1000}`, {
      token: utrechtCoordinator,
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['minPosition']);
  });

  it('starts the processor with the application and stops it on shutdown', async () => {
    expect(api.readModels.runner.status().state).toBe('running');
    const other = await startTestApi();
    const { runner } = other.readModels;
    await other.close();
    expect(runner.status().state).toBe('stopped');
    expect(other.readModels.database.connection.open).toBe(false);
  });
});

describe('isolation: a liaison of insurer 3311 never sees a case of insurer 7095', () => {
  let api: TestApi;
  let ours: CaseBuilder;
  let theirs: CaseBuilder;
  let head: number;
  const zk = liaisonOf('3311');
  const vgz = liaisonOf('7095');

  beforeAll(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    // Both at the same table, on the same session, each with a gap and an open request to its own insurer.
    for (const insurer of ['3311', '7095']) {
      const c = await CaseBuilder.register(api, { summary: `Casus voor verzekeraar ${insurer}.` });
      await c.triage();
      const session = await c.putOnAgenda('2026-03-05');
      const { needIds } = await c.discuss(session, { needs: ['persoonlijke-verzorging', 'begeleiding'] });
      await c.askInsurer(needIds[0], insurer);
      if (insurer === '3311') ours = c;
      else theirs = c;
    }
    head = theirs.position;
  });
  afterAll(() => api.close());

  const get = (path: string, token: string) =>
    call(api, 'GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, { token });

  it('lists only its own case, whatever the filters', async () => {
    for (const query of [
      '/cases',
      '/cases?organisation=7095',
      '/cases?table=mwt-utrecht',
      '/cases?hasGap=true',
    ]) {
      const response = await get(query, zk);
      expect(response.status).toBe(200);
      const ids = (response.body.items as Item[]).map((i) => i.caseId);
      expect(ids).not.toContain(theirs.caseId);
      if (!query.includes('7095')) expect(ids).toEqual([ours.caseId]);
    }
    const mirror = await get('/cases', vgz);
    expect((mirror.body.items as Item[]).map((i) => i.caseId)).toEqual([theirs.caseId]);
    expect((mirror.body.items as Item[])[0].summary).toBeNull();
  });

  it('counts only its own gaps; the agenda shows only its own case; stats are not for liaisons', async () => {
    const gaps = await get('/gaps', zk);
    expect(gaps.status).toBe(200);
    const gapCases = (gaps.body.items as Array<{ caseId: string }>).map((g) => g.caseId);
    expect(gapCases).toEqual([ours.caseId, ours.caseId]);

    const agenda = await get('/tables/mwt-utrecht/agenda?date=2026-03-05', zk);
    expect(agenda.status).toBe(200);
    expect((agenda.body.items as Array<{ case: Item }>).map((i) => i.case.caseId)).toEqual([ours.caseId]);

    const stats = await get('/stats', zk);
    expect(stats.status).toBe(403);
    // A coordinator of the table counts both: the liaison's view is narrower, not the data.
    const coordinator = await get('/stats', utrechtCoordinator);
    expect((coordinator.body.cases as { total: number }).total).toBe(2);
  });

  it("answers 404 for the other insurer's case, 200 (reduced) for its own", async () => {
    const theirsResponse = await get(`/cases/${theirs.caseId}`, zk);
    expect(theirsResponse.status).toBe(404);
    expect(JSON.stringify(theirsResponse.body)).not.toContain('7095');
    const oursResponse = await get(`/cases/${ours.caseId}`, zk);
    expect(oursResponse.status).toBe(200);
    expect(oursResponse.body).toMatchObject({ view: 'reduced', caseId: ours.caseId, summary: null });
    expect(JSON.stringify(oursResponse.body)).not.toContain(theirs.caseId);
  });

  it('refuses text search to liaisons, since summaries are not theirs to read', async () => {
    const response = await get('/cases?q=verzekeraar', zk);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('text-search-not-permitted');
    expect(fieldsOf(response.body)).toEqual(['q']);
  });
});
