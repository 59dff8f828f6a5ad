import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerSourceFor } from '@casusregie/event-store';
import { CASE_READ_MODELS } from '../cases/case-projection';
import type { ReadModelDatabase } from '../database/read-model-database';
import { storeCheckpoint } from '../runner/checkpoint-table';
import type { FromPartition, PartitionSetup } from './partition-protocol';

export interface ParallelReplay {
  readonly eventsFile: string;
  /** The new read-model file, reset with deferred indexes (a bulk load). */
  readonly database: ReadModelDatabase;
  /** Where the partition files go: `<prefix>.p0`, `<prefix>.p1`, ... (removed afterwards). */
  readonly partitionPrefix: string;
  readonly partitions: number;
  readonly toPosition: number;
  readonly batchSize: number;
  readonly onProgress?: (events: number, position: number) => void;
}

/**
 * Folds the case streams in `partitions` worker threads at once, each into its own file, then merges the files into
 * `database`: cases renumbered in registration order (the order a replay in one thread gives them), the search
 * index built from the merged cases, and the checkpoint. The caller creates the indexes afterwards.
 */
export async function replayInParallel(
  options: ParallelReplay,
): Promise<{ events: number; position: number; foldMs: number; mergeMs: number }> {
  const started = performance.now();
  const files = Array.from({ length: options.partitions }, (_, i) => `${options.partitionPrefix}.p${i}`);
  removeFiles(files);
  try {
    const done = await Promise.all(files.map((file, index) => foldInWorker(options, file, index)));
    const events = done.reduce((sum, d) => sum + d.events, 0);
    const position = Math.max(0, ...done.map((d) => d.lastPosition));
    const folded = performance.now();
    mergePartitions(options.database, files, position);
    return { events, position, foldMs: folded - started, mergeMs: performance.now() - folded };
  } finally {
    removeFiles(files);
  }
}

function foldInWorker(
  options: ParallelReplay,
  partitionFile: string,
  index: number,
): Promise<{ events: number; lastPosition: number }> {
  const setup: PartitionSetup = {
    eventsFile: options.eventsFile,
    partitionFile,
    partition: { count: options.partitions, index },
    toPosition: options.toPosition,
    batchSize: options.batchSize,
  };
  const worker = new Worker(workerSourceFor(require.resolve('./rebuild-partition-worker')), {
    eval: true,
    workerData: setup,
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: FromPartition) => {
      if (message.kind === 'progress') progressOf(options, index, message.events, message.position);
      else if (message.kind === 'done') {
        settled = true;
        resolve({ events: message.events, lastPosition: message.lastPosition });
      } else {
        settled = true;
        const reached = progress.get(options)?.positions ?? [0];
        reject(new Error(`Rebuild stopped at position ${Math.min(...reached)}: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`Rebuild of partition ${index} ended with code ${code}`));
    });
  });
}

const progress = new WeakMap<ParallelReplay, { events: number[]; positions: number[] }>();

/** Sums the partitions' progress; the position reported is the lowest any partition has reached. */
function progressOf(options: ParallelReplay, index: number, events: number, position: number): void {
  let state = progress.get(options);
  if (!state) {
    state = {
      events: new Array(options.partitions).fill(0),
      positions: new Array(options.partitions).fill(0),
    };
    progress.set(options, state);
  }
  state.events[index] = events;
  state.positions[index] = position;
  options.onProgress?.(
    state.events.reduce((a, b) => a + b, 0),
    Math.min(...state.positions),
  );
}

/** Copies the partitions into `database` in cases.id order, renumbering case ids by registration position. */
function mergePartitions(database: ReadModelDatabase, files: readonly string[], checkpoint: number): void {
  const db = database.connection;
  const aliases = files.map((_, i) => `p${i}`);
  files.forEach((file, i) => db.prepare(`ATTACH DATABASE ? AS ${aliases[i]}`).run(file));
  try {
    database.transaction(() => {
      const all = (table: string) => aliases.map((a) => `SELECT * FROM ${a}.${table}`).join(' UNION ALL ');
      db.exec(`CREATE TEMP TABLE refs (position INTEGER PRIMARY KEY, ref INTEGER NOT NULL)`);
      db.exec(
        `INSERT INTO refs SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM (${aliases
          .map((a) => `SELECT id FROM ${a}.cases`)
          .join(' UNION ALL ')})`,
      );
      for (const [table, refColumn, order] of MERGED_TABLES) {
        const columns = columnsOf(database, table).filter((c) => c !== refColumn);
        db.exec(
          `INSERT INTO main.${table} (${refColumn}, ${columns.join(', ')}) ` +
            `SELECT r.ref, ${columns.map((c) => `x.${c}`).join(', ')} FROM (${all(table)}) x ` +
            `JOIN refs r ON r.position = x.${refColumn} ORDER BY r.ref${order ? `, ${order}` : ''}`,
        );
      }
      db.exec('INSERT INTO main.case_search (rowid, summary) SELECT id, summary FROM main.cases ORDER BY id');
      storeCheckpoint(database, CASE_READ_MODELS, checkpoint);
      db.exec('DROP TABLE temp.refs');
    });
  } finally {
    for (const alias of aliases) db.exec(`DETACH DATABASE ${alias}`);
  }
}

/** Tables holding cases, the column that refers to the case, and the rest of each key (the merge's order). */
const MERGED_TABLES: readonly (readonly [string, string, string | null])[] = [
  ['cases', 'id', null],
  ['case_documents', 'id', null],
  ['case_organisations', 'case_ref', 'x.organisation_id'],
  ['case_gaps', 'case_ref', 'x.need_id'],
  ['case_sessions', 'case_ref', 'x.session_id'],
  ['case_escalations', 'case_ref', 'x.escalation_id'],
  ['case_offers', 'case_ref', 'x.offer_id'],
  ['case_waiting', 'case_ref', 'x.seq'],
];

function columnsOf(database: ReadModelDatabase, table: string): string[] {
  return database.connection.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
}

function removeFiles(files: readonly string[]): void {
  for (const file of files) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  }
}
