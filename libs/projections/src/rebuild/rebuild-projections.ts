import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { type EventStore, SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from '../runner/logger';
import { ProjectionRunner } from '../runner/projection-runner';
import { replayInParallel } from './parallel-rebuild';

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
  /** The read-model file to replace (DATA_DIR/read-models.sqlite). */
  readonly readDbPath?: string;
  /** Or an open read-model database to rebuild in place (':memory:' in tests); it is left open. */
  readonly database?: ReadModelDatabase;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events per transaction (default 50,000: nobody waits on a rebuild, and larger batches write each case less often). */
  readonly batchSize?: number;
  /**
   * Case documents kept in memory between batches of a replay in this thread (default 20,000). Worker threads of a
   * parallel rebuild read stream by stream and keep only a few.
   */
  readonly cacheSize?: number;
  readonly logger?: ProjectionLogger;
  /**
   * Worker threads folding the case streams at once (default: the CPUs, at most 4; 1 = in this thread). Only with
   * `readDbPath` and a SqliteEventStore on a file (each worker opens the log itself); otherwise one thread.
   */
  readonly parallelism?: number;
}

export interface RebuildResult {
  readonly events: number;
  readonly position: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  /** Where the time went, in ms, in the order of the phases (setup, fold, merge, indexes, analyze, finish). */
  readonly phases?: Readonly<Record<string, number>>;
}

/**
 * Drops the read models and replays the whole log through the same processor code as live processing (so a
 * rebuild and incremental processing give the same rows). The secondary indexes are created after the replay
 * (bulk load, then index).
 *
 * With `readDbPath` the new read models are built in a fresh file next to it (`<path>.rebuild`, without journal:
 * it is thrown away if anything fails) and then renamed over the old file, so the old read models stay intact
 * until the new ones are complete. Run it while the app is down. With `database` the rebuild happens in place.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const clock = new PhaseClock();
  if (options.database) {
    options.database.reset({ deferIndexes: true });
    options.database.compact();
    return replay(options, options.database, clock);
  }
  if (!options.readDbPath || options.readDbPath === ':memory:') {
    throw new Error('Pass readDbPath (a file), or an open database to rebuild in place.');
  }
  const target = options.readDbPath;
  const temporary = `${target}.rebuild`;
  removeDatabaseFiles(temporary);
  const database = new ReadModelDatabase({ filename: temporary, bulkLoad: true, cacheSizeMiB: 512 });
  let result: RebuildResult;
  try {
    database.reset({ deferIndexes: true });
    const eventsFile = fileOf(options.store);
    const parallelism = Math.min(4, Math.max(1, Math.floor(options.parallelism ?? availableParallelism())));
    result =
      eventsFile && parallelism > 1
        ? await replayInWorkers(options, database, clock, eventsFile, parallelism, temporary)
        : await replay(options, database, clock);
    database.endBulkLoad();
    database.close();
  } catch (error) {
    database.close();
    removeDatabaseFiles(temporary);
    throw error;
  }
  syncFile(temporary);
  // The old file's journal files belong to the old file: remove them before the new file takes its name.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(temporary, target);
  try {
    syncFile(dirname(target)); // make the rename durable (Linux); not every platform can fsync a directory
  } catch {
    // the rename stands; only its durability across a power loss is not guaranteed there
  }
  clock.lap('finish');
  return clock.result(result.events, result.position);
}

/** Measures the rebuild and each of its phases. */
class PhaseClock {
  readonly started = performance.now();
  private last = this.started;
  private readonly phases: Record<string, number> = {};

  lap(phase: string, ms = performance.now() - this.last): void {
    this.phases[phase] = Math.round((this.phases[phase] ?? 0) + ms);
    this.last += ms;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  result(events: number, position: number): RebuildResult {
    const durationMs = this.elapsedMs();
    return {
      events,
      position,
      durationMs,
      eventsPerSecond: durationMs > 0 ? Math.round((events / durationMs) * 1000) : 0,
      phases: { ...this.phases },
    };
  }
}

async function replay(
  options: RebuildOptions,
  database: ReadModelDatabase,
  clock: PhaseClock,
): Promise<RebuildResult> {
  const target = await options.store.headPosition();
  clock.lap('setup');
  // Bulk mode: a case is written when it leaves the cache and at the end, not at every batch. Nobody reads the
  // file before the rebuild is complete, and a rebuild that fails is thrown away.
  const projection = new CaseProjection(database, { cacheSize: options.cacheSize ?? 20_000, mode: 'bulk' });
  const runner = new ProjectionRunner({
    store: options.store,
    database,
    projection,
    batchSize: options.batchSize ?? 50_000,
    pageSize: 5_000,
    logger: options.logger,
    onBatch: (batch) =>
      options.onProgress?.({
        events: batch.totalEvents,
        position: batch.checkpoint,
        target,
        elapsedMs: clock.elapsedMs(),
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
  database.transaction(() => projection.finish());
  clock.lap('fold');
  return indexAndMeasure(database, runner.status().eventsSinceStart, runner.checkpoint(), clock);
}

/** The replay in worker threads (parallel-rebuild.ts), then indexes and statistics as after a serial replay. */
async function replayInWorkers(
  options: RebuildOptions,
  database: ReadModelDatabase,
  clock: PhaseClock,
  eventsFile: string,
  partitions: number,
  temporary: string,
): Promise<RebuildResult> {
  const target = await options.store.headPosition();
  clock.lap('setup');
  const { events, position, foldMs, mergeMs } = await replayInParallel({
    eventsFile,
    database,
    partitionPrefix: temporary,
    partitions,
    toPosition: target,
    batchSize: options.batchSize ?? 50_000,
    onProgress: (done, reached) =>
      options.onProgress?.({
        events: done,
        position: reached,
        target,
        elapsedMs: clock.elapsedMs(),
      }),
  });
  clock.lap('fold', foldMs);
  clock.lap('merge', mergeMs);
  return indexAndMeasure(database, events, position, clock);
}

function indexAndMeasure(
  database: ReadModelDatabase,
  events: number,
  position: number,
  clock: PhaseClock,
): RebuildResult {
  database.createIndexes();
  clock.lap('indexes');
  database.analyze();
  clock.lap('analyze');
  return clock.result(events, position);
}

/** The file of a SqliteEventStore on a file, which worker threads can open themselves; otherwise null. */
function fileOf(store: EventStore): string | null {
  return store instanceof SqliteEventStore && store.filename !== ':memory:' ? store.filename : null;
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
