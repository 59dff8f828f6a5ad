import { randomUUID } from 'node:crypto';
import { signAccessToken } from '@casusregie/security';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { registerSubject } from './support/subjects';

describe('bearer JWT authentication on the embedded default', () => {
  let embedded: EmbeddedApp;
  beforeEach(async () => (embedded = await startEmbeddedApp()));
  afterEach(() => embedded.close({ removeData: true }));

  /** A subject id is only looked up once the token is accepted: the refused calls need no registered one. */
  const register = (token?: string, subjectId: string = randomUUID()) =>
    fetch(`${embedded.url}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({
        caseType: 'moeilijk-plaatsbaar',
        urgency: 'hoog',
        summary: 'Geen passend aanbod.',
        subjectId,
        tableId: 'mwt-utrecht',
        aanbrengerCode: 'GM0344',
        regiehouderCode: 'GM0344',
      }),
    });

  it('accepts a valid HS256 token and records the actor and correlation id in the event', async () => {
    const token = embedded.token({
      role: 'coordinator',
      org: 'GM0344',
      tables: ['mwt-utrecht'],
      sub: 'u-42',
    });
    const response = await register(token, await registerSubject(embedded.url, token));
    expect(response.status).toBe(201);
    const { caseId } = (await response.json()) as { caseId: string };
    const [registered] = await embedded.store.readStream(`case-${caseId}`);
    expect(registered.metadata.actor).toEqual({
      userId: 'u-42',
      role: 'coordinator',
      organisationId: 'GM0344',
    });
    expect(registered.metadata.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it('refuses a missing, foreign-signed or expired token with 401 problem+json', async () => {
    const principal = {
      sub: 'u',
      name: 'n',
      role: 'coordinator' as const,
      org: 'GM0344',
      tables: ['mwt-utrecht'],
    };
    const foreign = signAccessToken(principal, 'another-secret-that-is-long-enough-too!!', {
      expiresInSeconds: 60,
    });
    const expired = signAccessToken(principal, 'e2e-secret-that-is-long-enough-for-hs256!', {
      expiresInSeconds: 60,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    for (const token of [undefined, foreign, expired, 'not.a.jwt']) {
      const response = await register(token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await embedded.store.headPosition()).toBe(0);
  });
});
