/**
 * Before measuring: lets the app's background processors work off what the seed left them. The seed does not run
 * the deadline watcher, so on its first ticks the watcher notes every deadline the seeded history let pass (tens of
 * thousands of events on 100k cases); measuring while it does would measure that backlog, not the API. Waits until
 * a watcher tick appended nothing and the read models have caught up, as /health/ready reports them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpClient } from './http-client';

interface Ready {
  readonly eventStore?: { readonly headPosition?: number };
  readonly projections?: { readonly lag?: number | string };
  readonly watcher?: {
    readonly ticks?: number;
    readonly lastTick?: { readonly eventsAppended?: number; readonly error?: string | null } | null;
  };
}

export interface Settled {
  /** Events the app appended by itself (the watcher) while settling. */
  readonly eventsAppended: number;
  readonly seconds: number;
  /** No watcher runs in the app (WATCHER_ENABLED=false). */
  readonly noWatcher: boolean;
}

export async function settleProcessors(
  http: HttpClient,
  timeoutMs: number,
  progress: (line: string) => void,
): Promise<Settled> {
  const started = performance.now();
  let firstHead: number | null = null;
  let lastReport = 0;
  for (;;) {
    const result = await http.request('GET', '/health/ready');
    let ready: Ready = {};
    try {
      ready = JSON.parse(result.text) as Ready;
    } catch {
      // not JSON: ask again
    }
    const head = ready.eventStore?.headPosition ?? 0;
    firstHead ??= head;
    const tick = ready.watcher?.lastTick;
    const watcherQuiet = !ready.watcher || (tick != null && tick.eventsAppended === 0 && !tick.error);
    const elapsed = performance.now() - started;
    if (watcherQuiet && ready.projections?.lag === 0) {
      return { eventsAppended: head - firstHead, seconds: elapsed / 1000, noWatcher: !ready.watcher };
    }
    if (elapsed > timeoutMs) {
      throw new Error(`The app's processors did not settle within ${timeoutMs / 1000} s: ${result.text}`);
    }
    if (elapsed - lastReport >= 10_000) {
      lastReport = elapsed;
      progress(
        `  settling: ${head - firstHead} events appended by the watcher so far (ticks ${ready.watcher?.ticks ?? 0}, ` +
          `last tick ${tick?.eventsAppended ?? '-'} events), read-model lag ${ready.projections?.lag ?? '?'}\n`,
      );
    }
    await sleep(500);
  }
}
