/**
 * Event-store benchmark: `npm run bench:store`. Prints a table and, as the last line, one JSON object with
 * the medians over RUNS runs. Options (environment): BENCH_RUNS (3), BENCH_SCAN_EVENTS (1000000),
 * BENCH_APPENDS (20000), BENCH_DIR (a fresh temporary directory).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSchema } from '../src/sqlite/schema';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store';
import type { NewEvent } from '../src/port/envelope';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCAN_EVENTS = Number(process.env.BENCH_SCAN_EVENTS ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const CONCURRENCY = 64;
const root = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'casusregie-bench-'));

/** About 250 bytes of data JSON, like the peer benchmark in research/emmett-bench.md. */
function benchEvent(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'casus.NeedIdentified.v1',
    data: {
      caseId: 'c6f1d1c2-6f7b-4a53-9d7e-1f2a3b4c5d6e',
      needId: `need-${n}`,
      category: 'begeleiding',
      identifiedAt: '2026-11-24T10:00:00.000Z',
      note: 'Begeleiding bij dagstructuur; afstemming met wijkteam en huisarts nodig voor de overdracht.',
      sequence: n,
    },
    metadata: {
      actor: { userId: 'user-0042', role: 'coordinator', organisationId: 'GM0344' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-24T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

function freshFile(name: string): string {
  return join(mkdtempSync(join(root, `${name}-`)), 'events.sqlite');
}

async function sequentialAppends(): Promise<number> {
  const store = new SqliteEventStore({ filename: freshFile('seq') });
  const versions = new Map<string, number>();
  const count = Math.min(APPENDS, 10_000);
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    const stream = `case-${n % 1000}`;
    const version = versions.get(stream) ?? 0;
    const result = await store.append(stream, [benchEvent(n)], version);
    versions.set(stream, result.nextExpectedVersion);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return count / seconds;
}

async function groupCommitAppends(writerThread = false): Promise<number> {
  const store = new SqliteEventStore({ filename: freshFile('group'), synchronous: 'FULL', writerThread });
  const perWorker = Math.ceil(APPENDS / CONCURRENCY);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let n = 0; n < perWorker; n++) {
        await store.append(`case-${worker}-${n}`, [benchEvent(n)], 'no_stream');
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return (perWorker * CONCURRENCY) / seconds;
}

/** The engine's limit: plain prepared inserts, 100 per transaction, same table and pragmas, no store code. */
function rawBatchedInserts(): number {
  const db = new Database(freshFile('raw'));
  openSchema(db, 'FULL');
  const insert = db.prepare(
    'INSERT INTO events (global_position, event_id, stream_id, stream_version, type, data, metadata, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertHundred = db.transaction((from: number) => {
    for (let n = from; n < from + 100; n++) {
      const event = benchEvent(n);
      insert.run(
        n + 1,
        event.eventId,
        `case-${n}`,
        0,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        'f'.repeat(64),
      );
    }
  });
  const started = performance.now();
  for (let from = 0; from < APPENDS; from += 100) insertHundred.immediate(from);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return APPENDS / seconds;
}

async function readStream50P99(store: SqliteEventStore): Promise<number> {
  const stream = `read-${randomUUID()}`;
  await store.append(
    stream,
    Array.from({ length: 50 }, (_, n) => benchEvent(n)),
    'no_stream',
  );
  for (let i = 0; i < 200; i++) await store.readStream(stream);
  const durations: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    const events = await store.readStream(stream);
    durations.push(performance.now() - started);
    if (events.length !== 50) throw new Error('readStream returned the wrong number of events');
  }
  return percentile(durations, 0.99);
}

async function fillForScan(store: SqliteEventStore): Promise<void> {
  const batch = 1000;
  for (let from = await store.headPosition(); from < SCAN_EVENTS; from += batch) {
    const size = Math.min(batch, SCAN_EVENTS - from);
    const appends = [];
    for (let s = 0; s < size; s += 50) {
      appends.push(
        store.append(
          `case-${from + s}`,
          Array.from({ length: Math.min(50, size - s) }, (_, n) => benchEvent(n)),
          'no_stream',
        ),
      );
    }
    await Promise.all(appends);
  }
}

async function readAllScan(store: SqliteEventStore): Promise<number> {
  let position = 0;
  let count = 0;
  const started = performance.now();
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: 10_000 });
    count += page.events.length;
    position = page.nextPosition;
    if (page.isEnd) break;
  }
  const seconds = (performance.now() - started) / 1000;
  if (count < SCAN_EVENTS) throw new Error(`scan saw ${count} events, expected ${SCAN_EVENTS}`);
  return count / seconds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

async function main(): Promise<void> {
  const runs: Record<string, number[]> = {
    sequentialAppendsPerSec: [],
    groupCommitAppendsPerSec: [],
    groupCommitWriterThreadAppendsPerSec: [],
    rawBatchedInsertsPerSec: [],
    readStream50P99Ms: [],
    readAllEventsPerSec: [],
  };
  const scanStore = new SqliteEventStore({ filename: freshFile('scan') });
  process.stderr.write(`filling ${SCAN_EVENTS} events for the scan...\n`);
  await fillForScan(scanStore);
  for (let run = 1; run <= RUNS; run++) {
    process.stderr.write(`run ${run}/${RUNS}\n`);
    runs.sequentialAppendsPerSec.push(await sequentialAppends());
    runs.groupCommitAppendsPerSec.push(await groupCommitAppends());
    runs.groupCommitWriterThreadAppendsPerSec.push(await groupCommitAppends(true));
    runs.rawBatchedInsertsPerSec.push(rawBatchedInserts());
    runs.readStream50P99Ms.push(await readStream50P99(scanStore));
    runs.readAllEventsPerSec.push(await readAllScan(scanStore));
  }
  await scanStore.close();

  const result = Object.fromEntries(
    Object.entries(runs).map(([key, values]) => [key, round(median(values))]),
  );
  const ratio = result.groupCommitAppendsPerSec / result.rawBatchedInsertsPerSec;
  console.log(
    `\nEvent store benchmark (SQLite, synchronous=FULL, WAL), medians of ${RUNS} runs; ${APPENDS} appends per write run, ${SCAN_EVENTS} events scanned`,
  );
  console.log('| figure | median | runs | target |');
  console.log('|---|---|---|---|');
  const targets: Record<string, string> = {
    sequentialAppendsPerSec: '-',
    groupCommitAppendsPerSec: '>= 20000 and >= 0.3 x raw',
    groupCommitWriterThreadAppendsPerSec: '- (writerThread: true, as the embedded app)',
    rawBatchedInsertsPerSec: '(engine limit)',
    readStream50P99Ms: '< 2',
    readAllEventsPerSec: '>= 200000',
  };
  for (const [key, values] of Object.entries(runs)) {
    console.log(`| ${key} | ${result[key]} | ${values.map(round).join(', ')} | ${targets[key]} |`);
  }
  console.log(`| groupCommit / raw | ${round(ratio)} | | >= 0.3 |`);
  if (!process.env.BENCH_DIR) rmSync(root, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

void main();
