import { SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import { CaseLog } from '../testing/case-log';
import { CaseScript } from '../testing/case-script';
import { arrangedGrensvlak, awaitingAnswer, moeilijkPlaatsbaar, runSteps } from '../testing/journeys';
import { dumpReadModels } from '../testing/read-model-dump';
import {
  PositionLogProjection,
  capturingLogger,
  caughtUp,
  quietLogger,
  rawEvent,
} from '../testing/runner-support';
import { loadCheckpoint } from './checkpoint-table';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const T0 = '2025-03-03T08:00:00Z';

describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let log: CaseLog;
  const runners: ProjectionRunner[] = [];

  function runner(
    projection: Projection,
    options: {
      batchSize?: number;
      logger?: ReturnType<typeof capturingLogger>;
      commitIntervalMs?: number;
    } = {},
  ) {
    const r = new ProjectionRunner({
      store,
      database: db,
      projection,
      batchSize: options.batchSize,
      logger: options.logger ?? quietLogger,
      commitIntervalMs: options.commitIntervalMs,
    });
    runners.push(r);
    return r;
  }

  async function threeCases(): Promise<void> {
    await runSteps(arrangedGrensvlak(new CaseScript(log, 'a'), T0));
    await runSteps(moeilijkPlaatsbaar(new CaseScript(log, 'b'), T0));
    await runSteps(awaitingAnswer(new CaseScript(log, 'c'), T0));
  }

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    db = new ReadModelDatabase({ filename: ':memory:' });
    log = new CaseLog(store);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    db.close();
    await store.close();
  });

  it('applies every event exactly once, in batches of at most batchSize, each committed with its checkpoint', async () => {
    await threeCases();
    const projection = new PositionLogProjection(db);
    const r = runner(projection, { batchSize: 7 });
    r.start();
    await caughtUp(r, store);
    const head = await store.headPosition();
    expect(projection.positions()).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(Math.max(...projection.batches.map((b) => b.length))).toBe(7);
    expect(loadCheckpoint(db, 'position-log')).toBe(head);
    expect(r.checkpoint()).toBe(head);
    expect(r.status()).toMatchObject({
      state: 'running',
      position: head,
      eventsSinceStart: head,
      failure: null,
    });
  });

  it('rolls back rows and checkpoint of a batch whose handler throws midway, and a restart continues exactly', async () => {
    await threeCases();
    const projection = new PositionLogProjection(db);
    const first = runner(projection, { batchSize: 10 });
    first.start();
    await caughtUp(first, store);
    await first.stop();
    const before = { positions: projection.positions(), checkpoint: loadCheckpoint(db, 'position-log') };

    const more = await runSteps(arrangedGrensvlak(new CaseScript(log, 'd'), T0));
    // The batch after the checkpoint holds 10 events; writing it throws at the 5th, after writing 4 rows.
    projection.failAtPosition = before.checkpoint + 5;
    const crashing = runner(projection, { batchSize: 10 });
    crashing.start();
    await crashing.finished();
    expect(crashing.status().state).toBe('failed');
    expect(projection.positions()).toEqual(before.positions);
    expect(loadCheckpoint(db, 'position-log')).toBe(before.checkpoint);

    projection.failAtPosition = null;
    const restarted = runner(projection, { batchSize: 10 });
    restarted.start();
    await caughtUp(restarted, store);
    expect(projection.positions()).toEqual(Array.from({ length: more.lastGlobalPosition }, (_, i) => i + 1));
    expect(loadCheckpoint(db, 'position-log')).toBe(more.lastGlobalPosition);
  });

  it('leaves the case read models exactly as an uninterrupted run after a crash mid-batch and a restart', async () => {
    await threeCases();
    // A cache of two cases: the batches also push changed cases out of the cache before they are written.
    const cases = new CaseProjection(db, { cacheSize: 2 });
    let crashAt: number | null = 20;
    let crashInBatch = false;
    const crashing: Projection = {
      name: cases.name,
      add(event) {
        if (event.globalPosition === crashAt) crashInBatch = true;
        cases.add(event);
      },
      flush() {
        cases.flush(); // rows written inside the transaction ...
        if (crashInBatch) throw new Error('simulated crash'); // ... then the process "dies"
      },
      committed: () => cases.committed(),
      rolledBack: () => {
        crashInBatch = false;
        cases.rolledBack();
      },
    };
    const r1 = runner(crashing, { batchSize: 8 });
    r1.start();
    await r1.finished();
    expect(r1.status().state).toBe('failed');
    expect(r1.checkpoint()).toBe(16);
    expect(db.connection.prepare('SELECT MAX(last_position) FROM cases').pluck().get()).toBe(16);

    crashAt = null;
    const r2 = runner(crashing, { batchSize: 8 });
    r2.start();
    await caughtUp(r2, store);

    const reference = new ReadModelDatabase({ filename: ':memory:' });
    const clean = new ProjectionRunner({
      store,
      database: reference,
      projection: new CaseProjection(reference),
      logger: quietLogger,
    });
    clean.start();
    await caughtUp(clean, store);
    await clean.stop();
    expect(dumpReadModels(db)).toEqual(dumpReadModels(reference));
    reference.close();
  });

  it('stops on an unknown event type with a log line naming type, stream and position, and skips nothing', async () => {
    await runSteps(awaitingAnswer(new CaseScript(log, 'a'), T0));
    const good = await store.headPosition();
    const unknown = await store.append(
      'case-a',
      [rawEvent('casus.CaseTeleported.v1', { caseId: 'a', occurredAt: T0 })],
      'any',
    );
    await runSteps(awaitingAnswer(new CaseScript(log, 'b'), T0));
    const logger = capturingLogger();
    const r = runner(new CaseProjection(db), { batchSize: 3, logger });
    r.start();
    await r.finished();

    const status = r.status();
    expect(status.state).toBe('failed');
    expect(status.failure).toMatchObject({
      eventType: 'casus.CaseTeleported.v1',
      streamId: 'case-a',
      globalPosition: unknown.lastGlobalPosition,
    });
    // The batch holding the unknown event was dropped as a whole: the checkpoint is a batch boundary before it.
    expect(status.checkpoint).toBeLessThan(unknown.lastGlobalPosition);
    expect(status.checkpoint).toBe(Math.floor(good / 3) * 3);
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toContain('casus.CaseTeleported.v1');
    expect(line?.message).toContain('case-a');
    expect(line?.message).toContain(`position ${unknown.lastGlobalPosition}`);
    expect(line?.fields).toMatchObject({
      projection: 'case-read-models',
      eventType: 'casus.CaseTeleported.v1',
      streamId: 'case-a',
      globalPosition: unknown.lastGlobalPosition,
    });
    expect(db.connection.prepare('SELECT case_id FROM cases').pluck().all()).toEqual(['a']);
    expect(await r.waitForPosition(unknown.lastGlobalPosition, 1_000)).toBe(false);

    // Started again without a fix, it stops at the same event again: it never steps over it.
    const again = runner(new CaseProjection(db), { batchSize: 3, logger });
    again.start();
    await again.finished();
    expect(again.status().failure?.globalPosition).toBe(unknown.lastGlobalPosition);
  });

  it('reads older event versions through the domain upcaster instead of stopping', async () => {
    await runSteps(awaitingAnswer(new CaseScript(log, 'a'), T0));
    const state = log.stateOf('a');
    const requested = state.responsibilities[0];
    await store.append(
      'case-a',
      [
        rawEvent(
          'casus.ResponsibilityRejected.v1',
          {
            caseId: 'a',
            needId: requested.needId,
            responsibilityId: requested.responsibilityId,
            requestId: requested.openRequestId,
            financierOrganisationId: requested.financierOrganisationId,
            reason: 'Niet verzekerd bij ons.',
            occurredAt: '2025-03-07T08:00:00Z',
          },
          '2025-03-07T08:00:00Z',
        ),
      ],
      'any',
    );
    const r = runner(new CaseProjection(db));
    r.start();
    await caughtUp(r, store);
    const status = db.connection.prepare('SELECT doc FROM case_documents').pluck().get() as string;
    expect(JSON.parse(status).state.responsibilities[0].status).toBe('rejected');
  });

  it('lets the event loop turn between batches while it catches up (the process keeps answering requests)', async () => {
    await threeCases();
    const projection = new PositionLogProjection(db);
    const r = runner(projection, { batchSize: 5 });
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    r.start();
    await caughtUp(r, store);
    ticking = false;
    expect(projection.batches.length).toBeGreaterThan(5);
    expect(turns).toBeGreaterThanOrEqual(projection.batches.length - 1);
  });

  it('goes from catch-up to live: events appended later are applied as they come', async () => {
    await threeCases();
    const projection = new PositionLogProjection(db);
    const r = runner(projection);
    r.start();
    await caughtUp(r, store);
    const appended = await runSteps(arrangedGrensvlak(new CaseScript(log, 'live'), T0));
    expect(await r.waitForPosition(appended.lastGlobalPosition, 5_000)).toBe(true);
    expect(projection.positions()).toHaveLength(appended.lastGlobalPosition);
  });

  it('with commitIntervalMs, gathers the events that come in soon after a commit into the next batch', async () => {
    const projection = new PositionLogProjection(db);
    const r = runner(projection, { commitIntervalMs: 300 });
    r.start();
    const first = await store.append('case-a', [rawEvent('test.Happened.v1', { n: 0 })], 'any');
    expect(await r.waitForPosition(first.lastGlobalPosition, 5_000)).toBe(true); // the first commits at once
    let last = first;
    for (let n = 1; n <= 3; n++) {
      last = await store.append('case-a', [rawEvent('test.Happened.v1', { n })], 'any');
      await new Promise((resolve) => setTimeout(resolve, 10)); // each append commits on its own in the store
    }
    expect(await r.waitForPosition(last.lastGlobalPosition, 5_000)).toBe(true);
    expect(projection.batches).toEqual([[1], [2, 3, 4]]);
  });

  describe('waitForPosition (read-your-writes)', () => {
    it('resolves true once the position is applied, false after the timeout when it is not reached', async () => {
      const r = runner(new CaseProjection(db));
      r.start();
      const waiting = r.waitForPosition(3, 5_000);
      const result = await new CaseScript(log, 'x').register({}, T0);
      await new CaseScript(log, 'x').acceptAtTriage(T0);
      await new CaseScript(log, 'x').putOnAgenda('s', '2025-03-05', T0);
      expect(result.lastGlobalPosition).toBe(1);
      expect(await waiting).toBe(true);
      const started = Date.now();
      expect(await r.waitForPosition(1_000, 150)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('refuses a position that is not a whole number', async () => {
      const r = runner(new CaseProjection(db));
      r.start();
      await expect(r.waitForPosition(Number.NaN, 100)).rejects.toThrow(RangeError);
      await expect(r.waitForPosition(-1, 100)).rejects.toThrow(RangeError);
      await expect(r.waitForPosition(1.5, 100)).rejects.toThrow(RangeError);
    });

    it('answers false at once when the runner is not running', async () => {
      const r = runner(new CaseProjection(db));
      const started = Date.now();
      expect(await r.waitForPosition(1, 5_000)).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('resolves waiters with false when the runner stops', async () => {
      const r = runner(new CaseProjection(db));
      r.start();
      const waiting = r.waitForPosition(50, 10_000);
      await r.stop();
      expect(await waiting).toBe(false);
    });

    it('reaches positions of other streams: the read model is complete up to the head it saw', async () => {
      await runSteps(awaitingAnswer(new CaseScript(log, 'a'), T0));
      const other = await store.append('inbox-org-1', [rawEvent('inbox.Acknowledged.v1', { id: 1 })], 'any');
      const r = runner(new CaseProjection(db));
      r.start();
      expect(await r.waitForPosition(other.lastGlobalPosition, 5_000)).toBe(true);
      expect(r.checkpoint()).toBe(other.lastGlobalPosition - 1);
      expect(r.position()).toBe(other.lastGlobalPosition);
      expect(r.lag(await store.headPosition())).toBe(0);
    });
  });

  it('reports lag against a head and restarts from its checkpoint after stop()', async () => {
    await threeCases();
    const projection = new PositionLogProjection(db);
    const r = runner(projection);
    expect(r.lag(await store.headPosition())).toBe(await store.headPosition());
    r.start();
    await caughtUp(r, store);
    await r.stop();
    expect(r.status().state).toBe('stopped');
    const headBefore = await store.headPosition();
    const more = await runSteps(awaitingAnswer(new CaseScript(log, 'e'), T0));
    expect(r.lag(more.lastGlobalPosition)).toBe(more.lastGlobalPosition - r.checkpoint());
    r.start();
    await caughtUp(r, store);
    expect(projection.positions()).toHaveLength(more.lastGlobalPosition);
    expect(r.status().eventsSinceStart).toBe(more.lastGlobalPosition - headBefore);
  });
});
