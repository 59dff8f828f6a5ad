export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Waiting<Request, Result> {
  readonly request: Request;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

/**
 * Collects requests that arrive while the event loop is busy and hands them to `writeBatch` together, on
 * the next turn of the loop (setImmediate runs after the pending I/O callbacks, so concurrent HTTP requests
 * land in the same batch). Each request gets its own outcome; a thrown error fails the whole batch.
 */
export class GroupCommitQueue<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];
  private scheduled = false;

  constructor(
    private readonly writeBatch: (requests: readonly Request[]) => Outcome<Result>[],
    private readonly maxBatchSize: number,
  ) {}

  enqueue(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Writes everything queued now, synchronously (used by flush ticks and on close). */
  drain(): void {
    while (this.waiting.length > 0) this.writeOne();
  }

  private flush(): void {
    this.scheduled = false;
    this.writeOne();
    if (this.waiting.length > 0) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private writeOne(): void {
    const batch = this.waiting.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.writeBatch(batch.map((w) => w.request));
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }
}
