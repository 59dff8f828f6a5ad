/**
 * Fills a data directory with realistic cases for the API benchmark:
 *
 *   npm run seed -- --cases 100000 [--data-dir ./data] [--seed 1] [--until 2026-11-20] [--days 365]
 *                   [--concurrency 2000] [--synchronous FULL|NORMAL] [--force] [--no-rebuild]
 *
 * Every command runs through the real decider (`decide` on the case's current state) and its events are appended
 * to DATA_DIR/events.sqlite directly, with the stream version the command was decided on as the expected version;
 * many cases are appended concurrently, so the store's group commit batches them. No HTTP: seeding is not what is
 * measured. The commands of all cases are interleaved in time order, as in a real log, and `recordedAt` follows
 * the simulated clock. Afterwards the read models and the liaison inbox are built from the log
 * (DATA_DIR/read-models.sqlite, DATA_DIR/inbox.sqlite).
 *
 * Deterministic: the same --seed, --cases, --until and --days give the same events (ids included). No personal
 * data: subject ids are random UUIDs, summaries are generic phrases. See scripts/bench/case-generator.ts for the
 * journeys.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '@casusregie/event-store';
import {
  defaultInboxPath,
  defaultReadModelPath,
  rebuildInbox,
  rebuildProjections,
} from '@casusregie/projections';
import {
  type GeneratedCase,
  type PlannedAppend,
  generateCase,
  registrationTime,
} from './bench/case-generator';
import { MinHeap } from './bench/min-heap';
import { Prng } from './bench/prng';
import { tableProfiles } from './bench/tables';

const DAY = 86_400_000;

const USAGE = `Usage: npm run seed -- --cases <n> [--data-dir <dir>] [--seed <n>] [--until YYYY-MM-DD] [--days <n>]
                     [--concurrency <n>] [--synchronous FULL|NORMAL] [--force] [--no-rebuild]

  --cases        number of cases (default 1000)
  --data-dir     the data directory (default DATA_DIR or ./data); events.sqlite and read-models.sqlite go there
  --seed         PRNG seed (default 1): the same seed gives the same data
  --until        end of the history (default 2026-11-20); nothing happens after it, so recent cases are open
  --days         length of the history in days before --until (default 365)
  --concurrency  appends in flight at once (default 2000); the store commits them in groups of up to 1,000
  --synchronous  the event store's durability while seeding (default FULL, as the app)
  --force        delete an existing events.sqlite, read-models.sqlite, inbox.sqlite and api.sqlite in the data
                 directory first
  --no-rebuild   do not build the read models and the inbox afterwards`;

interface Options {
  readonly cases: number;
  readonly dataDir: string;
  readonly seed: number;
  readonly until: number;
  readonly days: number;
  readonly concurrency: number;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly force: boolean;
  readonly rebuild: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      cases: { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      until: { type: 'string' },
      days: { type: 'string' },
      concurrency: { type: 'string' },
      synchronous: { type: 'string' },
      force: { type: 'boolean' },
      'no-rebuild': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const whole = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min)
      throw new Error(`--${name} must be a whole number >= ${min}`);
    return Number(raw);
  };
  const until = values.until ?? '2026-11-20';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
    throw new Error('--until must be a date, YYYY-MM-DD');
  }
  const synchronous = (values.synchronous ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL')
    throw new Error('--synchronous must be FULL or NORMAL');
  return {
    cases: whole('cases', values.cases, 1000, 1),
    dataDir: resolve(values['data-dir'] ?? (process.env.DATA_DIR || './data')),
    seed: whole('seed', values.seed, 1, 0),
    until: Date.parse(`${until}T23:59:59Z`),
    days: whole('days', values.days, 365, 1),
    concurrency: whole('concurrency', values.concurrency, 2000, 1),
    synchronous,
    force: values.force ?? false,
    rebuild: !(values['no-rebuild'] ?? false),
  };
}

const FILES_WE_REPLACE = ['events.sqlite', 'read-models.sqlite', 'inbox.sqlite', 'api.sqlite'];

function prepareDataDir(options: Options): string {
  mkdirSync(options.dataDir, { recursive: true });
  const eventsFile = join(options.dataDir, 'events.sqlite');
  if (existsSync(eventsFile)) {
    if (!options.force) {
      throw new Error(
        `${eventsFile} exists. Seed into an empty data directory, or pass --force to delete ` +
          `${FILES_WE_REPLACE.join(', ')} there first.`,
      );
    }
    for (const file of FILES_WE_REPLACE) {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(join(options.dataDir, file + suffix), { force: true });
    }
  }
  return eventsFile;
}

function earlier(a: PlannedAppend, b: PlannedAppend): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.order !== b.order) return a.order < b.order;
  return a.seq < b.seq;
}

function rate(count: number, ms: number): string {
  return Math.round(ms > 0 ? (count / ms) * 1000 : 0).toLocaleString('en-US');
}

async function seed(options: Options): Promise<void> {
  const eventsFile = prepareDataDir(options);
  const tables = tableProfiles();
  const start = options.until - options.days * DAY;

  // Registration times first (each case's own PRNG starts with it), then the cases in order of registration.
  const registeredAt = new Float64Array(options.cases);
  for (let i = 0; i < options.cases; i++) {
    registeredAt[i] = registrationTime(new Prng(options.seed, i, 0), start, options.until);
  }
  const byTime = Array.from({ length: options.cases }, (_, i) => i).sort(
    (a, b) => registeredAt[a] - registeredAt[b] || a - b,
  );

  // The store's clock is the simulated time of the batch being written, so recordedAt follows the history.
  let clock = start;
  const store = new SqliteEventStore({
    filename: eventsFile,
    synchronous: options.synchronous,
    now: () => new Date(clock),
  });
  process.stdout.write(
    `Seeding ${options.cases.toLocaleString('en-US')} cases into ${eventsFile} ` +
      `(seed ${options.seed}, history ${new Date(start).toISOString().slice(0, 10)} to ` +
      `${new Date(options.until).toISOString().slice(0, 10)}, ${options.concurrency} appends in flight, ` +
      `synchronous=${options.synchronous})\n`,
  );

  const pending = new MinHeap<PlannedAppend>(earlier);
  const typeCounts = new Map<string, number>();
  const started = performance.now();
  let nextCase = 0;
  let events = 0;
  let appends = 0;
  let lastReport = started;
  const generate = (rank: number): GeneratedCase => {
    const index = byTime[rank];
    const rng = new Prng(options.seed, index, 0);
    registrationTime(rng, start, options.until); // drawn above; the journey's choices follow it
    return generateCase(
      { order: rank, registeredAt: registeredAt[index], until: options.until, tables },
      rng,
      new Prng(options.seed, index, 1),
    );
  };

  try {
    while (nextCase < options.cases || pending.size > 0) {
      const chunk: PlannedAppend[] = [];
      while (chunk.length < options.concurrency) {
        // A case joins the queue once time reaches its registration: its appends all lie at or after it.
        while (
          nextCase < options.cases &&
          (pending.size === 0 || registeredAt[byTime[nextCase]] <= pending.peek()!.at)
        ) {
          const generated = generate(nextCase++);
          typeCounts.set(generated.caseType, (typeCounts.get(generated.caseType) ?? 0) + 1);
          for (const append of generated.appends) pending.push(append);
        }
        const next = pending.pop();
        if (!next) break;
        chunk.push(next);
      }
      if (chunk.length === 0) continue;
      clock = chunk[chunk.length - 1].at;
      // Appends of one case keep their order: the store's queue writes in arrival order, and checks each expected
      // version against the versions written before it in the same transaction.
      await Promise.all(chunk.map((a) => store.append(a.streamId, a.events, a.expectedVersion)));
      appends += chunk.length;
      for (const a of chunk) events += a.events.length;

      const now = performance.now();
      if (now - lastReport >= 2000) {
        lastReport = now;
        process.stdout.write(
          `  ${nextCase.toLocaleString('en-US')}/${options.cases.toLocaleString('en-US')} cases registered, ` +
            `${events.toLocaleString('en-US')} events, simulated ${new Date(clock).toISOString().slice(0, 10)}, ` +
            `${rate(events, now - started)} events/s\n`,
        );
      }
    }
  } finally {
    await store.close();
  }
  const seedMs = performance.now() - started;
  process.stdout.write(
    `Seeded ${options.cases.toLocaleString('en-US')} cases (${[...typeCounts]
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')}): ${appends.toLocaleString('en-US')} commands, ${events.toLocaleString('en-US')} events ` +
      `in ${(seedMs / 1000).toFixed(1)} s, ${rate(events, seedMs)} events/s\n`,
  );

  let rebuild: { events: number; durationMs: number; eventsPerSecond: number } | null = null;
  if (options.rebuild) {
    const readDbPath = defaultReadModelPath(options.dataDir);
    process.stdout.write(`Rebuilding the read models (${readDbPath})\n`);
    const rebuildStore = new SqliteEventStore({ filename: eventsFile });
    let lastProgress = 0;
    try {
      rebuild = await rebuildProjections({
        store: rebuildStore,
        readDbPath,
        onProgress: (p) => {
          if (p.elapsedMs - lastProgress < 2000) return;
          lastProgress = p.elapsedMs;
          process.stdout.write(
            `  position ${p.position.toLocaleString('en-US')}/${p.target.toLocaleString('en-US')}, ` +
              `${rate(p.events, p.elapsedMs)} events/s\n`,
          );
        },
      });
      process.stdout.write(
        `Rebuilt the read models: ${rebuild.events.toLocaleString('en-US')} events in ` +
          `${(rebuild.durationMs / 1000).toFixed(1)} s, ${rebuild.eventsPerSecond.toLocaleString('en-US')} events/s\n`,
      );
      // The inbox too: the app would otherwise replay the whole log into it while the benchmark runs.
      const inboxPath = defaultInboxPath(options.dataDir);
      process.stdout.write(`Building the inbox (${inboxPath})\n`);
      const inbox = await rebuildInbox({ store: rebuildStore, filename: inboxPath });
      process.stdout.write(
        `Built the inbox: ${inbox.events.toLocaleString('en-US')} events in ${(inbox.durationMs / 1000).toFixed(1)} s, ` +
          `${inbox.eventsPerSecond.toLocaleString('en-US')} events/s\n`,
      );
    } finally {
      await rebuildStore.close();
    }
  }
  process.stdout.write(
    `${JSON.stringify({
      cases: options.cases,
      commands: appends,
      events,
      seconds: Math.round(seedMs / 100) / 10,
      eventsPerSec: Math.round((events / seedMs) * 1000),
      rebuildSeconds: rebuild ? Math.round(rebuild.durationMs / 100) / 10 : null,
      rebuildEventsPerSec: rebuild ? rebuild.eventsPerSecond : null,
    })}\n`,
  );
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await seed(options);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
