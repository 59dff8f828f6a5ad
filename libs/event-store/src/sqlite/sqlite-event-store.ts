import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { GENESIS_CHAIN_HASH } from '../chain/chain-hash';
import { verifyChainRecords } from '../chain/verify-chain';
import type {
  AppendResult,
  ChainVerification,
  EventSubscription,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../port/envelope';
import { EventStoreClosedError, StreamNotFoundError } from '../port/errors';
import type { CheckpointStore, EventStore } from '../port/event-store.port';
import { type PreparedAppend, prepareAppend } from '../port/validate-append';
import { CatchUpSubscription } from '../subscription/catch-up-subscription';
import { BackgroundCheckpointer } from './background-checkpointer';
import { WalRestartHandoff, checkpointWalTail } from './wal-restart-handoff';
import { GroupCommitQueue } from './group-commit-queue';
import { EVENT_COLUMNS, type EventRow, toChainedRecord, toStoredEvent } from './row-mapping';
import { DEFAULT_WAL_AUTOCHECKPOINT_PAGES, type SynchronousMode, openSchema } from './schema';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { WorkerAppendWriter } from './worker-append-writer';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { type PartitionRead, SqliteReadAll, type StreamCursor } from './sqlite-read-all';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a store that lives and dies with the process. */
  readonly filename: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: survives a process crash only. */
  readonly synchronous?: SynchronousMode;
  /** Most appends written in one group-commit transaction. */
  readonly maxBatchSize?: number;
  /** How often a waiting subscription looks for appends made by other processes on the same file. */
  readonly pollIntervalMs?: number;
  /**
   * WAL pages after which the WAL is checkpointed and written from its start again (default 10,000, about 40 MB).
   * With the background checkpointer on, it copies the frames and hands the restart to the writer (see
   * WalRestartHandoff), and the writer's own automatic checkpoint waits for four times as many pages as a backstop.
   */
  readonly walAutocheckpointPages?: number;
  /** Bytes of the file read through a memory map (default 2 GiB, SQLite's cap; 0 turns it off). */
  readonly mmapSizeBytes?: number;
  /**
   * Milliseconds between PASSIVE checkpoints by a worker thread (default 50; 0 turns it off; files only): they copy
   * the WAL into the database file, and the WAL restart is handed to the writer between two of its batches (see
   * BackgroundCheckpointer and WalRestartHandoff).
   */
  readonly backgroundCheckpointMs?: number;
  /**
   * Commit appends in a writer thread (files only; default false): the commit's fsync and the WAL checkpoints then
   * do not stall the thread that answers requests, at the price of a thread hop per batch (bench:store: about a
   * quarter less group-commit throughput, sequential appends 0.15 ms slower). An append is acknowledged once
   * committed there, with the same synchronous mode. The embedded app turns it on.
   */
  readonly writerThread?: boolean;
  /** Source of `recordedAt`; injectable for tests. */
  readonly now?: () => Date;
}

/**
 * Each background checkpoint ends with an fsync of the database file, and a commit's fsync that meets it on the disk
 * waits; smaller, more frequent ones keep that wait short (bench:api on the 100k seed, commands p99: 31/31/33 ms
 * at 200 ms, 25/21 ms at 50 ms; 22/22/22 ms together with the read models' smaller checkpoints).
 */
const DEFAULT_BACKGROUND_CHECKPOINT_MS = 50;

/** The writer's automatic checkpoint, when the background checkpointer runs: this many times `walAutocheckpointPages`. */
const BACKSTOP_FACTOR = 4;

/** Upper bound of one readAll page, so that a page never holds an unbounded part of the log in memory. */
const MAX_PAGE_SIZE = 10_000;

export class SqliteEventStore implements EventStore {
  readonly checkpoints: CheckpointStore;
  private readonly db: Database.Database;
  private readonly queue: GroupCommitQueue<PreparedAppend, AppendResult>;
  private readonly appended = new EventEmitter();
  private readonly readAllQuery: SqliteReadAll;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly statements;
  private closed = false;
  private readonly checkpointer: BackgroundCheckpointer | null;
  private readonly writerThread: WorkerAppendWriter | null;
  /** The database file (':memory:' for an in-memory store). */
  readonly filename: string;

  constructor(options: SqliteEventStoreOptions) {
    this.filename = options.filename;
    this.db = new Database(options.filename, { timeout: 10_000 });
    const synchronous = options.synchronous ?? 'FULL';
    const checkpointMs = options.backgroundCheckpointMs ?? DEFAULT_BACKGROUND_CHECKPOINT_MS;
    const restartFrames = Math.max(
      100,
      Math.floor(options.walAutocheckpointPages ?? DEFAULT_WAL_AUTOCHECKPOINT_PAGES),
    );
    const handoff = options.filename !== ':memory:' && checkpointMs > 0 ? new WalRestartHandoff() : null;
    // With the background checkpointer handing the WAL restart over, the writer's own checkpoint is the backstop.
    const writerAutocheckpointPages = handoff ? restartFrames * BACKSTOP_FACTOR : restartFrames;
    openSchema(this.db, synchronous, writerAutocheckpointPages, options.mmapSizeBytes);
    this.checkpointer = handoff
      ? new BackgroundCheckpointer(options.filename, synchronous, checkpointMs, {
          to: handoff,
          restartFrames,
        })
      : null;
    const now = options.now ?? (() => new Date());
    const inThread = options.filename !== ':memory:' && (options.writerThread ?? false);
    this.writerThread = inThread
      ? new WorkerAppendWriter({
          filename: options.filename,
          synchronous,
          walAutocheckpointPages: writerAutocheckpointPages,
          mmapSizeBytes: options.mmapSizeBytes,
          walRestartHandoff: handoff?.buffer,
        })
      : null;
    const writer = this.writerThread ? null : new SqliteAppendWriter(this.db, now);
    this.queue = new GroupCommitQueue((appends) => {
      if (!writer) {
        return this.writerThread!.writeBatch(appends, now()).then((outcomes) => this.committed(outcomes));
      }
      const outcomes = this.committed(writer.writeBatch(appends));
      // After the batch is answered, as in the writer thread.
      if (handoff?.take()) setImmediate(() => checkpointWalTail(this.db));
      return outcomes;
    }, options.maxBatchSize ?? 1000);
    this.appended.setMaxListeners(0);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.readAllQuery = new SqliteReadAll(this.db);
    this.checkpoints = new SqliteCheckpointStore(this.db, options.now ?? (() => new Date()));
    this.statements = {
      forwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
        )
        .raw(),
      backwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?`,
        )
        .raw(),
      streamVersion: this.db
        .prepare<[string], [number]>(
          'SELECT stream_version FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
        )
        .raw(),
      head: this.db.prepare<[], [number | null]>('SELECT MAX(global_position) FROM events').raw(),
      chainHashAt: this.db
        .prepare<[number], [string]>('SELECT chain_hash FROM events WHERE global_position = ?')
        .raw(),
      range: this.db
        .prepare<[number, number], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position BETWEEN ? AND ? ORDER BY global_position`,
        )
        .raw(),
    };
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    try {
      return this.queue.enqueue(prepareAppend(streamId, events, expectedVersion));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const maxCount = options.maxCount === undefined ? -1 : Math.max(1, Math.floor(options.maxCount));
    const rows =
      options.direction === 'backwards'
        ? this.statements.backwards.all(streamId, options.fromVersion ?? Number.MAX_SAFE_INTEGER, maxCount)
        : this.statements.forwards.all(streamId, options.fromVersion ?? 0, maxCount);
    // No rows from a read that starts at either end of the stream: there is no stream, without a second lookup.
    const wholeRange =
      options.direction === 'backwards' ? options.fromVersion === undefined : (options.fromVersion ?? 0) <= 0;
    if (rows.length === 0 && (wholeRange || !this.statements.streamVersion.get(streamId)))
      throw new StreamNotFoundError(streamId);
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    return this.readAllQuery.page({ ...options, maxCount: clampCount(options.maxCount) });
  }

  /**
   * SQLite only, for bulk rebuilds: the events of one partition of the streams with `streamPrefix` (a stream
   * belongs to partition `(last UTF-16 code unit of its id) % count`), up to `toPosition`, stream by stream
   * (streams in id order, each stream's events in order), after `after` (the last event of the previous page; null
   * to start), so a fold can finish one stream before the next (see SqliteReadAll.streamOrderedPartitionPage). The
   * events' metadata is a getter.
   */
  async readPartitionByStream(
    options: PartitionRead & { readonly after: StreamCursor | null },
  ): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.readAllQuery.streamOrderedPartitionPage({
      ...options,
      maxCount: clampCount(options.maxCount),
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      {
        readAll: (o) => this.readAll(o),
        waitForAppend: (position, signal) => this.waitForAppend(position, signal),
      },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Calls `listener` after each commit of appends through this store (synchronously, so keep it cheap), until the
   * returned function is called. For handing the news to readers on other connections, e.g. a worker thread.
   */
  onAppended(listener: () => void): () => void {
    this.appended.on('committed', listener);
    return () => this.appended.off('committed', listener);
  }

  /**
   * Tells this store that the log has grown through another connection (another thread of this process): waiting
   * subscriptions read at once instead of at their next poll tick.
   */
  notifyAppended(): void {
    if (!this.closed) this.appended.emit('appended');
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.head.get()?.[0] ?? 0;
  }

  async streamExists(streamId: string): Promise<boolean> {
    return (await this.streamVersion(streamId)) > 0;
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    const row = this.statements.streamVersion.get(streamId);
    return row ? row[0] + 1 : 0;
  }

  async verifyChain(range: { fromPosition?: number; toPosition?: number } = {}): Promise<ChainVerification> {
    this.assertOpen();
    const fromPosition = Math.max(1, range.fromPosition ?? 1);
    const toPosition = range.toPosition ?? (await this.headPosition());
    const previous =
      fromPosition === 1 ? GENESIS_CHAIN_HASH : this.statements.chainHashAt.get(fromPosition - 1)?.[0];
    if (previous === undefined) {
      return {
        ok: false,
        fromPosition,
        toPosition,
        checkedEvents: 0,
        firstBrokenPosition: fromPosition - 1,
        reason: 'missing',
      };
    }
    return verifyChainRecords(
      this.rowsBetween(fromPosition, toPosition),
      previous,
      { fromPosition, toPosition },
      true,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.writerThread) {
      await this.queue.settled();
      await this.writerThread.close();
    } else {
      this.queue.drain();
    }
    for (const subscription of this.subscriptions) subscription.stop();
    this.appended.emit('appended');
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** After a batch committed: wake waiting subscriptions and onAppended listeners. */
  private committed<T>(outcomes: T): T {
    this.appended.emit('appended');
    this.appended.emit('committed');
    return outcomes;
  }

  private *rowsBetween(fromPosition: number, toPosition: number) {
    const pageSize = 5000;
    for (let start = fromPosition; start <= toPosition; start += pageSize) {
      const rows = this.statements.range.all(start, Math.min(toPosition, start + pageSize - 1));
      for (const row of rows) yield toChainedRecord(row);
    }
  }

  private waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted || this.closed || (this.statements.head.get()?.[0] ?? 0) > position)
        return resolve();
      const done = () => {
        clearTimeout(timer);
        this.appended.off('appended', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.appended.on('appended', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function clampCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return MAX_PAGE_SIZE;
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) return 1;
  return Math.min(maxCount, MAX_PAGE_SIZE);
}
