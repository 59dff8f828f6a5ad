import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  READ_MODEL_INDEXES_DDL,
  READ_MODEL_SCHEMA_VERSION,
  READ_MODEL_TABLES,
  READ_MODEL_TABLES_DDL,
} from './schema';

export interface ReadModelDatabaseOptions {
  /** A file path, or ':memory:' (tests). */
  readonly filename: string;
  /** Page cache in MiB (default 64). */
  readonly cacheSizeMiB?: number;
  /**
   * A fresh file filled once by a rebuild: no journal and no syncs until endBulkLoad(). Only for a file nobody
   * else uses and that is thrown away if the load does not finish (see rebuildProjections).
   */
  readonly bulkLoad?: boolean;
}

/**
 * SQLite's default 4 KiB pages (new files only; an existing file keeps its page size until it is rebuilt). A live
 * batch changes a few rows at random places in many indexes, and the WAL and the checkpoint write each changed page
 * whole: 16 KiB pages, which held a case document without overflow pages, wrote twice the bytes and cost the kernel
 * a third more writeback CPU on the 100k-case command bench, and the command p99 was about twice as high.
 */
const PAGE_SIZE = 4_096;

/** The read-model file of the embedded default: next to the event store, in DATA_DIR. */
export function defaultReadModelPath(dataDir: string): string {
  return join(dataDir, 'read-models.sqlite');
}

/**
 * The read-model database: its own SQLite file, never the event store's. One connection serves the processor
 * (writes, one transaction per batch) and the queries: better-sqlite3 is synchronous, so a query never sees half
 * a batch.
 */
export class ReadModelDatabase {
  readonly connection: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: ReadModelDatabaseOptions) {
    this.connection = new Database(options.filename);
    const db = this.connection;
    db.pragma(`page_size = ${PAGE_SIZE}`);
    if (options.bulkLoad) {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
    } else {
      if (options.filename !== ':memory:') db.pragma('journal_mode = WAL');
      // NORMAL, not FULL: in WAL mode a power loss can lose the last commits, never corrupt the file. That is
      // fine here, because everything in this file is derived from the event log: the checkpoint is lost
      // together with the rows, and the processor replays those events. (The event store commits with FULL.)
      db.pragma('synchronous = NORMAL');
    }
    db.pragma(`cache_size = ${-1024 * (options.cacheSizeMiB ?? 64)}`);
    db.pragma('temp_store = MEMORY');
    // SQLite's default: the processor's checkpoints (each fsyncs this file) stay small, so an event-store commit
    // that meets one on the disk waits less (see DEFAULT_BACKGROUND_CHECKPOINT_MS in the event store).
    db.pragma('wal_autocheckpoint = 1000');
    this.ensureSchema();
  }

  static open(filename: string): ReadModelDatabase {
    return new ReadModelDatabase({ filename });
  }

  /** A prepared statement, prepared once per SQL text. */
  statement<Params extends unknown[] = unknown[], Row = unknown>(
    sql: string,
  ): Database.Statement<Params, Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<Params, Row>;
  }

  /** Runs `fn` in one transaction (BEGIN IMMEDIATE): all of it commits, or none of it. */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn).immediate();
  }

  /**
   * Drops every read model and its checkpoint and creates the schema afresh, in one transaction. With
   * `deferIndexes` the secondary indexes are left out for a bulk load: call createIndexes() when it is done. Until
   * then the file is marked incomplete (user_version 0), so an interrupted bulk load is dropped and rebuilt when
   * the file is next opened.
   */
  reset(options: { deferIndexes?: boolean } = {}): void {
    this.transaction(() => {
      for (const table of READ_MODEL_TABLES) this.connection.exec(`DROP TABLE IF EXISTS ${table}`);
      this.connection.exec(READ_MODEL_TABLES_DDL);
      if (!options.deferIndexes) this.connection.exec(READ_MODEL_INDEXES_DDL);
      this.connection.pragma(`user_version = ${options.deferIndexes ? 0 : READ_MODEL_SCHEMA_VERSION}`);
    });
    this.statements.clear();
  }

  /** Creates the secondary indexes after a bulk load and marks the schema complete. */
  createIndexes(): void {
    this.transaction(() => {
      this.connection.exec(READ_MODEL_INDEXES_DDL);
      this.connection.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
    });
    this.statements.clear();
  }

  /** Ends a bulk load: from here on the file is written with the WAL journal, as any read-model file. */
  endBulkLoad(): void {
    this.connection.pragma('synchronous = FULL');
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = NORMAL');
  }

  /** Returns the free pages of a file (after reset() dropped everything) so a bulk load writes a compact file. */
  compact(): void {
    if (this.connection.name !== ':memory:') this.connection.exec('VACUUM');
  }

  /** Refreshes the planner's statistics (after a rebuild, so filtered list queries pick the right index). */
  analyze(): void {
    // Sampled statistics (SQLite's recommended limit): enough for the planner, a fraction of a full ANALYZE.
    this.connection.pragma('analysis_limit = 1000');
    this.connection.exec('ANALYZE');
    this.statements.clear();
  }

  close(): void {
    if (this.connection.open) this.connection.close();
  }

  private ensureSchema(): void {
    const version = this.connection.pragma('user_version', { simple: true }) as number;
    if (version !== READ_MODEL_SCHEMA_VERSION) this.reset();
  }
}
