import { Worker } from 'node:worker_threads';
import type { AppendResult } from '../port/envelope';
import type { PreparedAppend } from '../port/validate-append';
import { workerSourceFor } from '../worker/worker-source';
import {
  type AppendWriterSetup,
  type FromAppendWriter,
  type ToAppendWriter,
  deserializeError,
} from './append-protocol';
import type { Outcome } from './group-commit-queue';

/**
 * Hands each group-commit batch to a writer thread (append-writer-thread.ts) and answers with its outcomes. The
 * writer's connection is the only one that appends; an append is acknowledged after its transaction committed
 * there (with the store's synchronous mode), so durability is as with the writer in this thread. The thread is
 * started on the first batch: a store that only reads never starts it.
 */
export class WorkerAppendWriter {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(outcomes: Outcome<AppendResult>[]): void; reject(error: unknown): void }
  >();

  constructor(private readonly setup: AppendWriterSetup) {}

  writeBatch(appends: readonly PreparedAppend[], recordedAt: Date): Promise<Outcome<AppendResult>[]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced while a batch is out: the process waits for its acknowledgement.
      worker.ref();
      const message: ToAppendWriter = { kind: 'write', id, recordedAt: recordedAt.toISOString(), appends };
      worker.postMessage(message);
    });
  }

  /** Ends the writer thread (after the batch in flight, which the caller awaited) and closes its connection. */
  async close(): Promise<void> {
    if (!this.worker) return;
    this.worker.ref();
    this.worker.postMessage({ kind: 'close' } satisfies ToAppendWriter);
    await this.exited;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSourceFor(require.resolve('./append-writer-thread')), {
      eval: true,
      workerData: this.setup,
    });
    worker.unref();
    this.worker = worker;
    let failure: Error | null = null;
    worker.on('message', (message: FromAppendWriter) => this.receive(message));
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.worker = null;
        const error = failure ?? new Error(`The event store's writer thread exited with code ${code}`);
        // Unanswered batches: whether they committed is unknown, as after a crash. The caller sees an error; a
        // retry with the same event ids is answered from the log (idempotent appends).
        for (const { reject } of this.pending.values()) reject(error);
        this.pending.clear();
        resolve();
      }),
    );
    return worker;
  }

  private receive(message: FromAppendWriter): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (message.kind === 'failed') {
      waiting.reject(deserializeError(message.error));
      return;
    }
    waiting.resolve(
      message.outcomes.map((o) => (o.ok ? o : { ok: false, error: deserializeError(o.error) })),
    );
  }
}
