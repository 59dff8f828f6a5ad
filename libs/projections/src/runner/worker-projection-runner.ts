import { Worker } from 'node:worker_threads';
import { workerSourceFor } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { loadCheckpoint } from './checkpoint-table';
import { type ProjectionLogger, stderrProjectionLogger } from './logger';
import type { ProjectionProcessor } from './projection-processor';
import type { RunnerStatus } from './projection-runner';
import { PositionWaiters } from './position-waiters';
import {
  APPENDS_COUNTER,
  type FromProjectionWorker,
  type ProjectionWorkerData,
  type ProjectionWorkerSetup,
  type ToProjectionWorker,
} from './worker-protocol';

export interface WorkerProjectionRunnerOptions {
  /** What the worker opens and runs (see ProjectionWorkerSetup). */
  readonly setup: ProjectionWorkerSetup;
  /** This thread's connection to the read-model file (read only): the checkpoint before the worker reports. */
  readonly database: ReadModelDatabase;
  /**
   * The store this thread appends through (a SqliteEventStore): each commit wakes the worker at once. Appends made
   * elsewhere reach it within its poll interval.
   */
  readonly appends?: { onAppended(listener: () => void): () => void };
  /** Where the worker's log lines go (default: stderr). */
  readonly logger?: ProjectionLogger;
  /** Messages the projection posts from the worker (its factory's `post`). */
  readonly onMessage?: (message: unknown) => void;
}

/** The store's commit notifications (a SqliteEventStore has them), for WorkerProjectionRunnerOptions.appends. */
export function appendsOf(store: object): WorkerProjectionRunnerOptions['appends'] {
  const candidate = store as Partial<{ onAppended(listener: () => void): () => void }>;
  return typeof candidate.onAppended === 'function'
    ? { onAppended: (listener) => candidate.onAppended!(listener) }
    : undefined;
}

/** Seconds a closing worker gets to commit its batch and close its files before it is terminated. */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * A ProjectionRunner in a worker thread: the folding and the read-model writes (the expensive part of keeping
 * read models) leave the thread that answers requests. This side mirrors the worker's status, which the worker
 * reports after every move (commit, position, stop, failure), so position(), status() and waitForPosition() answer
 * at once, as a ProjectionRunner does.
 *
 * position() only moves when the worker reports a commit, which it does after the commit: a query on this thread's
 * connection that follows position() sees at least that much (possibly more). The worker's connection is the only
 * one that writes the read-model file.
 */
export class WorkerProjectionRunner implements ProjectionProcessor {
  readonly name: string;
  private readonly waiters = new PositionWaiters();
  private readonly logger: ProjectionLogger;
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private current: RunnerStatus;
  private run = 0;
  private closing = false;
  /** A start() was sent whose run has not ended yet. */
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private finishedRun: Promise<void> = Promise.resolve();
  private markFinished: () => void = () => undefined;
  private readonly stopping = new Map<number, () => void>();
  private runningListeners: ((running: boolean) => void)[] = [];

  constructor(private readonly options: WorkerProjectionRunnerOptions) {
    this.name = options.setup.name;
    this.logger = options.logger ?? stderrProjectionLogger;
    const checkpoint = loadCheckpoint(options.database, this.name);
    this.current = {
      name: this.name,
      state: 'idle',
      position: checkpoint,
      checkpoint,
      eventsSinceStart: 0,
      failure: null,
    };
  }

  /** Starts the worker's processor from its checkpoint (state 'running' at once, as a ProjectionRunner). */
  start(): void {
    this.begin(false, 'running');
  }

  /**
   * Starts, first replaying the whole log in bulk in the worker when the read model is empty (the setup's
   * replayExport). Resolves when the processor runs; until then the state is 'idle'.
   */
  startWithReplay(): Promise<void> {
    if (this.current.state === 'running') return Promise.resolve();
    const running = new Promise<boolean>((resolve) => this.runningListeners.push(resolve));
    this.begin(true, 'idle');
    // Referenced until it runs (a replay can take minutes): the caller waits for it.
    this.worker?.ref();
    return running.then((ok) => {
      this.worker?.unref();
      if (!ok) throw new Error(`Projection ${this.name} did not start: ${this.current.failure?.message}`);
    });
  }

  async stop(): Promise<void> {
    if (!this.worker || !this.active) return;
    const run = this.run;
    const answered = new Promise<void>((resolve) => this.stopping.set(run, resolve));
    // Referenced while waiting: a process with nothing else to do must still wait for the answer.
    const worker = this.worker;
    worker.ref();
    this.post({ kind: 'stop', run });
    await answered;
    worker.unref();
  }

  /** Stops the processor and ends the worker (closing its connections). */
  async close(): Promise<void> {
    if (!this.worker) return;
    this.closing = true;
    await this.stop();
    const worker = this.worker;
    worker.ref();
    this.post({ kind: 'close' });
    const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  finished(): Promise<void> {
    return this.finishedRun;
  }

  position(): number {
    return this.current.position;
  }

  checkpoint(): number {
    return this.current.checkpoint;
  }

  lag(head: number): number {
    return Math.max(0, head - this.current.position);
  }

  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (!Number.isSafeInteger(position) || position < 0) {
      return Promise.reject(new RangeError('position must be a whole number, 0 or more'));
    }
    if (this.current.position >= position) return Promise.resolve(true);
    if (this.current.state !== 'running') return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): RunnerStatus {
    return this.current;
  }

  private begin(replayWhenEmpty: boolean, state: 'running' | 'idle'): void {
    if (this.current.state === 'running') return;
    this.ensureWorker();
    this.run++;
    this.active = true;
    this.finishedRun = new Promise<void>((resolve) => (this.markFinished = resolve));
    this.current = { ...this.current, state, failure: null, eventsSinceStart: 0 };
    this.post({ kind: 'start', run: this.run, replayWhenEmpty });
  }

  private ensureWorker(): void {
    if (this.worker) return;
    const appends = new Int32Array(new SharedArrayBuffer(4));
    const workerData: ProjectionWorkerData = { setup: this.options.setup, appends };
    const worker = new Worker(workerSourceFor(require.resolve('./projection-worker')), {
      eval: true,
      workerData,
    });
    // The host's own handles (its server, its store) keep the process alive, not the worker: a process that ends
    // without close() loses at most the batch in progress, which is rolled back and replayed (rows and checkpoint
    // commit together).
    worker.unref();
    this.worker = worker;
    let failure: Error | null = null;
    worker.on('message', (message: FromProjectionWorker) => this.receive(message));
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        this.worker = null;
        this.unsubscribe?.();
        this.unsubscribe = null;
        if (!this.closing || failure) this.workerEnded(failure, code);
        this.closing = false;
        resolve();
      }),
    );
    this.unsubscribe =
      this.options.appends?.onAppended(() => {
        Atomics.add(appends, APPENDS_COUNTER, 1);
        Atomics.notify(appends, APPENDS_COUNTER);
      }) ?? null;
  }

  private receive(message: FromProjectionWorker): void {
    switch (message.kind) {
      case 'status':
        if (message.run === this.run) this.update(message.status);
        return;
      case 'stopped':
        if (message.run === this.run && message.status) this.update(message.status);
        this.stopping.get(message.run)?.();
        this.stopping.delete(message.run);
        return;
      case 'log':
        this.logger[message.level](message.fields, message.message);
        return;
      case 'message':
        this.options.onMessage?.(message.message);
        return;
      case 'closed':
        return;
    }
  }

  private update(status: RunnerStatus): void {
    const before = this.current;
    this.current = status;
    if (status.position > before.position) this.waiters.reached(status.position);
    if (status.state === 'running' && before.state !== 'running') this.notifyRunning(true);
    if (status.state === 'stopped' || status.state === 'failed') {
      this.active = false;
      this.waiters.rejectAll();
      this.notifyRunning(false);
      this.markFinished();
    }
  }

  private notifyRunning(running: boolean): void {
    const listeners = this.runningListeners;
    this.runningListeners = [];
    for (const listener of listeners) listener(running);
  }

  /** The worker died (an error nobody caught, or it was terminated): the processor has failed. */
  private workerEnded(error: Error | null, code: number): void {
    const message = error
      ? `the projection worker failed: ${error.message}`
      : `the projection worker exited with code ${code}`;
    this.current = {
      ...this.current,
      state: 'failed',
      failure: { message, checkpoint: this.current.checkpoint },
    };
    this.logger.error(
      { projection: this.name, checkpoint: this.current.checkpoint },
      `Projection ${this.name} STOPPED: ${message}. Nothing was skipped: the read model stays at position ` +
        `${this.current.checkpoint} until the processor is started again.`,
    );
    this.active = false;
    this.waiters.rejectAll();
    this.notifyRunning(false);
    for (const resolve of this.stopping.values()) resolve();
    this.stopping.clear();
    this.markFinished();
  }

  private post(message: ToProjectionWorker): void {
    this.worker?.postMessage(message);
  }
}
