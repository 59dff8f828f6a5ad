import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { EVENT_STORE_PORT, type EventStore, SqliteEventStore } from '@casusregie/event-store';
import {
  type CaseReadModels,
  type CaseReadModelsHandle,
  type ProjectionLogger,
  type ProjectionRunner,
  defaultReadModelPath,
  openCaseReadModels,
} from '@casusregie/projections';
import type { CaseApiOptions } from '../case-api.module';
import type { OrganisationDirectory } from '../cases/organisation-directory';
import { ProblemError, problem } from '../platform/problem-details';

/**
 * The case read models (libs/projections) of this process: `{ database, runner, queries, close() }`. The runner
 * is started on application bootstrap and stopped, with the database closed, on shutdown. A host reads
 * `runner.lag(await store.headPosition())` and `runner.status()` for its readiness check.
 */
export const CASE_READ_MODELS_HANDLE = Symbol('CASE_READ_MODELS_HANDLE');

/** How long a query with `minPosition` waits for the read model by default (read-your-writes). */
export const DEFAULT_READ_MODEL_WAIT_MS = 2_000;
/** The longest wait that may be configured: a query must not hold a connection open for long. */
export const MAX_READ_MODEL_WAIT_MS = 30_000;

/** Read-model settings of the case API (CaseApiOptions.readModels); everything optional. */
export interface ReadModelOptions {
  /** The read-model SQLite file: defaultReadModelPath(dataDir) (DATA_DIR/read-models.sqlite), or ':memory:'. */
  readonly filename?: string;
  /** How long a query with `minPosition` waits before answering 503 read-model-behind (default 2000 ms). */
  readonly waitTimeoutMs?: number;
  /** Where the processor logs (a pino logger fits); default one JSON line per entry on stderr. */
  readonly logger?: ProjectionLogger;
  /** Events per read-model transaction (default 500). */
  readonly batchSize?: number;
  /**
   * 'worker' (default where possible): the processor folds and writes in a worker thread, so keeping the read
   * models costs the request thread nothing; it needs a file-backed SqliteEventStore and a read-model file.
   * 'inline': in the request thread (always so for ':memory:').
   */
  readonly processor?: 'worker' | 'inline';
}

/** How long a query with `minPosition` waits (ms): CaseApiOptions.readModels.waitTimeoutMs, checked. */
export const READ_MODEL_WAIT_MS = Symbol('READ_MODEL_WAIT_MS');

/**
 * The region of each table, from the reference data as the directory publishes it (`listTables()` entries with
 * `id` and `region`). Tables without a region count as 'unknown' in the statistics.
 */
export function regionsOf(directory: OrganisationDirectory): (tableId: string) => string | undefined {
  const regions = new Map<string, string>();
  for (const table of directory.listTables()) {
    const { id, region } = table as { id?: unknown; region?: unknown };
    if (typeof id === 'string' && typeof region === 'string') regions.set(id, region);
  }
  return (tableId) => regions.get(tableId);
}

function waitTimeoutOf(options: ReadModelOptions | undefined): number {
  const ms = options?.waitTimeoutMs ?? DEFAULT_READ_MODEL_WAIT_MS;
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_READ_MODEL_WAIT_MS) {
    throw new RangeError(
      `readModels.waitTimeoutMs must be a whole number of milliseconds from 0 to ${MAX_READ_MODEL_WAIT_MS}.`,
    );
  }
  return ms;
}

/** Starts the processor when the application has bootstrapped; stops it and closes the file on shutdown. */
@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(CASE_READ_MODELS_HANDLE) private readonly handle: CaseReadModelsHandle) {}

  onApplicationBootstrap(): void {
    this.handle.runner.start();
  }

  /** Before the hosts' onApplicationShutdown hooks, which close the event store the runner reads. */
  beforeApplicationShutdown(): Promise<void> {
    return this.handle.close();
  }
}

/** The read model has not reached the position the caller asked for within the wait (→ 503, Retry-After). */
export class ReadModelBehindError extends Error {
  constructor(
    readonly minPosition: number,
    readonly position: number,
    readonly running: boolean,
  ) {
    super(`The read model is at position ${position}, not yet at ${minPosition}.`);
    this.name = 'ReadModelBehindError';
  }

  /** Seconds a client should wait before asking again. */
  get retryAfterSeconds(): number {
    return this.running ? 1 : 5;
  }
}

/** What a query answered, and the global position the read model had applied the log up to when it did. */
export interface AsOf<T> {
  readonly asOfPosition: number;
  readonly result: T;
}

/**
 * The query handlers' way into the read models: waits (bounded) for `minPosition`, then runs the query; the
 * position it reports is one the answer has certainly reached.
 */
@Injectable()
export class ReadModelGate {
  constructor(
    @Inject(CASE_READ_MODELS_HANDLE) private readonly handle: CaseReadModelsHandle,
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(READ_MODEL_WAIT_MS) private readonly waitTimeoutMs: number,
  ) {}

  async read<T>(minPosition: number | undefined, query: (queries: CaseReadModels) => T): Promise<AsOf<T>> {
    await this.reach(minPosition);
    // The answer reflects at least asOfPosition: position() moves only after the processor committed (in this
    // thread, or reported by its worker), and the query reads after it.
    const asOfPosition = this.handle.runner.position();
    return { asOfPosition, result: query(this.handle.queries) };
  }

  private reach(minPosition: number | undefined): Promise<void> {
    return reachPosition(this.handle.runner, this.store, minPosition, this.waitTimeoutMs);
  }
}

/**
 * Resolves when `runner`'s read model has reached `minPosition` (at once without one). A position beyond the log's
 * head cannot come from a command response: 400. Not reached within the wait: ReadModelBehindError. Shared by
 * every read model the API serves (the case read models, the inbox).
 */
export async function reachPosition(
  runner: Pick<ProjectionRunner, 'position' | 'waitForPosition' | 'status'>,
  store: EventStore,
  minPosition: number | undefined,
  waitTimeoutMs: number,
): Promise<void> {
  if (minPosition === undefined) return;
  if (runner.position() >= minPosition) return;
  const head = await store.headPosition();
  if (minPosition > head) {
    throw new ProblemError(
      problem(400, {
        code: 'invalid-request',
        detail: `minPosition ${minPosition} is beyond the last position of the event log (${head}).`,
        errors: [
          { field: 'minPosition', messages: ['minPosition must not exceed the head of the event log'] },
        ],
      }),
    );
  }
  if (await runner.waitForPosition(minPosition, waitTimeoutMs)) return;
  throw new ReadModelBehindError(minPosition, runner.position(), runner.status().state === 'running');
}

/**
 * The `worker` option of openCaseReadModels and openInbox, where a processor can run in a worker thread (a
 * file-backed SqliteEventStore, which the worker opens itself, and a read-model file); otherwise undefined.
 */
export function readModelWorkerOf(
  store: EventStore,
  readModelFile: string,
  processor: 'worker' | 'inline',
): { eventStoreFilename: string } | undefined {
  if (processor !== 'worker' || readModelFile === ':memory:') return undefined;
  if (!(store instanceof SqliteEventStore) || store.filename === ':memory:') return undefined;
  return { eventStoreFilename: store.filename };
}

/** The read-model handle, its lifecycle and the gate, for CaseApiModule's providers. */
export function readModelsProviders(options: CaseApiOptions): Provider[] {
  const settings = options.readModels;
  const waitTimeoutMs = waitTimeoutOf(settings);
  return [
    {
      provide: CASE_READ_MODELS_HANDLE,
      inject: [EVENT_STORE_PORT],
      useFactory: (store: EventStore): CaseReadModelsHandle => {
        const filename = settings?.filename ?? defaultReadModelPath(options.dataDir);
        if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
        return openCaseReadModels({
          store,
          filename,
          logger: settings?.logger,
          batchSize: settings?.batchSize,
          regionOf: regionsOf(options.directory),
          worker: readModelWorkerOf(store, filename, settings?.processor ?? 'worker'),
        });
      },
    },
    { provide: READ_MODEL_WAIT_MS, useValue: waitTimeoutMs },
    ReadModelsLifecycle,
    ReadModelGate,
  ];
}
