import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import {
  type InboxHandle,
  type InboxQueries,
  type ProjectionLogger,
  defaultInboxPath,
  openInbox,
} from '@casusregie/projections';
import type { CaseApiOptions } from '../case-api.module';
import {
  type AsOf,
  READ_MODEL_WAIT_MS,
  reachPosition,
  readModelWorkerOf,
} from '../queries/read-models.provider';

/**
 * The liaison inbox of this process (libs/projections `InboxHandle`: `{ database, runner, queries, changes,
 * close() }`), in its own file with its own runner and checkpoint (`inbox`). Started on application bootstrap,
 * stopped (and its file closed) on shutdown. A host reads `runner.lag(await store.headPosition())` and
 * `runner.status()` for its readiness check, as for CASE_READ_MODELS_HANDLE.
 */
export const INBOX_HANDLE = Symbol('INBOX_HANDLE');

/** Inbox settings of the case API (CaseApiOptions.inbox); everything optional. */
export interface InboxOptions {
  /** The inbox SQLite file: defaultInboxPath(dataDir) (DATA_DIR/inbox.sqlite), or ':memory:'. */
  readonly filename?: string;
  /** Where the inbox processor logs; default the read models' logger (CaseApiOptions.readModels.logger). */
  readonly logger?: ProjectionLogger;
  /** Events per inbox transaction (default 500). */
  readonly batchSize?: number;
  /** Milliseconds between heartbeat comments on `GET /inbox/stream` (default 15,000). */
  readonly heartbeatMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 15_000;
export const INBOX_HEARTBEAT_MS = Symbol('INBOX_HEARTBEAT_MS');

/** Starts the inbox processor when the application has bootstrapped; stops it and closes the file on shutdown. */
@Injectable()
export class InboxLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(INBOX_HANDLE) private readonly handle: InboxHandle) {}

  onApplicationBootstrap(): void {
    this.handle.start();
  }

  /** Before the hosts' onApplicationShutdown hooks, which close the event store the runner reads. */
  beforeApplicationShutdown(): Promise<void> {
    return this.handle.close();
  }
}

/** The inbox queries behind a bounded wait for `minPosition` (read-your-writes), as ReadModelGate for cases. */
@Injectable()
export class InboxGate {
  constructor(
    @Inject(INBOX_HANDLE) readonly handle: InboxHandle,
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(READ_MODEL_WAIT_MS) private readonly waitTimeoutMs: number,
  ) {}

  async read<T>(minPosition: number | undefined, query: (queries: InboxQueries) => T): Promise<AsOf<T>> {
    await reachPosition(this.handle.runner, this.store, minPosition, this.waitTimeoutMs);
    // The answer reflects at least asOfPosition (see ReadModelGate).
    const asOfPosition = this.handle.runner.position();
    return { asOfPosition, result: query(this.handle.queries) };
  }
}

function heartbeatOf(options: InboxOptions | undefined): number {
  const ms = options?.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  if (!Number.isSafeInteger(ms) || ms < 10 || ms > 300_000) {
    throw new RangeError('inbox.heartbeatMs must be a whole number of milliseconds from 10 to 300000.');
  }
  return ms;
}

/** The inbox file: CaseApiOptions.inbox.filename or DATA_DIR/inbox.sqlite (its directory created). */
function inboxFileOf(options: CaseApiOptions): string {
  const filename = options.inbox?.filename ?? defaultInboxPath(options.dataDir);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return filename;
}

/** The inbox handle, its lifecycle and gate, and the heartbeat interval, for CaseApiModule's providers. */
export function inboxHandleProviders(options: CaseApiOptions): Provider[] {
  const open = (store: EventStore): InboxHandle => {
    const filename = inboxFileOf(options);
    return openInbox({
      store,
      filename,
      logger: options.inbox?.logger ?? options.readModels?.logger,
      batchSize: options.inbox?.batchSize,
      worker: readModelWorkerOf(store, filename, options.readModels?.processor ?? 'worker'),
    });
  };
  return [
    { provide: INBOX_HANDLE, inject: [EVENT_STORE_PORT], useFactory: open },
    { provide: INBOX_HEARTBEAT_MS, useValue: heartbeatOf(options.inbox) },
    InboxLifecycle,
    InboxGate,
  ];
}
