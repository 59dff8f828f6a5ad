import type { EventStore } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from './logger';
import type { Projection } from './projection';
import type { RunnerStatus } from './projection-runner';

/** Builds the projection inside the worker, on the worker's connection to the read-model file. */
export type ProjectionFactory = (
  database: ReadModelDatabase,
  context: {
    /** ProjectionWorkerSetup.factoryOptions, as passed (structured clone). */
    readonly options: unknown;
    /** Sends a message to the host thread (WorkerProjectionRunnerOptions.onMessage). */
    readonly post: (message: unknown) => void;
  },
) => Projection;

/** Replays the whole log into an empty read model in bulk, before the processor starts (optional). */
export type ProjectionReplay = (
  store: EventStore,
  database: ReadModelDatabase,
  logger: ProjectionLogger,
) => Promise<void>;

/** What the worker thread is started with (structured-cloneable). */
export interface ProjectionWorkerSetup {
  /** The projection's name (its checkpoint). */
  readonly name: string;
  /** The event-store file; the worker opens its own connection and only reads. */
  readonly eventStoreFilename: string;
  /** The read-model file; the worker's connection is the only one that writes it. */
  readonly readModelFilename: string;
  readonly cacheSizeMiB?: number;
  /** A module path (resolved, e.g. with require.resolve) and the names of its exports. */
  readonly factoryModule: string;
  /** A ProjectionFactory. */
  readonly factoryExport: string;
  /** A ProjectionReplay, used by start({ replayWhenEmpty: true }). */
  readonly replayExport?: string;
  readonly factoryOptions?: unknown;
  readonly streamPrefix?: string;
  readonly batchSize?: number;
  readonly pageSize?: number;
  /** ProjectionRunnerOptions.commitIntervalMs in the worker (default 25). */
  readonly commitIntervalMs?: number;
  /** How often the worker looks for appends nobody told it about (another process); default 200 ms. */
  readonly pollIntervalMs?: number;
  /**
   * The worker thread's nice value (Linux; default 10): when the CPUs are busy, the thread that answers requests
   * goes first and the read models catch up after. 0 keeps the host's priority.
   */
  readonly nice?: number;
}

/** What the worker receives as workerData. */
export interface ProjectionWorkerData {
  readonly setup: ProjectionWorkerSetup;
  /**
   * Shared with the host: the host adds 1 at APPENDS_COUNTER after each commit of appends and notifies; the worker
   * waits on it (Atomics.waitAsync). Cheaper for the host than a message per commit.
   */
  readonly appends: Int32Array;
}

export const APPENDS_COUNTER = 0;

/** Host → worker. `run` numbers each start(), so a late answer to an earlier run is recognised. */
export type ToProjectionWorker =
  | { readonly kind: 'start'; readonly run: number; readonly replayWhenEmpty: boolean }
  | { readonly kind: 'stop'; readonly run: number }
  | { readonly kind: 'close' };

/** Worker → host. */
export type FromProjectionWorker =
  | { readonly kind: 'status'; readonly run: number; readonly status: RunnerStatus }
  /** The answer to stop (null: nothing had been started). */
  | { readonly kind: 'stopped'; readonly run: number; readonly status: RunnerStatus | null }
  | {
      readonly kind: 'log';
      readonly level: 'info' | 'error';
      readonly fields: Record<string, unknown>;
      readonly message: string;
    }
  | { readonly kind: 'message'; readonly message: unknown }
  | { readonly kind: 'closed' };
