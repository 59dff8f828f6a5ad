import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';

describe('reference data and the wegwijzer over HTTP', () => {
  let embedded: EmbeddedApp;
  let get: (path: string, role?: 'coordinator' | 'liaison' | 'auditor' | 'admin') => Promise<Response>;

  beforeAll(async () => {
    embedded = await startEmbeddedApp();
    get = (path, role = 'admin') =>
      fetch(`${embedded.url}${path}`, {
        headers: {
          authorization: `Bearer ${embedded.token({ role, org: 'GM0344', tables: ['mwt-utrecht'] })}`,
        },
      });
  });
  afterAll(() => embedded.close({ removeData: true }));

  it('lists the shipped organisations and tables', async () => {
    const organisations = (await (await get('/organisations')).json()) as {
      organisations: Array<{ code: string }>;
    };
    expect(organisations.organisations.map((o) => o.code)).toEqual(
      expect.arrayContaining(['GM0344', '3311']),
    );
    const tables = (await (await get('/tables', 'liaison')).json()) as { tables: Array<{ id: string }> };
    expect(tables.tables.map((t) => t.id)).toContain('mwt-utrecht');
  });

  it('suggests a law domain with the rules applied and their sources', async () => {
    const response = await get(
      '/wegwijzer/suggest?category=begeleiding&date=2026-11-24&ageOnDate=18&wlzIndication=false',
    );
    expect(response.status).toBe(200);
    const suggestion = (await response.json()) as {
      outcome: { lawDomain: string };
      rulesApplied: Array<{ source: string }>;
    };
    expect(suggestion.outcome.lawDomain).toBe('Wmo');
    expect(suggestion.rulesApplied[0].source).toMatch(/https:\/\/www\.schulinck\.nl/);
  });

  it('refuses bad query parameters with 400 naming them', async () => {
    const response = await get('/wegwijzer/suggest?category=magic&date=tomorrow&wlzIndication=maybe');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['category', 'date', 'wlzIndication']);
  });
});
