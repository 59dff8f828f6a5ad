import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNpmScript } from './support/service-process';

const startService = (env: Record<string, string>) => startNpmScript('start', env);

async function waitForReady(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('quick start: the npm start script on the embedded default', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'casusregie-start-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves health on PORT with its event store in DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const service = startService({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    try {
      const ready = await waitForReady(`http://127.0.0.1:${port}/health/ready`, 30_000);
      expect(await ready.json()).toMatchObject({ status: 'ok', eventStore: { status: 'up' } });
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      service.child.kill('SIGTERM');
    }
    // Nest runs its shutdown hooks, then re-raises the signal. Closing the last SQLite connection checkpoints
    // the WAL and removes it, so a missing -wal file shows that the store was closed, not abandoned.
    expect(await service.exited).toMatchObject({ signal: 'SIGTERM' });
    expect(existsSync(join(dataDir, 'events.sqlite-wal'))).toBe(false);
  }, 40_000);

  it('refuses to start on a wrong value and says which one', async () => {
    const service = startService({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await service.exited).toEqual({ code: 2, signal: null });
    expect(service.output()).toContain('PORT must be an integer from 0 to 65535');
  }, 40_000);
});
