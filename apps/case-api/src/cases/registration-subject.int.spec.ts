import { randomUUID } from 'node:crypto';
import type { SubjectKeyStore } from '@casusregie/security';
import { registerSubject, TEST_CLIENT } from '../../test-support/subjects';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';
import { DERIVE_BIRTHDAY_PURPOSE } from '../subjects/subject-case-links';
import { SUBJECT_KEY_STORE } from '../subjects/subject-keys';
import {
  accessLogStreamId,
  PERSONAL_DATA_READ,
  SUBJECT_LINKED_TO_CASE,
  subjectStreamId,
} from '../subjects/subject-streams';

const coordinator = testToken({
  sub: 'u-coord',
  role: 'coordinator',
  org: 'GM0344',
  tables: ['mwt-utrecht'],
});
const otherTableCoordinator = testToken({
  sub: 'u-ost',
  role: 'coordinator',
  org: 'GM0355',
  tables: ['ost-utrecht'],
});

const subjectBornOn = (api: TestApi, birthDate: string) => registerSubject(api, coordinator, { birthDate });

const registration = (subjectId: string, caseType = 'transitie-18-min-18-plus', tableId = 'mwt-utrecht') => ({
  caseType,
  urgency: 'hoog',
  summary: 'Jeugdhulp loopt af bij 18 jaar; vervolg nog niet geregeld.',
  subjectId,
  tableId,
  aanbrengerCode: tableId === 'mwt-utrecht' ? 'GM0344' : 'GM0355',
  regiehouderCode: tableId === 'mwt-utrecht' ? 'GM0344' : 'GM0355',
});

async function caseRegistered(api: TestApi, caseId: string) {
  const [event] = await api.store.readStream(`case-${caseId}`);
  expect(event.type).toBe('casus.CaseRegistered.v1');
  return event.data as { subjectId: string; birthday18: string | null; milestones: unknown[] };
}

async function linksOf(api: TestApi, subjectId: string) {
  return (await api.store.readStream(subjectStreamId(subjectId)))
    .filter((e) => e.type === SUBJECT_LINKED_TO_CASE)
    .map((e) => e.data as { caseId: string; tableId: string });
}

describe('case registration with a registered subject', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  it("a transition case gets its 18th birthday from the subject's birth date", async () => {
    // 17 years and 3 months old on 2 March 2026.
    const subjectId = await subjectBornOn(api, '2008-12-02');
    const response = await call(api, 'POST', '/cases', { token: coordinator, body: registration(subjectId) });
    expect(response.status).toBe(201);
    const caseId = response.body.caseId as string;
    const registered = await caseRegistered(api, caseId);
    expect(registered.subjectId).toBe(subjectId);
    expect(registered.birthday18).toBe('2026-12-02');
    expect(registered.milestones.length).toBeGreaterThan(0);
    // The case refers to the client by id only: the birth date itself is nowhere in it.
    expect(JSON.stringify(await api.store.readStream(`case-${caseId}`))).not.toContain('2008-12-02');

    // The decryption of the birth date is in the access log, and the subject is linked to the case.
    const log = await api.store.readStream(accessLogStreamId(subjectId));
    expect(log.map((e) => e.type)).toEqual([PERSONAL_DATA_READ]);
    expect(log[0].data).toMatchObject({
      actor: { userId: 'u-coord', role: 'coordinator', organisationId: 'GM0344' },
      subjectId,
      purpose: DERIVE_BIRTHDAY_PURPOSE,
      fields: ['birthDate'],
    });
    expect(await linksOf(api, subjectId)).toEqual([
      expect.objectContaining({ subjectId, caseId, tableId: 'mwt-utrecht' }),
    ]);
    const read = await call(api, 'GET', `/subjects/${subjectId}`, {
      token: coordinator,
      headers: { 'x-purpose': 'transitieplan opstellen' },
    });
    expect(read.status).toBe(200);
    expect(read.body.birthDate).toBe('2008-12-02');
  });

  it('someone born on 29 February turns 18 on 1 March in a year without one', async () => {
    const subjectId = await subjectBornOn(api, '2008-02-29');
    const response = await call(api, 'POST', '/cases', { token: coordinator, body: registration(subjectId) });
    expect(response.status).toBe(201);
    expect((await caseRegistered(api, response.body.caseId as string)).birthday18).toBe('2026-03-01');
  });

  it('a case of another type holds no birthday and decrypts nothing, but links the subject', async () => {
    const subjectId = await subjectBornOn(api, '2008-12-02');
    const response = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: registration(subjectId, 'moeilijk-plaatsbaar'),
    });
    expect(response.status).toBe(201);
    const caseId = response.body.caseId as string;
    expect((await caseRegistered(api, caseId)).birthday18).toBeNull();
    expect(await api.store.streamExists(accessLogStreamId(subjectId))).toBe(false);
    expect((await linksOf(api, subjectId)).map((l) => l.caseId)).toEqual([caseId]);
  });

  it('a transition case for an unknown subject is 422 unknown-subject and stores nothing', async () => {
    const response = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: registration(randomUUID()),
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('unknown-subject');
    expect(response.body.errors).toEqual([{ field: 'subjectId', messages: ['unknown subject'] }]);
    expect(await api.store.headPosition()).toBe(0);
  });

  it.each(['moeilijk-plaatsbaar', 'grensvlak', 'overig'])(
    'a %s case for a never-registered subject id is 422 unknown-subject and stores nothing',
    async (caseType) => {
      const subjectId = randomUUID();
      const response = await call(api, 'POST', '/cases', {
        token: coordinator,
        body: registration(subjectId, caseType),
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status: 422,
        code: 'unknown-subject',
        errors: [{ field: 'subjectId', messages: ['unknown subject'] }],
      });
      expect(await api.store.headPosition()).toBe(0);
      expect(await api.store.streamExists(subjectStreamId(subjectId))).toBe(false);
    },
  );

  it('refuses an unknown subject id with the same answer whoever asks, naming no subject', async () => {
    // A subject registered by another table exists, but the answer for an unknown id says nothing about it.
    const known = await registerSubject(api, otherTableCoordinator);
    const unknown = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: registration(randomUUID(), 'overig'),
    });
    expect(unknown.status).toBe(422);
    const text = JSON.stringify(unknown.body);
    expect(text).not.toContain(known);
    for (const value of Object.values(TEST_CLIENT)) expect(text).not.toContain(value);
    const fromOtherTable = await call(api, 'POST', '/cases', {
      token: otherTableCoordinator,
      body: registration(randomUUID(), 'overig', 'ost-utrecht'),
    });
    const withoutCorrelation = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined });
    expect(withoutCorrelation(fromOtherTable.body)).toEqual(withoutCorrelation(unknown.body));
  });

  it('a retry with the same Idempotency-Key after an unknown subject stores nothing either', async () => {
    const body = registration(randomUUID(), 'grensvlak');
    const headers = { 'idempotency-key': 'register-unknown-subject' };
    const first = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    const again = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    expect([first.status, again.status]).toEqual([422, 422]);
    expect(await api.store.headPosition()).toBe(0);
  });

  it('a transition case for an erased subject is 422 subject-erased and stores nothing', async () => {
    const subjectId = await subjectBornOn(api, '2008-12-02');
    await api.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE).destroyKey(subjectId);
    const head = await api.store.headPosition();
    const response = await call(api, 'POST', '/cases', { token: coordinator, body: registration(subjectId) });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('subject-erased');
    expect(await api.store.headPosition()).toBe(head);
  });

  it('a subject registered at another table may be used; that table then reads it too', async () => {
    const subjectId = await subjectBornOn(api, '2008-12-02');
    const read = () =>
      call(api, 'GET', `/subjects/${subjectId}`, {
        token: otherTableCoordinator,
        headers: { 'x-purpose': 'verhuizing naar andere regio' },
      });
    expect((await read()).status).toBe(404);
    const response = await call(api, 'POST', '/cases', {
      token: otherTableCoordinator,
      body: registration(subjectId, 'transitie-18-min-18-plus', 'ost-utrecht'),
    });
    expect(response.status).toBe(201);
    expect((await caseRegistered(api, response.body.caseId as string)).birthday18).toBe('2026-12-02');
    expect((await read()).status).toBe(200);
    expect((await linksOf(api, subjectId)).map((l) => l.tableId)).toEqual(['ost-utrecht']);
  });

  it('a retry with the same Idempotency-Key repairs a crash between the case append and the link', async () => {
    const subjectId = await subjectBornOn(api, '2008-12-02');
    const body = registration(subjectId);
    const headers = { 'idempotency-key': 'register-transition-01' };
    const append = api.store.append.bind(api.store);
    api.store.append = async (streamId, events, expected) => {
      if (streamId === subjectStreamId(subjectId)) throw new Error('crash before the link');
      return append(streamId, events, expected);
    };
    let caseId: string;
    try {
      const crashed = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
      expect(crashed.status).toBe(500);
      const cases = (await api.store.readAll({ fromPosition: 0 })).events.filter(
        (e) => e.type === 'casus.CaseRegistered.v1',
      );
      expect(cases).toHaveLength(1);
      caseId = (cases[0].data as { caseId: string }).caseId;
    } finally {
      api.store.append = append;
    }
    expect(await linksOf(api, subjectId)).toEqual([]);

    const retry = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body.caseId).toBe(caseId);
    expect((await linksOf(api, subjectId)).map((l) => l.caseId)).toEqual([caseId]);

    // Once more: the same case, and still one link.
    const again = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    expect(again.body).toEqual(retry.body);
    expect((await linksOf(api, subjectId)).map((l) => l.caseId)).toEqual([caseId]);
    const caseEvents = (await api.store.readAll({ fromPosition: 0 })).events.filter(
      (e) => e.type === 'casus.CaseRegistered.v1',
    );
    expect(caseEvents).toHaveLength(1);
  });
});
