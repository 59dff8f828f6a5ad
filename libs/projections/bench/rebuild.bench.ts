/**
 * Rebuild benchmark on an existing event log (make one with generate-log.ts):
 *   node -r @swc-node/register libs/projections/bench/rebuild.bench.ts <events.sqlite> [runs]
 * Environment: BATCH (events per transaction), CACHE (case documents kept in memory).
 * Prints events/s per run and a final JSON line with the median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { rebuildProjections } from '../src/rebuild/rebuild-projections';

async function main(): Promise<void> {
  const [filename, runsArg] = process.argv.slice(2);
  if (!filename) throw new Error('usage: rebuild.bench.ts <events.sqlite> [runs]');
  const runs = Number(runsArg ?? 3);
  const store = new SqliteEventStore({ filename });
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-rebuild-bench-'));
  const rates: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const cpuBefore = process.cpuUsage();
      const result = await rebuildProjections({
        store,
        readDbPath: join(dir, `read-models-${run}.sqlite`),
        batchSize: process.env.BATCH ? Number(process.env.BATCH) : undefined,
        cacheSize: process.env.CACHE ? Number(process.env.CACHE) : undefined,
        logger: { info: () => undefined, error: (fields, message) => process.stderr.write(`${message}\n`) },
      });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      rates.push(result.eventsPerSecond);
      process.stdout.write(
        `run ${run}: ${result.events} events in ${(result.durationMs / 1000).toFixed(2)} s = ` +
          `${result.eventsPerSecond} events/s (CPU ${cpuSeconds.toFixed(2)} s, ` +
          `${Math.round(result.events / cpuSeconds)} events per CPU second; load ${loadavg()[0].toFixed(1)})\n`,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
  process.stdout.write(`${JSON.stringify({ rebuildEventsPerSecMedian: median, runs: rates })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
