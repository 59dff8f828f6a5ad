import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Principal, signAccessToken } from '@casusregie/security';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { ManualClock } from '../../../apps/case-api/src/platform/clock';
import { loadConfig } from '../../../apps/casusregie/src/config/app-config';
import { createApp } from '../../../apps/casusregie/src/create-app';
import { createLogger } from '../../../apps/casusregie/src/logging/logger';

export const TEST_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256!';

export interface EmbeddedApp {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly dataDir: string;
  readonly clock: ManualClock;
  readonly store: EventStore;
  token(principal: Partial<Principal> & Pick<Principal, 'role' | 'org'>): string;
  /** Stops the app; keeps DATA_DIR unless `removeData`. */
  close(options?: { removeData?: boolean }): Promise<void>;
}

/** The embedded default (what `npm start` runs) in this process, with a manual clock and a known JWT secret. */
export async function startEmbeddedApp(
  options: {
    dataDir?: string;
    start?: string;
    env?: Record<string, string>;
    logDestination?: { write(line: string): void };
  } = {},
): Promise<EmbeddedApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'casusregie-e2e-'));
  const clock = new ManualClock(options.start ?? '2026-03-02T09:00:00.000Z');
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    // Tests move the clock by hand; a watcher on its own schedule would add events at moments they do not
    // choose. Tests of the watcher switch it on (WATCHER_ENABLED) and tick it themselves.
    WATCHER_ENABLED: 'false',
    ...options.env,
  });
  const app = await createApp({
    config,
    logger: createLogger(config.logLevel, options.logDestination),
    clock,
  });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    url,
    dataDir,
    clock,
    store: app.get<EventStore>(EVENT_STORE_PORT),
    token: (principal) =>
      signAccessToken(
        { sub: `u-${principal.role}-${principal.org}`, name: 'E2E user', tables: [], ...principal },
        TEST_JWT_SECRET,
        {
          expiresInSeconds: 3600,
          now: clock.now(),
        },
      ),
    close: async ({ removeData = false } = {}) => {
      await app.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
