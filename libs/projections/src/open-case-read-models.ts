import type { EventStore } from '@casusregie/event-store';
import { CASE_READ_MODELS, CaseProjection } from './cases/case-projection';
import { ReadModelDatabase } from './database/read-model-database';
import { CaseReadModels } from './queries/case-read-models';
import type { StatsOptions } from './queries/stats';
import type { ProjectionLogger } from './runner/logger';
import type { ProjectionProcessor } from './runner/projection-processor';
import { ProjectionRunner } from './runner/projection-runner';
import { WorkerProjectionRunner, appendsOf } from './runner/worker-projection-runner';
import { loadCheckpoint } from './runner/checkpoint-table';
import { rebuildProjections } from './rebuild/rebuild-projections';

export interface OpenCaseReadModelsOptions {
  readonly store: EventStore;
  /** defaultReadModelPath(DATA_DIR), or ':memory:'. */
  readonly filename: string;
  readonly logger?: ProjectionLogger;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  readonly regionOf?: StatsOptions['regionOf'];
  /**
   * Run the processor in a worker thread: folding and writing the read models then leave the thread that answers
   * queries and commands. Needs files: the worker opens `eventStoreFilename` itself (and only reads it) and is the
   * only writer of `filename`; this thread queries on a read-only connection. When `store` has `onAppended` (a
   * SqliteEventStore), each commit wakes the worker at once; appends by other processes reach it within
   * `pollIntervalMs` (default 200).
   */
  readonly worker?: { readonly eventStoreFilename: string; readonly pollIntervalMs?: number };
}

export interface CaseReadModelsHandle {
  /** The read-model database of this thread (read only when the processor runs in a worker). */
  readonly database: ReadModelDatabase;
  /**
   * The processor: start() it, check lag(head) for readiness, waitForPosition() for read-your-writes. A
   * ProjectionRunner, or a WorkerProjectionRunner with the same methods when it runs in a worker thread.
   */
  readonly runner: ProjectionProcessor;
  readonly queries: CaseReadModels;
  /**
   * Starts the processor. When the read models are empty (a new file, or one dropped for a new schema version)
   * and the log is not, it first replays the log in bulk (rebuildProjections in place: about twice as fast as
   * catching up batch by batch); the promise resolves when the processor runs. Until then the runner's state is
   * 'idle' and waitForPosition() answers false.
   */
  start(): Promise<void>;
  /** Stops the processor (and its worker) and closes the read-model database. */
  close(): Promise<void>;
}

/** Everything the embedded default needs for the case read models, wired together (not yet started). */
export function openCaseReadModels(options: OpenCaseReadModelsOptions): CaseReadModelsHandle {
  // Opened (and its schema created or replaced) before any worker opens the file.
  const database = new ReadModelDatabase({ filename: options.filename });
  const queries = new CaseReadModels(database, { regionOf: options.regionOf });
  if (options.worker && options.filename !== ':memory:') {
    return inWorker(options, options.worker, database, queries);
  }
  const runner = new ProjectionRunner({
    store: options.store,
    database,
    projection: new CaseProjection(database),
    batchSize: options.batchSize,
    logger: options.logger,
  });
  return {
    database,
    runner,
    queries,
    async start() {
      if (loadCheckpoint(database, CASE_READ_MODELS) === 0 && (await options.store.headPosition()) > 0) {
        await rebuildProjections({ store: options.store, database, logger: options.logger });
      }
      runner.start();
    },
    async close() {
      await runner.stop();
      database.close();
    },
  };
}

function inWorker(
  options: OpenCaseReadModelsOptions,
  worker: NonNullable<OpenCaseReadModelsOptions['worker']>,
  database: ReadModelDatabase,
  queries: CaseReadModels,
): CaseReadModelsHandle {
  const runner = new WorkerProjectionRunner({
    setup: {
      name: CASE_READ_MODELS,
      eventStoreFilename: worker.eventStoreFilename,
      readModelFilename: options.filename,
      factoryModule: require.resolve('./cases/case-projection-worker'),
      factoryExport: 'createCaseProjection',
      replayExport: 'replayCaseReadModels',
      batchSize: options.batchSize,
      pollIntervalMs: worker.pollIntervalMs,
    },
    database,
    appends: appendsOf(options.store),
    logger: options.logger,
  });
  // Only the worker writes the file.
  database.connection.pragma('query_only = ON');
  return {
    database,
    runner,
    queries,
    start: () => runner.startWithReplay(),
    async close() {
      await runner.close();
      database.close();
    },
  };
}
