import type { EventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from '../runner/logger';
import { ProjectionRunner } from '../runner/projection-runner';

export interface RebuildProgress {
  readonly events: number;
  /** The checkpoint reached. */
  readonly position: number;
  /** The store's head when the rebuild started. */
  readonly target: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  readonly store: EventStore;
  /** The read-model file (DATA_DIR/read-models.sqlite), or ':memory:' with `database`. */
  readonly readDbPath?: string;
  /** An open read-model database to rebuild instead of opening `readDbPath` (it is left open). */
  readonly database?: ReadModelDatabase;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events per transaction (default 20,000: larger than live batches, nobody waits on a rebuild). */
  readonly batchSize?: number;
  readonly logger?: ProjectionLogger;
}

export interface RebuildResult {
  readonly events: number;
  readonly position: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
}

/**
 * Drops and recreates every read model, then replays the whole log through the same processor code as live
 * processing (so a rebuild and incremental processing give the same rows). The secondary indexes are created after
 * the replay (bulk load, then index). An interrupted rebuild leaves the file marked incomplete; the next open drops
 * it and the processor replays from the start. Rebuild while the app is down (or its processor stopped).
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  if (!options.database && !options.readDbPath) throw new Error('Pass readDbPath or database.');
  const database = options.database ?? new ReadModelDatabase({ filename: options.readDbPath! });
  const started = performance.now();
  try {
    database.reset({ deferIndexes: true });
    database.compact();
    const target = await options.store.headPosition();
    const runner = new ProjectionRunner({
      store: options.store,
      database,
      projection: new CaseProjection(database, { cacheSize: 50_000 }),
      batchSize: options.batchSize ?? 20_000,
      pageSize: 5_000,
      logger: options.logger,
      onBatch: (batch) =>
        options.onProgress?.({
          events: batch.totalEvents,
          position: batch.checkpoint,
          target,
          elapsedMs: performance.now() - started,
        }),
    });
    runner.start();
    // The runner reaches `target` even when the log ends with events of other streams (see position()).
    while (!(await runner.waitForPosition(target, 1_000))) {
      const status = runner.status();
      if (status.state !== 'running') {
        throw new Error(
          `Rebuild stopped at position ${status.checkpoint}: ${status.failure?.message ?? status.state}`,
        );
      }
    }
    await runner.stop();
    const events = runner.status().eventsSinceStart;
    database.createIndexes();
    database.analyze();
    const durationMs = performance.now() - started;
    return {
      events,
      position: runner.checkpoint(),
      durationMs,
      eventsPerSecond: durationMs > 0 ? Math.round((events / durationMs) * 1000) : 0,
    };
  } finally {
    if (!options.database) database.close();
  }
}
