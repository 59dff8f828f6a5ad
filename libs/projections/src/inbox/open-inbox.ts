import { join } from 'node:path';
import type { EventStore } from '@casusregie/event-store';
import { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from '../runner/logger';
import { ProjectionRunner } from '../runner/projection-runner';
import { InboxChanges } from './inbox-changes';
import { InboxProjection } from './inbox-projection';
import { InboxQueries } from './inbox-queries';
import { ensureInboxSchema } from './inbox-schema';

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
}

export interface InboxHandle {
  readonly database: ReadModelDatabase;
  /** The processor (checkpoint `inbox`): lag(head) for readiness, waitForPosition() for read-your-writes. */
  readonly runner: ProjectionRunner;
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
  const runner = new ProjectionRunner({
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
      await runner.stop();
      database.close();
    },
  };
}
