import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import { READ_MODEL_SCHEMA_VERSION } from '../database/schema';
import { CaseReadModels } from '../queries/case-read-models';
import { ProjectionRunner } from '../runner/projection-runner';
import { generateCases } from '../testing/generate-cases';
import { dumpReadModels } from '../testing/read-model-dump';
import { caughtUp, quietLogger, rawEvent } from '../testing/runner-support';
import { type RebuildProgress, rebuildProjections } from './rebuild-projections';

describe('rebuildProjections', () => {
  let dir: string;
  let store: SqliteEventStore;
  let incremental: ReadModelDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-rebuild-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    incremental = new ReadModelDatabase({ filename: join(dir, 'incremental.sqlite') });
    // Incremental: the processor runs while the log is written, in small live batches.
    const runner = new ProjectionRunner({
      store,
      database: incremental,
      projection: new CaseProjection(incremental, { cacheSize: 20 }),
      batchSize: 7,
      logger: quietLogger,
    });
    runner.start();
    await generateCases(store, {
      cases: 150,
      seed: 7,
      start: '2025-01-01T08:00:00Z',
      spreadDays: 60,
      concurrency: 16,
    });
    await caughtUp(runner, store);
    await runner.stop();
  }, 60_000);

  afterAll(async () => {
    incremental.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['in this thread', 1],
    ['in two worker threads', 2],
  ])(
    'gives exactly the rows of incremental processing %s, and reports progress and speed',
    async (_, parallelism) => {
      const progress: RebuildProgress[] = [];
      const path = join(dir, `rebuilt-${parallelism}.sqlite`);
      const result = await rebuildProjections({
        store,
        readDbPath: path,
        parallelism,
        batchSize: 250,
        logger: quietLogger,
        onProgress: (p) => progress.push(p),
      });
      const head = await store.headPosition();
      expect(result.events).toBe(head);
      expect(result.position).toBe(head);
      expect(result.eventsPerSecond).toBeGreaterThan(0);
      const phases = parallelism === 1 ? ['fold'] : ['fold', 'merge'];
      expect(Object.keys(result.phases!)).toEqual(['setup', ...phases, 'indexes', 'analyze', 'finish']);
      const phaseSum = Object.values(result.phases!).reduce((a, b) => a + b, 0);
      expect(Math.abs(phaseSum - result.durationMs)).toBeLessThan(10); // each phase is rounded to a ms
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.map((p) => p.position)).toEqual(
        [...progress.map((p) => p.position)].sort((a, b) => a - b),
      );
      expect(progress.at(-1)).toMatchObject({ events: head, position: head, target: head });

      const rebuilt = new ReadModelDatabase({ filename: path });
      expect(dumpReadModels(rebuilt)).toEqual(dumpReadModels(incremental));
      const now = '2025-04-01T12:00:00Z';
      const [a, b] = [new CaseReadModels(incremental), new CaseReadModels(rebuilt)];
      expect(b.stats({}, now)).toEqual(a.stats({}, now));
      expect(b.listGaps({}, now, { limit: 1000 })).toEqual(a.listGaps({}, now, { limit: 1000 }));
      expect(b.listCases({}, { now, overdue: true }, { by: 'urgency' }, null, 200)).toEqual(
        a.listCases({}, { now, overdue: true }, { by: 'urgency' }, null, 200),
      );
      expect(rebuilt.connection.pragma('user_version', { simple: true })).toBe(READ_MODEL_SCHEMA_VERSION);
      const indexes = rebuilt.connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")
        .pluck()
        .all();
      expect(indexes).toEqual(
        expect.arrayContaining(['cases_by_table_updated', 'case_organisations_by_organisation']),
      );
      rebuilt.close();
    },
  );

  it('replaces what a read-model file held', async () => {
    const path = join(dir, 'in-place.sqlite');
    const stale = new ReadModelDatabase({ filename: path });
    stale.connection
      .prepare("INSERT INTO projection_checkpoints (name, position) VALUES ('case-read-models', 99999)")
      .run();
    stale.close();
    await rebuildProjections({ store, readDbPath: path, logger: quietLogger });
    const rebuilt = new ReadModelDatabase({ filename: path });
    expect(dumpReadModels(rebuilt)).toEqual(dumpReadModels(incremental));
    rebuilt.close();
  });

  it('leaves the old read models intact when the rebuild fails, and removes its unfinished file', async () => {
    const path = join(dir, 'kept.sqlite');
    await rebuildProjections({ store, readDbPath: path, logger: quietLogger });
    const before = new ReadModelDatabase({ filename: path });
    const rowsBefore = dumpReadModels(before);
    before.close();

    const broken = new SqliteEventStore({ filename: join(dir, 'broken-events.sqlite') });
    await broken.append('case-z', [rawEvent('casus.CaseTeleported.v1', { caseId: 'z' })], 'no_stream');
    await expect(
      rebuildProjections({ store: broken, readDbPath: path, logger: quietLogger }),
    ).rejects.toThrow(
      /Rebuild stopped at position 0: .*casus\.CaseTeleported\.v1 in stream case-z at position 1/,
    );
    await broken.close();
    expect(existsSync(`${path}.rebuild`)).toBe(false);
    const after = new ReadModelDatabase({ filename: path });
    expect(dumpReadModels(after)).toEqual(rowsBefore);
    after.close();
  });

  it('marks an interrupted bulk load incomplete, so the next open starts the read models afresh', () => {
    const path = join(dir, 'interrupted.sqlite');
    const db = new ReadModelDatabase({ filename: path });
    db.reset({ deferIndexes: true });
    db.connection
      .prepare("INSERT INTO projection_checkpoints (name, position) VALUES ('case-read-models', 500)")
      .run();
    db.close(); // the rebuild "crashes" before createIndexes()
    const reopened = new ReadModelDatabase({ filename: path });
    expect(reopened.connection.pragma('user_version', { simple: true })).toBe(READ_MODEL_SCHEMA_VERSION);
    expect(reopened.connection.prepare('SELECT COUNT(*) FROM projection_checkpoints').pluck().get()).toBe(0);
    reopened.close();
  });
});
