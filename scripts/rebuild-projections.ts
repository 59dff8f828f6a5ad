/**
 * Rebuilds the read models from the event log: drops them, replays every event, and prints progress (events folded
 * and the checkpoint reached: a parallel rebuild reaches it only when every case is folded), the time each phase
 * took, the number of events and events per second. Run it while the app is stopped:
 *
 *   DATA_DIR=./data node -r @swc-node/register scripts/rebuild-projections.ts
 *
 * Reads DATA_DIR/events.sqlite and (re)writes DATA_DIR/read-models.sqlite, then DATA_DIR/inbox.sqlite (the
 * liaison inbox, rebuilt in place: it is small next to the case read models).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import {
  defaultInboxPath,
  defaultReadModelPath,
  rebuildInbox,
  rebuildProjections,
  stderrProjectionLogger,
} from '@casusregie/projections';

function formatRate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const eventsFile = join(dataDir, 'events.sqlite');
  if (!existsSync(eventsFile)) {
    throw new Error(
      `No event store at ${eventsFile}: set DATA_DIR to the directory that holds events.sqlite.`,
    );
  }
  const readDbPath = defaultReadModelPath(dataDir);
  const store = new SqliteEventStore({ filename: eventsFile });
  process.stdout.write(`Rebuilding ${readDbPath} from ${eventsFile}\n`);
  let lastReport = 0;
  try {
    // Progress goes to stdout; only a failure of the processor is logged (to stderr).
    const logger = { info: () => undefined, error: stderrProjectionLogger.error };
    const result = await rebuildProjections({
      store,
      readDbPath,
      logger,
      onProgress: (p) => {
        if (p.elapsedMs - lastReport < 1_000 && p.position < p.target) return;
        lastReport = p.elapsedMs;
        const percent = p.target === 0 ? 100 : Math.floor((p.position / p.target) * 100);
        const rate = p.elapsedMs > 0 ? (p.events / p.elapsedMs) * 1000 : 0;
        process.stdout.write(
          `  position ${p.position}/${p.target} (${percent}%), ${p.events} events, ${formatRate(rate)} events/s\n`,
        );
      },
    });
    const phases = Object.entries(result.phases ?? {}).map(
      ([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`,
    );
    process.stdout.write(`Read-model phases: ${phases.join(', ')}\n`);
    const inboxPath = defaultInboxPath(dataDir);
    const inbox = await rebuildInbox({ store, filename: inboxPath, logger });
    process.stdout.write(
      `Rebuilt the inbox ${inboxPath}: ${inbox.events} events in ${(inbox.durationMs / 1000).toFixed(2)} s, ` +
        `${formatRate(inbox.eventsPerSecond)} events/s (checkpoint ${inbox.position})\n`,
    );
    process.stdout.write(
      `Rebuilt the read models: ${result.events} events in ${(result.durationMs / 1000).toFixed(2)} s, ` +
        `${formatRate(result.eventsPerSecond)} events/s (checkpoint ${result.position})\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ events: result.events, durationMs: Math.round(result.durationMs), eventsPerSecond: result.eventsPerSecond })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
