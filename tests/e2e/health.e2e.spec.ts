import { INBOX_HANDLE } from '../../apps/case-api/src/inbox/inbox.provider';
import { CASE_READ_MODELS_HANDLE } from '../../apps/case-api/src/queries/read-models.provider';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { registerSubject } from './support/subjects';

describe('health endpoints over HTTP', () => {
  let embedded: EmbeddedApp;

  beforeEach(async () => (embedded = await startEmbeddedApp()));
  afterEach(() => embedded.close({ removeData: true }));

  it('live answers 200 without a token', async () => {
    const response = await fetch(`${embedded.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('ready answers 200 with the head position and the read models caught up', async () => {
    const response = await fetch(`${embedded.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      eventStore: { status: 'up', headPosition: 0 },
      projections: { status: 'up', checkpoint: 0, lag: 0, maxLag: 1000 },
      inbox: { status: 'up', checkpoint: 0, lag: 0, maxLag: 1000 },
    });
  });

  it('ready answers 503 when the liaison inbox has stopped, naming it', async () => {
    await embedded.app.get<{ runner: { stop(): Promise<void> } }>(INBOX_HANDLE).runner.stop();
    const response = await fetch(`${embedded.url}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      projections: { status: 'up' },
      inbox: { status: 'stopped' },
    });
  });

  it('ready answers 503 when the read models are further behind than READY_MAX_PROJECTION_LAG', async () => {
    await embedded.close();
    const lagging = await startEmbeddedApp({
      dataDir: embedded.dataDir,
      env: { READY_MAX_PROJECTION_LAG: '0' },
    });
    try {
      await lagging.app.get<{ runner: { stop(): Promise<void> } }>(CASE_READ_MODELS_HANDLE).runner.stop();
      const token = lagging.token({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
      const registered = await fetch(`${lagging.url}/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          caseType: 'overig',
          urgency: 'normaal',
          summary: 'Gereedheidstest.',
          subjectId: await registerSubject(lagging.url, token),
          tableId: 'mwt-utrecht',
          aanbrengerCode: 'GM0344',
          regiehouderCode: 'GM0344',
        }),
      });
      expect(registered.status).toBe(201);
      const response = await fetch(`${lagging.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        projections: { status: 'stopped' },
      });
    } finally {
      await lagging.close({ removeData: true });
      embedded = await startEmbeddedApp();
    }
  });

  it('ready answers 503 when the event store does not answer', async () => {
    await embedded.store.close();
    const response = await fetch(`${embedded.url}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', eventStore: { status: 'down' } });
  });

  it('an unknown path is a 404 problem, not a 500', async () => {
    const response = await fetch(`${embedded.url}/nope`, {
      headers: { authorization: `Bearer ${embedded.token({ role: 'auditor', org: 'GM0344' })}` },
    });
    expect(response.status).toBe(404);
  });

  it('echoes a safe correlation id and replaces an unsafe one', async () => {
    const given = await fetch(`${embedded.url}/health/live`, {
      headers: { 'x-correlation-id': 'client-abc-123' },
    });
    expect(given.headers.get('x-correlation-id')).toBe('client-abc-123');
    const unsafe = await fetch(`${embedded.url}/health/live`, {
      headers: { 'x-correlation-id': 'a b<script>' },
    });
    expect(unsafe.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document at /docs/json without a token', async () => {
    const response = await fetch(`${embedded.url}/docs/json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{caseId}/triage']));
  });
});
