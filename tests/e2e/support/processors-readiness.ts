import type { RelayReadiness, WatcherReadiness } from '../../../apps/casusregie/src/health/processors-health';
import { until } from '../../../libs/messaging/test-support/relay-fixtures';
import type { EmbeddedApp } from './embedded-app';

/** The parts of GET /health/ready these tests read: the relay (KAFKA_BROKERS set) and the deadline watcher. */
export interface ProcessorsReadiness {
  readonly status: string;
  readonly relay?: RelayReadiness;
  readonly watcher?: WatcherReadiness;
}

export async function readiness(embedded: EmbeddedApp): Promise<ProcessorsReadiness> {
  const response = await fetch(`${embedded.url}/health/ready`);
  return (await response.json()) as ProcessorsReadiness;
}

/**
 * Waits (bounded) until the relay has every event up to the store's head now acknowledged by the broker, as
 * /health/ready reports it (lag 0, checkpoint at or past the head); answers the relay's part.
 */
export async function relayCaughtUp(embedded: EmbeddedApp, timeoutMs = 20_000): Promise<RelayReadiness> {
  const head = await embedded.store.headPosition();
  let relay: RelayReadiness | undefined;
  await until(
    async () => {
      relay = (await readiness(embedded)).relay;
      return relay !== undefined && relay.lag === 0 && relay.checkpoint >= head;
    },
    `the relay to reach position ${head} (last seen ${JSON.stringify(relay)})`,
    timeoutMs,
  );
  return relay!;
}

/**
 * Waits (bounded) until the in-process watcher (on its own schedule) has finished `count` more ticks that
 * started at the clock's instant now, as /health/ready reports them: a tick that started at the current instant saw the current date.
 * Answers the watcher's part after the last of them.
 */
export async function watcherTicksNow(
  embedded: EmbeddedApp,
  count: number,
  timeoutMs = 15_000,
): Promise<WatcherReadiness> {
  const instant = embedded.clock.now().toISOString();
  let watcher = (await readiness(embedded)).watcher;
  const ticksBefore = watcher?.ticks ?? 0;
  // The first tick seen (after the call) that started at `instant` saw the current date; so does every tick after
  // it, as long as the test does not move the clock meanwhile.
  let firstAtInstant: number | null = null;
  await until(
    async () => {
      watcher = (await readiness(embedded)).watcher;
      if (!watcher) throw new Error('The deadline watcher is off (WATCHER_ENABLED=false)');
      if (firstAtInstant === null && watcher.ticks > ticksBefore && watcher.lastTick?.startedAt === instant) {
        firstAtInstant = watcher.ticks;
      }
      return firstAtInstant !== null && watcher.ticks >= firstAtInstant + count - 1;
    },
    `${count} watcher ticks at ${instant} (last: ${JSON.stringify(watcher?.lastTick)})`,
    timeoutMs,
  );
  return watcher!;
}
