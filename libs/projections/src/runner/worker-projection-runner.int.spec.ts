import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { CASE_READ_MODELS } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import { openInbox } from '../inbox/open-inbox';
import { type CaseReadModelsHandle, openCaseReadModels } from '../open-case-read-models';
import { CaseLog } from '../testing/case-log';
import { CaseScript } from '../testing/case-script';
import { arrangedGrensvlak, awaitingAnswer, runSteps } from '../testing/journeys';
import { ORG } from '../testing/organisations';
import { dumpReadModels } from '../testing/read-model-dump';
import { capturingLogger, caughtUp, quietLogger, rawEvent } from '../testing/runner-support';
import { WorkerProjectionRunner } from './worker-projection-runner';

const T0 = '2025-03-03T08:00:00Z';

describe('the case read models processed in a worker thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handles: CaseReadModelsHandle[];

  const open = (
    name: string,
    options: { worker?: boolean; pollIntervalMs?: number; logger?: ReturnType<typeof capturingLogger> } = {},
  ) => {
    const handle = openCaseReadModels({
      store,
      filename: join(dir, name),
      logger: options.logger ?? quietLogger,
      worker:
        options.worker === false
          ? undefined
          : { eventStoreFilename: store.filename, pollIntervalMs: options.pollIntervalMs ?? 60_000 },
    });
    handles.push(handle);
    return handle;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-worker-runner-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    handles = [];
  });

  afterEach(async () => {
    for (const handle of handles) await handle.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays a non-empty log in bulk, then runs live, woken by each commit (not by polling)', async () => {
    const log = new CaseLog(store);
    await runSteps(arrangedGrensvlak(new CaseScript(log, 'a'), T0));
    const handle = open('read-models.sqlite'); // polls only once a minute
    expect(handle.runner.status().state).toBe('idle');

    await handle.start();
    expect(handle.runner.status()).toMatchObject({
      state: 'running',
      checkpoint: await store.headPosition(),
    });
    expect(handle.queries.getCase('a')?.status).toBe('closed');

    const more = await runSteps(awaitingAnswer(new CaseScript(log, 'b'), '2025-03-04T08:00:00Z'));
    expect(await handle.runner.waitForPosition(more.lastGlobalPosition, 5_000)).toBe(true);
    // What position() says has been applied is visible to this thread's queries.
    expect(handle.queries.listCases({}, {}, { by: 'registeredAt' }).items.map((c) => c.caseId)).toEqual([
      'b',
      'a',
    ]);
    expect(handle.runner.lag(await store.headPosition())).toBe(0);
  });

  it('writes exactly the rows the processor writes in this thread', async () => {
    const log = new CaseLog(store);
    const inline = open('inline.sqlite', { worker: false });
    const worker = open('worker.sqlite');
    inline.runner.start();
    worker.runner.start();
    await runSteps(arrangedGrensvlak(new CaseScript(log, 'a'), T0));
    await runSteps(awaitingAnswer(new CaseScript(log, 'b'), T0));
    await caughtUp(inline.runner, store);
    await caughtUp(worker.runner, store);
    expect(dumpReadModels(worker.database)).toEqual(dumpReadModels(inline.database));
  });

  it('sees appends made through another connection within its poll interval', async () => {
    const handle = open('read-models.sqlite', { pollIntervalMs: 50 });
    handle.runner.start();
    const otherProcess = new SqliteEventStore({ filename: store.filename });
    try {
      const registered = await new CaseScript(new CaseLog(otherProcess), 'x').register({}, T0);
      expect(await handle.runner.waitForPosition(registered.lastGlobalPosition, 5_000)).toBe(true);
      expect(handle.queries.getCase('x')?.caseId).toBe('x');
    } finally {
      await otherProcess.close();
    }
  });

  it('stops and starts again from its checkpoint; only the worker writes the file', async () => {
    const log = new CaseLog(store);
    const handle = open('read-models.sqlite');
    handle.runner.start();
    const first = await new CaseScript(log, 'a').register({}, T0);
    expect(await handle.runner.waitForPosition(first.lastGlobalPosition, 5_000)).toBe(true);
    await handle.runner.stop();
    expect(handle.runner.status().state).toBe('stopped');

    const second = await new CaseScript(log, 'b').register({}, T0);
    expect(await handle.runner.waitForPosition(second.lastGlobalPosition, 100)).toBe(false);
    handle.runner.start();
    expect(await handle.runner.waitForPosition(second.lastGlobalPosition, 5_000)).toBe(true);
    expect(handle.runner.status()).toMatchObject({ state: 'running', eventsSinceStart: 1 });
    expect(() => handle.database.connection.exec('DELETE FROM cases')).toThrow(/readonly/);
  });

  it('stops on an unknown event type and logs it through this thread’s logger, skipping nothing', async () => {
    const logger = capturingLogger();
    const handle = open('read-models.sqlite', { logger });
    handle.runner.start();
    const registered = await new CaseScript(new CaseLog(store), 'a').register({}, T0);
    expect(await handle.runner.waitForPosition(registered.lastGlobalPosition, 5_000)).toBe(true);
    const unknown = await store.append(
      'case-a',
      [rawEvent('casus.CaseTeleported.v1', { caseId: 'a', occurredAt: T0 })],
      1,
    );
    await handle.runner.finished();
    expect(handle.runner.status()).toMatchObject({
      state: 'failed',
      checkpoint: registered.lastGlobalPosition,
      failure: { eventType: 'casus.CaseTeleported.v1', globalPosition: unknown.lastGlobalPosition },
    });
    expect(await handle.runner.waitForPosition(unknown.lastGlobalPosition, 1_000)).toBe(false);
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toContain(`position ${unknown.lastGlobalPosition}`);
    expect(line?.fields).toMatchObject({
      projection: CASE_READ_MODELS,
      eventType: 'casus.CaseTeleported.v1',
    });
  });

  it('keeps the inbox in a worker too: the same rows, and new notifications signalled in this thread', async () => {
    const inline = openInbox({ store, filename: join(dir, 'inbox-inline.sqlite'), logger: quietLogger });
    const worker = openInbox({
      store,
      filename: join(dir, 'inbox-worker.sqlite'),
      logger: quietLogger,
      worker: { eventStoreFilename: store.filename, pollIntervalMs: 60_000 },
    });
    const signalled: string[] = [];
    const unsubscribe = worker.changes.subscribe(ORG.cz.organisationId, () => signalled.push('cz'));
    try {
      inline.start();
      worker.start();
      await runSteps(awaitingAnswer(new CaseScript(new CaseLog(store), 'a'), T0, { insurer: ORG.cz }));
      await caughtUp(inline.runner, store);
      await caughtUp(worker.runner, store);
      const rows = (inbox: typeof inline) =>
        inbox.database.connection.prepare('SELECT * FROM inbox_notifications ORDER BY sequence').all();
      expect(rows(worker)).toEqual(rows(inline));
      expect(rows(worker).length).toBeGreaterThan(0);
      expect(signalled.length).toBeGreaterThan(0);
    } finally {
      unsubscribe();
      await inline.close();
      await worker.close();
    }
  });

  it('reports a worker that cannot run as failed, with a log line', async () => {
    const filename = join(dir, 'read-models.sqlite');
    const database = new ReadModelDatabase({ filename });
    const logger = capturingLogger();
    const runner = new WorkerProjectionRunner({
      setup: {
        name: 'broken',
        eventStoreFilename: store.filename,
        readModelFilename: filename,
        factoryModule: require.resolve('../cases/case-projection-worker'),
        factoryExport: 'noSuchFactory',
      },
      database,
      logger,
    });
    try {
      runner.start();
      await runner.finished();
      expect(runner.status()).toMatchObject({ state: 'failed', failure: { message: expect.any(String) } });
      expect(runner.status().failure?.message).toContain('noSuchFactory');
      expect(await runner.waitForPosition(1, 1_000)).toBe(false);
      expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('STOPPED'))).toBe(true);
    } finally {
      await runner.close();
      database.close();
    }
  });
});
