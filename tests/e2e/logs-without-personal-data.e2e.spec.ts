import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';

/** Structured logs at debug level through a whole request cycle with personal data: none of it is logged. */
describe('logs carry no personal data', () => {
  let embedded: EmbeddedApp;
  const lines: string[] = [];

  beforeAll(async () => {
    embedded = await startEmbeddedApp({
      env: { LOG_LEVEL: 'trace' },
      logDestination: { write: (line: string) => void lines.push(line) },
      start: '2026-11-24T09:00:00.000Z',
    });
  });
  afterAll(() => embedded.close({ removeData: true }));

  it('registers and reads a subject, registers a transition case, fails requests, and logs none of it', async () => {
    const token = embedded.token({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${embedded.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
      });
    const personal = { name: 'Jan Jansen-Ødegård', bsn: '111222333', birthDate: '2009-02-14' };
    const subject = await post('/subjects', personal);
    expect(subject.status).toBe(201);
    const { subjectId } = (await subject.json()) as { subjectId: string };
    const registered = await post('/cases', {
      caseType: 'transitie-18-min-18-plus',
      urgency: 'normaal',
      summary: 'Overgang naar 18+.',
      subjectId,
      tableId: 'mwt-utrecht',
      aanbrengerCode: 'GM0344',
      regiehouderCode: 'GM0344',
    });
    expect(registered.status).toBe(201);
    const read = await fetch(`${embedded.url}/subjects/${subjectId}?purpose=voorbereiding-tafel`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect((await post('/subjects', { ...personal, bsn: '111222334' })).status).toBe(400);
    expect((await post('/subjects', personal, { authorization: 'Bearer not-a-token' })).status).toBe(401);

    const logged = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      'Jan Jansen',
      'Ødegård',
      '111222333',
      '111222334',
      '2009-02-14',
      '2027-02-14',
      token,
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/authorization/i);
  });
});
