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
 *
 * `writeBatch` may answer later (a promise, e.g. from a writer thread): then one batch is in flight at a time, and
 * whatever arrives meanwhile forms the next batch when it is answered.
 */
export class GroupCommitQueue<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly writeBatch: (
      requests: readonly Request[],
    ) => Outcome<Result>[] | Promise<Outcome<Result>[]>,
    private readonly maxBatchSize: number,
  ) {}

  enqueue(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.schedule();
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Writes everything queued now, synchronously (on close; only for a writeBatch that answers at once). */
  drain(): void {
    while (this.waiting.length > 0 && this.inFlight === null) this.writeOne();
  }

  /** Resolves when nothing is queued or in flight any more. */
  async settled(): Promise<void> {
    for (;;) {
      if (this.inFlight) await this.inFlight;
      else if (this.waiting.length > 0) this.writeOne();
      else return;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight) return;
    this.writeOne();
    if (this.waiting.length > 0) this.schedule();
  }

  private writeOne(): void {
    const batch = this.waiting.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    let outcomes: Outcome<Result>[] | Promise<Outcome<Result>[]>;
    try {
      outcomes = this.writeBatch(batch.map((w) => w.request));
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    if (!(outcomes instanceof Promise)) {
      settle(batch, outcomes);
      return;
    }
    this.inFlight = outcomes.then(
      (answered) => settle(batch, answered),
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
    void this.inFlight.then(() => {
      this.inFlight = null;
      if (this.waiting.length > 0) this.schedule();
    });
  }
}

function settle<Request, Result>(batch: Waiting<Request, Result>[], outcomes: Outcome<Result>[]): void {
  batch.forEach((w, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) w.resolve(outcome.value);
    else w.reject(outcome.error);
  });
}
