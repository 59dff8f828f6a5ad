import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OrganisationRef } from '@casusregie/domain';
import { DEFAULT_SERVICE_LEVELS } from '@casusregie/domain';
import { EVENT_STORE_PORT, SqliteEventStore } from '@casusregie/event-store';
import type { CaseReadModelsHandle } from '@casusregie/projections';
import type { Authenticator } from '../src/auth/authenticator';
import type { RequestPrincipal } from '../src/auth/request-principal';
import { CaseApiModule } from '../src/case-api.module';
import type { OrganisationDirectory } from '../src/cases/organisation-directory';
import { ManualClock } from '../src/platform/clock';
import { CASE_READ_MODELS_HANDLE } from '../src/queries/read-models.provider';
import { FASTIFY_OPTIONS, NEST_HTTP_OPTIONS, configureHttp } from '../src/platform/configure-http';

/**
 * A case API on an in-memory event store with a manual clock, for controller-level tests. Tokens here are
 * `test.<base64url(principal json)>`: this harness tests the API's own behaviour; real JWT verification is
 * tested in libs/security and end to end in tests/e2e.
 */
export const testAuthenticator: Authenticator = {
  async authenticate(token: string): Promise<RequestPrincipal> {
    if (!token.startsWith('test.'))
      throw Object.assign(new Error('bad token'), { code: 'auth.token-malformed' });
    return JSON.parse(Buffer.from(token.slice(5), 'base64url').toString('utf8')) as RequestPrincipal;
  },
  hasPermission(principal, permission) {
    const coordinator = [
      'case.register',
      'case.command',
      'case.read',
      'case.read-full',
      'subject.register',
      'subject.read',
      'stats.read',
    ];
    const liaison = ['case.read', 'responsibility.answer', 'inbox.read', 'inbox.acknowledge'];
    const byRole: Record<string, string[]> = {
      coordinator,
      liaison,
      auditor: ['case.read', 'case.read-full', 'stats.read'],
      admin: [],
    };
    return byRole[principal.role]?.includes(permission) ?? false;
  },
};

export function testToken(
  principal: Partial<RequestPrincipal> & Pick<RequestPrincipal, 'role' | 'org'>,
): string {
  const full: RequestPrincipal = { sub: 'u-test', name: 'Test', tables: [], ...principal };
  return `test.${Buffer.from(JSON.stringify(full)).toString('base64url')}`;
}

const ORGANISATIONS: Record<string, OrganisationRef> = {
  GM0344: { organisationId: 'GM0344', kind: 'gemeente', code: 'GM0344' },
  GM0355: { organisationId: 'GM0355', kind: 'gemeente', code: 'GM0355' },
  '3311': { organisationId: '3311', kind: 'zorgverzekeraar', code: '3311' },
  '7095': { organisationId: '7095', kind: 'zorgverzekeraar', code: '7095' },
  ZK09: { organisationId: 'ZK09', kind: 'zorgkantoor', code: 'ZK09' },
  '73730001': { organisationId: '73730001', kind: 'aanbieder', code: '73730001' },
  '73730002': { organisationId: '73730002', kind: 'aanbieder', code: '73730002' },
};

export const testDirectory: OrganisationDirectory = {
  organisation: (code) => ORGANISATIONS[code],
  table: (id) =>
    ['mwt-utrecht', 'ost-utrecht'].includes(id) ? { id, serviceLevels: DEFAULT_SERVICE_LEVELS } : undefined,
  listOrganisations: () => Object.values(ORGANISATIONS),
  listTables: () =>
    ['mwt-utrecht', 'ost-utrecht'].map((id) => ({ id, serviceLevels: DEFAULT_SERVICE_LEVELS })),
};

export interface TestApi {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly clock: ManualClock;
  readonly store: SqliteEventStore;
  /** The read models (':memory:'), started with the app: stop/start the runner to test read-your-writes. */
  readonly readModels: CaseReadModelsHandle;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** How long a query with minPosition waits for the read models (the API's default otherwise). */
  readonly readModelWaitMs?: number;
}

const silentProjectionLogger = { info: () => undefined, error: () => undefined };

export async function startTestApi(
  start = '2026-03-02T09:00:00.000Z',
  options: TestApiOptions = {},
): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casusregie-api-'));
  const clock = new ManualClock(start);
  const store = new SqliteEventStore({ filename: ':memory:', now: () => clock.now() });

  @Global()
  @Module({ providers: [{ provide: EVENT_STORE_PORT, useValue: store }], exports: [EVENT_STORE_PORT] })
  class TestStoreModule {}

  @Module({
    imports: [
      TestStoreModule,
      CaseApiModule.forRoot({
        dataDir,
        authenticator: testAuthenticator,
        directory: testDirectory,
        clock,
        readModels: {
          filename: ':memory:',
          waitTimeoutMs: options.readModelWaitMs,
          logger: silentProjectionLogger,
        },
      }),
    ],
  })
  class TestAppModule {}

  const app = await NestFactory.create<NestFastifyApplication>(
    TestAppModule,
    new FastifyAdapter(FASTIFY_OPTIONS),
    { logger: false, ...NEST_HTTP_OPTIONS },
  );
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    url,
    clock,
    store,
    readModels: app.get<symbol, CaseReadModelsHandle>(CASE_READ_MODELS_HANDLE, { strict: false }),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POST/GET helper returning status, headers and parsed body. */
export async function call(
  api: TestApi,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json as Record<string, unknown> };
}
