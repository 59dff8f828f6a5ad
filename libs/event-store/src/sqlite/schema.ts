import type Database from 'better-sqlite3';

export type SynchronousMode = 'FULL' | 'NORMAL';

const SCHEMA_VERSION = 1;

export const DEFAULT_WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * One table holds the log. `global_position` is the rowid, assigned inside the write transaction, so
 * positions are dense and a reader can never see a position before every lower one is committed.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  event_id        TEXT    NOT NULL,
  stream_id       TEXT    NOT NULL,
  stream_version  INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  chain_hash      TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_event_id ON events (event_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, stream_version);
CREATE TABLE IF NOT EXISTS checkpoints (
  processor_name TEXT PRIMARY KEY,
  position       INTEGER NOT NULL,
  updated_at     TEXT    NOT NULL
);
`;

/**
 * Bytes of the file SQLite reads through a memory map instead of read() calls (address space, not memory):
 * reading a case stream touches one page per event, spread over the log, and mapped pages come straight from the
 * OS page cache (a cold 18-event stream of the 100k-case log: 560 µs with read() calls, 220 µs mapped). Writes
 * still go through write() and fsync. SQLite caps the map at its compile-time maximum (2 GiB in this build), so of
 * a larger log only the first 2 GiB is mapped.
 */
export const DEFAULT_MMAP_SIZE_BYTES = 2 * 1024 ** 3;

export function openSchema(
  db: Database.Database,
  synchronous: SynchronousMode,
  walAutocheckpointPages = DEFAULT_WAL_AUTOCHECKPOINT_PAGES,
  mmapSizeBytes = DEFAULT_MMAP_SIZE_BYTES,
): void {
  if (db.name !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma(`mmap_size = ${Math.max(0, Math.floor(mmapSizeBytes))}`);
  }
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // A larger WAL between checkpoints: each checkpoint copies pages back and fsyncs, which dominated
  // group-commit time at SQLite's default of 1000 pages (measured by bench:store).
  db.pragma(`wal_autocheckpoint = ${Math.max(100, Math.floor(walAutocheckpointPages))}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `Event store schema version ${version} is newer than this code understands (${SCHEMA_VERSION})`,
    );
  }
  db.exec(DDL);
  if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
