import { join } from 'node:path';
import type { EventStore } from '@casusregie/event-store';
import { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from '../runner/logger';
import type { ProjectionProcessor } from '../runner/projection-processor';
import { ProjectionRunner } from '../runner/projection-runner';
import { WorkerProjectionRunner, appendsOf } from '../runner/worker-projection-runner';
import { InboxChanges } from './inbox-changes';
import { InboxProjection } from './inbox-projection';
import { InboxQueries } from './inbox-queries';
import { INBOX_PROJECTION, ensureInboxSchema } from './inbox-schema';

/** The inbox file of the embedded default: next to the event store, in DATA_DIR. */
export function defaultInboxPath(dataDir: string): string {
  return join(dataDir, 'inbox.sqlite');
}

export interface OpenInboxOptions {
  readonly store: EventStore;
  /** defaultInboxPath(DATA_DIR), or ':memory:'. */
  readonly filename: string;
  readonly logger?: ProjectionLogger;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** Case states kept in memory (default 10,000). */
  readonly cacheSize?: number;
  /**
   * Run the processor in a worker thread (files only), as openCaseReadModels' `worker`: the worker opens
   * `eventStoreFilename` itself and is the only writer of `filename`; `changes` still signals in this thread.
   */
  readonly worker?: { readonly eventStoreFilename: string; readonly pollIntervalMs?: number };
}

export interface InboxHandle {
  readonly database: ReadModelDatabase;
  /**
   * The processor (checkpoint `inbox`): lag(head) for readiness, waitForPosition() for read-your-writes. A
   * ProjectionRunner, or a WorkerProjectionRunner when it runs in a worker thread.
   */
  readonly runner: ProjectionProcessor;
  readonly queries: InboxQueries;
  /** Signals new notifications per organisation after each commit (live streams). */
  readonly changes: InboxChanges;
  /** Starts the processor from its checkpoint. */
  start(): void;
  /** Stops the processor and closes the inbox database. */
  close(): Promise<void>;
}

/**
 * The liaison inbox, wired together (not yet started): its own SQLite file, its own runner and checkpoint, so it
 * never waits for, or holds back, the case read models.
 */
export function openInbox(options: OpenInboxOptions): InboxHandle {
  const database = new ReadModelDatabase({ filename: options.filename, cacheSizeMiB: 16 });
  ensureInboxSchema(database);
  const changes = new InboxChanges();
  const runner =
    options.worker && options.filename !== ':memory:'
      ? inboxWorker(options, options.worker, database, changes)
      : new ProjectionRunner({
          store: options.store,
          database,
          projection: new InboxProjection(database, {
            cacheSize: options.cacheSize,
            onNewNotifications: (organisations) => changes.publish(organisations),
          }),
          batchSize: options.batchSize,
          logger: options.logger,
        });
  return {
    database,
    runner,
    queries: new InboxQueries(database),
    changes,
    start: () => runner.start(),
    async close() {
      await (runner instanceof WorkerProjectionRunner ? runner.close() : runner.stop());
      database.close();
    },
  };
}

/** The inbox processor in a worker thread; this thread's connection becomes read only. */
function inboxWorker(
  options: OpenInboxOptions,
  worker: NonNullable<OpenInboxOptions['worker']>,
  database: ReadModelDatabase,
  changes: InboxChanges,
): WorkerProjectionRunner {
  database.connection.pragma('query_only = ON');
  return new WorkerProjectionRunner({
    setup: {
      name: INBOX_PROJECTION,
      eventStoreFilename: worker.eventStoreFilename,
      readModelFilename: options.filename,
      cacheSizeMiB: 16,
      factoryModule: require.resolve('./inbox-projection-worker'),
      factoryExport: 'createInboxProjection',
      factoryOptions: { cacheSize: options.cacheSize },
      batchSize: options.batchSize,
      pollIntervalMs: worker.pollIntervalMs,
    },
    database,
    appends: appendsOf(options.store),
    logger: options.logger,
    onMessage: (organisationIds) => changes.publish(organisationIds as string[]),
  });
}
