import type { EventStore } from '@casusregie/event-store';
import { CaseProjection } from './cases/case-projection';
import { ReadModelDatabase } from './database/read-model-database';
import { CaseReadModels } from './queries/case-read-models';
import type { StatsOptions } from './queries/stats';
import type { ProjectionLogger } from './runner/logger';
import { ProjectionRunner } from './runner/projection-runner';

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
    async close() {
      await runner.stop();
      database.close();
    },
  };
}
