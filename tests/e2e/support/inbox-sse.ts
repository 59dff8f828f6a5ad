/** One server-sent event as the client sees it (comments are counted apart). */
export interface SseEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * A minimal EventSource over fetch (EventSource cannot send an Authorization header): reads the stream, splits it
 * into events and comment lines, and lets the test wait for the next event with a bounded timeout.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  /** True once the server ended the stream. */
  ended = false;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  private taken = 0;

  private constructor(readonly response: Response) {}

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    const client = new SseClient(response);
    client.abort.signal.addEventListener('abort', () => abort.abort());
    if (response.body) void client.read(response.body);
    else client.finish();
    return client;
  }

  /** The next event not yet taken, waiting at most `timeoutMs`. */
  async next(timeoutMs = 5_000): Promise<SseEvent> {
    await this.until(() => this.events.length > this.taken || this.ended, timeoutMs, 'an event');
    const event = this.events[this.taken];
    if (!event) throw new Error('The stream ended before the next event.');
    this.taken++;
    return event;
  }

  /**
   * Waits (bounded) until `condition` holds, re-checking whenever something arrives and every 20 ms (for
   * conditions on the server's side).
   */
  async until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No ${what} within ${timeoutMs} ms (got ${this.events.length} events).`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 20));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Disconnects, as a browser tab closing. */
  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // aborted by the client
    }
    this.finish();
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      fields++;
      if (name === 'event') event = value;
      else if (name === 'id') id = value;
      else if (name === 'data') data.push(value);
    }
    if (fields > 0) this.events.push({ event, id, data: data.join('\n') });
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
