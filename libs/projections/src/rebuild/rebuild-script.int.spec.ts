import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { ReadModelDatabase } from '../database/read-model-database';
import { generateCases } from '../testing/generate-cases';

const ROOT = resolve(__dirname, '../../../..');

function runScript(dataDir: string) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/rebuild-projections.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('scripts/rebuild-projections.ts', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-rebuild-script-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds DATA_DIR/read-models.sqlite and ends with the number of events and events per second', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    await generateCases(store, { cases: 40, seed: 3 });
    const head = await store.headPosition();
    await store.close();

    const run = runScript(dir);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Rebuilding ${join(dir, 'read-models.sqlite')} from ${join(dir, 'events.sqlite')}`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  position ${head}/${head} \\(100%\\)`)));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Read-model phases: setup [0-9.]+ s, fold [0-9.]+ s, (merge [0-9.]+ s, )?indexes/,
      ),
    );
    expect(lines.at(-2)).toMatch(
      new RegExp(`^Rebuilt the read models: ${head} events in [0-9.]+ s, [0-9,]+ events/s`),
    );
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      events: head,
      durationMs: expect.any(Number),
      eventsPerSecond: expect.any(Number),
    });

    const db = new ReadModelDatabase({ filename: join(dir, 'read-models.sqlite') });
    expect(db.connection.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(40);
    db.close();
  }, 90_000);

  it('fails with a clear message when DATA_DIR holds no event store', () => {
    const run = runScript(join(dir, 'nowhere'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`No event store at ${join(dir, 'nowhere', 'events.sqlite')}`);
  }, 60_000);
});
