import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';

describe('health endpoints over HTTP', () => {
  let embedded: EmbeddedApp;

  beforeEach(async () => (embedded = await startEmbeddedApp()));
  afterEach(() => embedded.close({ removeData: true }));

  it('live answers 200 without a token', async () => {
    const response = await fetch(`${embedded.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('ready answers 200 with the head position when the event store answers', async () => {
    const response = await fetch(`${embedded.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', eventStore: { status: 'up', headPosition: 0 } });
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
