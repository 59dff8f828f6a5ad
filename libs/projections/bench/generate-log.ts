/**
 * Generates a case log for benchmarks: `node -r @swc-node/register libs/projections/bench/generate-log.ts
 * <events.sqlite> [cases]`. Every command runs through the real decider.
 */
import { SqliteEventStore } from '@casusregie/event-store';
import { generateCases } from '../src/testing/generate-cases';

async function main(): Promise<void> {
  const [filename, casesArg] = process.argv.slice(2);
  if (!filename) throw new Error('usage: generate-log.ts <events.sqlite> [cases]');
  const cases = Number(casesArg ?? 20_000);
  const store = new SqliteEventStore({ filename, synchronous: 'NORMAL' });
  const started = performance.now();
  let lastReport = 0;
  const { commands } = await generateCases(store, {
    cases,
    onProgress: (done, total) => {
      if (done - lastReport >= 50_000 || done === total) {
        lastReport = done;
        process.stdout.write(`  ${done}/${total} commands\n`);
      }
    },
  });
  const events = await store.headPosition();
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${cases} cases, ${commands} commands, ${events} events in ${seconds.toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
