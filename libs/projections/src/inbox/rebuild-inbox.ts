import type { EventStore } from '@casusregie/event-store';
import { ReadModelDatabase } from '../database/read-model-database';
import type { RebuildProgress, RebuildResult } from '../rebuild/rebuild-projections';
import type { ProjectionLogger } from '../runner/logger';
import { type BatchProgress, ProjectionRunner } from '../runner/projection-runner';
import { InboxProjection } from './inbox-projection';
import { resetInbox } from './inbox-schema';

export interface RebuildInboxOptions {
  readonly store: EventStore;
  /** The inbox file (DATA_DIR/inbox.sqlite), opened and closed here. */
  readonly filename?: string;
  /** Or an open inbox database (':memory:' in tests); it is left open. */
  readonly database?: ReadModelDatabase;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events per transaction (default 10,000). */
  readonly batchSize?: number;
  readonly logger?: ProjectionLogger;
}

/**
 * Drops the inbox and replays the whole log through the same projection as live processing, in place. Every batch
 * commits with its checkpoint as usual, so an interrupted rebuild leaves a consistent inbox that the app continues
 * from. The notification ids are deterministic and the sequences follow the log, so the rows come out the same.
 * Acknowledgements are events, so they come back too. Run it while the app is down.
 */
export async function rebuildInbox(options: RebuildInboxOptions): Promise<RebuildResult> {
  if (!options.database && !options.filename) throw new Error('Pass filename, or an open database.');
  const database = options.database ?? new ReadModelDatabase({ filename: options.filename as string });
  const started = performance.now();
  try {
    resetInbox(database);
    const target = await options.store.headPosition();
    const runner = new ProjectionRunner({
      store: options.store,
      database,
      projection: new InboxProjection(database),
      batchSize: options.batchSize ?? 10_000,
      logger: options.logger,
      onBatch: progressTo(options.onProgress, target, started),
    });
    runner.start();
    let reached = false;
    while (!reached && runner.status().state === 'running') {
      reached = await runner.waitForPosition(target, 1_000);
    }
    await runner.stop();
    const status = runner.status();
    if (!reached) {
      throw new Error(
        `Inbox rebuild stopped at ${status.checkpoint}: ${status.failure?.message ?? status.state}`,
      );
    }
    const durationMs = performance.now() - started;
    return {
      events: status.eventsSinceStart,
      position: status.checkpoint,
      durationMs,
      eventsPerSecond: durationMs > 0 ? Math.round((status.eventsSinceStart / durationMs) * 1000) : 0,
    };
  } finally {
    if (!options.database) database.close();
  }
}

function progressTo(
  onProgress: RebuildInboxOptions['onProgress'],
  target: number,
  started: number,
): (batch: BatchProgress) => void {
  return ({ totalEvents, checkpoint }) =>
    onProgress?.({
      events: totalEvents,
      position: checkpoint,
      target,
      elapsedMs: performance.now() - started,
    });
}
