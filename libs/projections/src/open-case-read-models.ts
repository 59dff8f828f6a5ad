import type { EventStore } from '@casusregie/event-store';
import { CASE_READ_MODELS, CaseProjection } from './cases/case-projection';
import { ReadModelDatabase } from './database/read-model-database';
import { CaseReadModels } from './queries/case-read-models';
import type { StatsOptions } from './queries/stats';
import type { ProjectionLogger } from './runner/logger';
import { ProjectionRunner } from './runner/projection-runner';
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
}

export interface CaseReadModelsHandle {
  readonly database: ReadModelDatabase;
  /** The processor: start() it, check lag(head) for readiness, waitForPosition() for read-your-writes. */
  readonly runner: ProjectionRunner;
  readonly queries: CaseReadModels;
  /**
   * Starts the processor. When the read models are empty (a new file, or one dropped for a new schema version)
   * and the log is not, it first replays the log in bulk (rebuildProjections in place: about twice as fast as
   * catching up batch by batch); the promise resolves when the processor runs. Until then the runner's state is
   * 'idle' and waitForPosition() answers false.
   */
  start(): Promise<void>;
  /** Stops the processor and closes the read-model database. */
  close(): Promise<void>;
}

/** Everything the embedded default needs for the case read models, wired together (not yet started). */
export function openCaseReadModels(options: OpenCaseReadModelsOptions): CaseReadModelsHandle {
  const database = new ReadModelDatabase({ filename: options.filename });
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
    queries: new CaseReadModels(database, { regionOf: options.regionOf }),
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
