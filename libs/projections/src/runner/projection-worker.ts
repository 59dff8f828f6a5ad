/**
 * The worker-thread side of WorkerProjectionRunner: opens its own connections to the event store (read) and the
 * read-model file (the only writer), builds the projection with the factory named in the setup, and runs a
 * ProjectionRunner, reporting its status to the host after every move. Loaded by the bootstrap that
 * WorkerProjectionRunner evaluates in the worker; not imported by anything else.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@casusregie/event-store';
import { ReadModelDatabase } from '../database/read-model-database';
import { loadCheckpoint } from './checkpoint-table';
import type { ProjectionLogger } from './logger';
import { ProjectionRunner } from './projection-runner';
import {
  APPENDS_COUNTER,
  type FromProjectionWorker,
  type ProjectionFactory,
  type ProjectionReplay,
  type ProjectionWorkerData,
  type ToProjectionWorker,
} from './worker-protocol';

/** Atomics.waitAsync (ES2024; the project's lib is ES2023). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** Wakes the store's waiting subscription each time the host counts a commit, until `closed()`. */
async function relayAppends(
  appends: Int32Array,
  store: SqliteEventStore,
  closed: () => boolean,
): Promise<void> {
  let seen = Atomics.load(appends, APPENDS_COUNTER);
  while (!closed()) {
    const wait = waitAsync(appends, APPENDS_COUNTER, seen);
    if (wait.async) await wait.value;
    if (closed()) return;
    seen = Atomics.load(appends, APPENDS_COUNTER);
    store.notifyAppended();
  }
}

/**
 * Default commitIntervalMs of a worker's runner: under load a live batch gathers ~25 ms of events (replaying the
 * bench's command load: 0.32 ms CPU per event in batches of 5, 0.22 in batches of 50).
 */
const WORKER_COMMIT_INTERVAL_MS = 25;

/** Default nice value of a projection worker thread. */
const WORKER_NICE = 10;

/** Lowers this thread's scheduling priority (Linux: a thread's id works as a pid for setpriority). */
function lowerPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(threadId)) setPriority(threadId, Math.min(19, nice));
  } catch {
    // Not Linux, or not permitted: the worker keeps the host's priority.
  }
}

function serve(port: NonNullable<typeof parentPort>, { setup, appends }: ProjectionWorkerData): void {
  lowerPriority(setup.nice ?? WORKER_NICE);
  const post = (message: FromProjectionWorker) => port.postMessage(message);
  const logger: ProjectionLogger = {
    info: (fields, message) => post({ kind: 'log', level: 'info', fields, message }),
    error: (fields, message) => post({ kind: 'log', level: 'error', fields, message }),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named at run time
  const exported = require(setup.factoryModule) as Record<string, unknown>;
  const factory = exported[setup.factoryExport] as ProjectionFactory;
  const replay = setup.replayExport ? (exported[setup.replayExport] as ProjectionReplay) : null;
  if (typeof factory !== 'function') {
    throw new Error(`${setup.factoryModule} has no function ${setup.factoryExport}`);
  }

  const store = new SqliteEventStore({
    filename: setup.eventStoreFilename,
    pollIntervalMs: setup.pollIntervalMs,
    // This connection only reads: the host's store checkpoints the log.
    backgroundCheckpointMs: 0,
  });
  const database = new ReadModelDatabase({
    filename: setup.readModelFilename,
    cacheSizeMiB: setup.cacheSizeMiB,
  });
  let runner: ProjectionRunner | null = null;
  let run = 0;
  let closing = false;
  void relayAppends(appends, store, () => closing);
  const report = () => {
    if (runner) post({ kind: 'status', run, status: runner.status() });
  };
  const createRunner = () =>
    new ProjectionRunner({
      store,
      database,
      projection: factory(database, {
        options: setup.factoryOptions,
        post: (message) => post({ kind: 'message', message }),
      }),
      streamPrefix: setup.streamPrefix,
      batchSize: setup.batchSize,
      pageSize: setup.pageSize,
      logger,
      onPosition: report,
      commitIntervalMs: setup.commitIntervalMs ?? WORKER_COMMIT_INTERVAL_MS,
    });

  const handle = async (message: ToProjectionWorker): Promise<void> => {
    switch (message.kind) {
      case 'start': {
        run = message.run;
        if (runner === null) {
          // The projection is built after a bulk replay: a replay resets the tables under it.
          if (
            message.replayWhenEmpty &&
            replay &&
            loadCheckpoint(database, setup.name) === 0 &&
            (await store.headPosition()) > 0
          ) {
            await replay(store, database, logger);
          }
          runner = createRunner();
        }
        const started = runner;
        started.start();
        report();
        void started.finished().then(report);
        return;
      }
      case 'stop':
        await runner?.stop();
        post({ kind: 'stopped', run: message.run, status: runner?.status() ?? null });
        return;
      case 'close':
        closing = true;
        Atomics.notify(appends, APPENDS_COUNTER); // ends relayAppends
        await runner?.stop();
        await store.close();
        database.close();
        post({ kind: 'closed' });
        port.close();
        return;
    }
  };
  // One message at a time, in order: a stop waits for the start before it.
  let queue = Promise.resolve();
  port.on('message', (message: ToProjectionWorker) => {
    queue = queue
      .then(() => handle(message))
      .catch((error: unknown) => {
        // Reported as the worker's failure: the host marks the processor failed and logs it.
        setImmediate(() => {
          throw error;
        });
      });
  });
}

if (parentPort) serve(parentPort, workerData as ProjectionWorkerData);
