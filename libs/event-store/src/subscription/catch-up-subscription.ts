import type {
  EventFilter,
  EventSubscription,
  ReadAllOptions,
  ReadAllPage,
  StoredEvent,
} from '../port/envelope';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;
  /**
   * Resolves when the log may have grown beyond `position`, or when `signal` aborts. It may resolve
   * spuriously (a poll tick); the subscription simply reads again.
   */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
}

export interface CatchUpOptions extends EventFilter {
  readonly fromPosition?: number;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
}

/**
 * Catch-up and live are one loop over the log: read a page after the last delivered position, deliver it,
 * and when the page reached the head, wait for an append. Because live events are read from the log by
 * position rather than pushed into a buffer, the hand-over can neither skip nor repeat an event, and a
 * slow consumer holds at most one page in memory.
 */
export class CatchUpSubscription implements EventSubscription {
  private readonly stopper = new AbortController();

  constructor(
    private readonly source: CatchUpSource,
    private readonly options: CatchUpOptions = {},
  ) {
    options.signal?.addEventListener('abort', () => this.stop(), { once: true });
    if (options.signal?.aborted) this.stop();
  }

  stop(): void {
    this.stopper.abort();
  }

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    const { streamPrefix, eventTypes } = this.options;
    const pageSize = this.options.pageSize ?? 500;
    let position = this.options.fromPosition ?? 0;
    try {
      while (!this.stopped) {
        const page = await this.source.readAll({
          fromPosition: position,
          maxCount: pageSize,
          streamPrefix,
          eventTypes,
        });
        for (const event of page.events) {
          if (this.stopped) return;
          yield event;
        }
        position = page.nextPosition;
        if (page.isEnd && !this.stopped) await this.source.waitForAppend(position, this.stopper.signal);
      }
    } finally {
      this.stop();
    }
  }
}
