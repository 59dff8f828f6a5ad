import { registerSubject } from '../../test-support/subjects';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: '3311' });

/** The client of every case here, registered before each test (POST /subjects). */
let subjectId: string;

const registration = () => ({
  caseType: 'moeilijk-plaatsbaar',
  urgency: 'hoog',
  summary: 'Geen passend aanbod na ontslag uit kliniek.',
  subjectId,
  tableId: 'mwt-utrecht',
  aanbrengerCode: 'GM0344',
  regiehouderCode: 'GM0344',
});

describe('case registration over HTTP', () => {
  let api: TestApi;
  /** The head of the log once the subject is registered: what a refused registration must leave it at. */
  let head: number;
  beforeEach(async () => {
    api = await startTestApi();
    subjectId = await registerSubject(api, coordinator);
    head = await api.store.headPosition();
  });
  afterEach(() => api.close());

  it('registers a case: 201, Location, ETag and the new version and position', async () => {
    const response = await call(api, 'POST', '/cases', { token: coordinator, body: registration() });
    expect(response.status).toBe(201);
    const caseId = response.body.caseId as string;
    expect(response.headers.get('location')).toBe(`/cases/${caseId}`);
    expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
    expect(response.body).toMatchObject({ version: expect.any(Number), position: expect.any(Number) });
    expect(await api.store.streamExists(`case-${caseId}`)).toBe(true);
  });

  it('refuses bad input with 400 problem+json naming each field, and stores nothing', async () => {
    const response = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: { ...registration(), caseType: 'x', summary: 5, extra: true, subjectId: 'not-a-uuid' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['caseType', 'extra', 'subjectId', 'summary']);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('malformed JSON and a wrong content type are 4xx, not 500', async () => {
    const malformed = await call(api, 'POST', '/cases', {
      token: coordinator,
      rawBody: '{"caseType":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const wrongType = await call(api, 'POST', '/cases', {
      token: coordinator,
      rawBody: 'caseType=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('requires a token and the right role', async () => {
    expect((await call(api, 'POST', '/cases', { body: registration() })).status).toBe(401);
    expect((await call(api, 'POST', '/cases', { token: 'garbage', body: registration() })).status).toBe(401);
    expect((await call(api, 'POST', '/cases', { token: liaison, body: registration() })).status).toBe(403);
    expect(
      (await call(api, 'POST', '/cases', { token: otherTableCoordinator, body: registration() })).status,
    ).toBe(403);
  });

  it('unknown reference data is 422', async () => {
    const response = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: { ...registration(), aanbrengerCode: 'GM9999' },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('unknown-reference');
  });

  it('a domain refusal is 409/422 with the domain code', async () => {
    const created = await call(api, 'POST', '/cases', { token: coordinator, body: registration() });
    const caseId = created.body.caseId as string;
    const triage = { outcome: 'accept-for-table' };
    expect(
      (await call(api, 'POST', `/cases/${caseId}/triage`, { token: coordinator, body: triage })).status,
    ).toBe(200);
    const again = await call(api, 'POST', `/cases/${caseId}/triage`, { token: coordinator, body: triage });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('case-already-triaged');
  });

  it('hides a case from a coordinator of another table', async () => {
    const created = await call(api, 'POST', '/cases', { token: coordinator, body: registration() });
    const response = await call(api, 'POST', `/cases/${created.body.caseId}/triage`, {
      token: otherTableCoordinator,
      body: { outcome: 'accept-for-table' },
    });
    expect(response.status).toBe(404);
  });

  it('honours If-Match: 412 on a stale version, success on the current one', async () => {
    const created = await call(api, 'POST', '/cases', { token: coordinator, body: registration() });
    const caseId = created.body.caseId as string;
    const stale = await call(api, 'POST', `/cases/${caseId}/triage`, {
      token: coordinator,
      body: { outcome: 'accept-for-table' },
      headers: { 'if-match': '"99"' },
    });
    expect(stale.status).toBe(412);
    const fresh = await call(api, 'POST', `/cases/${caseId}/triage`, {
      token: coordinator,
      body: { outcome: 'accept-for-table' },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(fresh.status).toBe(200);
  });

  it('honours Idempotency-Key: same body returns the first response, another body is 422', async () => {
    const body = registration();
    const headers = { 'idempotency-key': 'register-0001' };
    const first = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    const afterFirst = await api.store.headPosition();
    const second = await call(api, 'POST', '/cases', { token: coordinator, body, headers });
    expect(second.body).toEqual(first.body);
    expect(await api.store.headPosition()).toBe(afterFirst);
    const other = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: { ...body, urgency: 'spoed' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
  });

  it('concurrent commands on one case lose no update', async () => {
    const created = await call(api, 'POST', '/cases', { token: coordinator, body: registration() });
    const caseId = created.body.caseId as string;
    const codes = ['3311', '7095', 'ZK09', '73730001', '73730002'];
    const responses = await Promise.all(
      codes.map((organisationCode) =>
        call(api, 'POST', `/cases/${caseId}/parties`, {
          token: coordinator,
          body: { organisationCode, role: organisationCode.startsWith('7373') ? 'aanbieder' : 'financier' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const events = await api.store.readStream(`case-${caseId}`);
    expect(events.filter((e) => e.type === 'casus.PartyJoined.v1')).toHaveLength(5);
  });
});
