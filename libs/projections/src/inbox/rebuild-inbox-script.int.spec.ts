import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { caughtUp, generateCases, quietLogger } from '../testing';
import { openInbox } from './open-inbox';

const ROOT = resolve(__dirname, '../../../..');

describe('npm run projections:rebuild and the inbox', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-inbox-script-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds DATA_DIR/inbox.sqlite too, to the rows live processing gives', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    await generateCases(store, { cases: 30, seed: 5 });
    const live = openInbox({ store, filename: join(dir, 'inbox.sqlite'), logger: quietLogger });
    live.start();
    await caughtUp(live.runner, store);
    const select = 'SELECT * FROM inbox_notifications ORDER BY sequence';
    const rows = live.database.connection.prepare(select).all();
    expect(rows.length).toBeGreaterThan(30);
    await live.close();
    // The rebuild starts from nothing: a stale row must be gone afterwards.
    const stale = openInbox({ store, filename: join(dir, 'inbox.sqlite'), logger: quietLogger });
    stale.database.connection.prepare('DELETE FROM inbox_notifications WHERE sequence = 1').run();
    await stale.close();
    const head = await store.headPosition();
    await store.close();

    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/rebuild-projections.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `Rebuilt the inbox ${join(dir, 'inbox.sqlite')}: ${head} events in .*\\(checkpoint ${head}\\)`,
      ),
    );
    const reopenedStore = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const rebuilt = openInbox({
      store: reopenedStore,
      filename: join(dir, 'inbox.sqlite'),
      logger: quietLogger,
    });
    expect(rebuilt.database.connection.prepare(select).all()).toEqual(rows);
    expect(rebuilt.runner.checkpoint()).toBe(head);
    await rebuilt.close();
    await reopenedStore.close();
  }, 90_000);
});
