import { hasPermission, type Permission, ROLES } from '@casusregie/security';
import { concretePath, type DocumentedRoute, documentedRoutes } from './support/openapi-routes';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { registerSubject } from './support/subjects';

/**
 * Deny by default, walked over every documented endpoint and every role: a role gets 403 exactly when
 * ROLE_PERMISSIONS does not give it the permission the endpoint declares, and every endpoint but health and
 * docs declares one and needs a token.
 */
describe('who may do what: every endpoint × every role', () => {
  let embedded: EmbeddedApp;
  let routes: DocumentedRoute[];
  let caseId: string;

  beforeAll(async () => {
    embedded = await startEmbeddedApp();
    routes = (await documentedRoutes(embedded.url)).filter((r) => !r.path.startsWith('/health'));
    const coordinator = embedded.token({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
    const subjectId = await registerSubject(embedded.url, coordinator);
    const response = await fetch(`${embedded.url}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
      body: JSON.stringify({
        caseType: 'overig',
        urgency: 'normaal',
        summary: 'Autorisatietest.',
        subjectId,
        tableId: 'mwt-utrecht',
        aanbrengerCode: 'GM0344',
        regiehouderCode: 'GM0344',
      }),
    });
    caseId = ((await response.json()) as { caseId: string }).caseId;
  });
  afterAll(() => embedded.close({ removeData: true }));

  const send = (route: DocumentedRoute, token?: string) =>
    fetch(`${embedded.url}${concretePath(route.path, caseId)}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(route.hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: route.hasBody ? '{}' : undefined,
    });

  it('documents a permission on every endpoint', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses every endpoint without a token (401)', async () => {
    const statuses = await Promise.all(
      routes.map(async (r) => [`${r.method} ${r.path}`, (await send(r)).status]),
    );
    expect(statuses.filter(([, status]) => status !== 401)).toEqual([]);
  });

  it.each(ROLES)('gives the %s role exactly the endpoints its permissions allow', async (role) => {
    const principal = { role, org: 'GM0344', tables: ['mwt-utrecht'] };
    const token = embedded.token(principal);
    const mismatches: string[] = [];
    for (const route of routes) {
      const allowed = hasPermission({ sub: 'u', name: 'n', ...principal }, route.permission as Permission);
      const status = (await send(route, token)).status;
      if (allowed ? status === 403 || status === 401 : status !== 403) {
        mismatches.push(`${route.method} ${route.path}: ${status} (${allowed ? 'allowed' : 'denied'})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
