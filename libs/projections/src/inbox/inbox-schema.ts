import type { ReadModelDatabase } from '../database/read-model-database';
import { loadCheckpoint, storeCheckpoint } from '../runner/checkpoint-table';

/** The checkpoint name of the inbox; stable across releases. */
export const INBOX_PROJECTION = 'inbox';

/**
 * Bump whenever an inbox table or the meaning of a column changes: inbox tables of another version are dropped and
 * the inbox is replayed from position 0 when the file is opened. Kept in `inbox_schema`, not in `user_version`,
 * which belongs to the case schema that ReadModelDatabase keeps in every file it opens.
 */
export const INBOX_SCHEMA_VERSION = 1;

const INBOX_TABLES = ['inbox_notifications', 'inbox_case_states', 'inbox_schema'] as const;

const INBOX_DDL = `
CREATE TABLE inbox_schema (version INTEGER NOT NULL);

-- One row per notification (one recipient organisation each). sequence: strictly increasing in log order, the
-- id of the server-sent event. Dates are Dutch calendar dates 'YYYY-MM-DD'; instants ISO-8601.
CREATE TABLE inbox_notifications (
  notification_id           TEXT    PRIMARY KEY,
  sequence                  INTEGER NOT NULL UNIQUE,
  recipient_organisation_id TEXT    NOT NULL,
  case_id                   TEXT    NOT NULL,
  kind                      TEXT    NOT NULL,
  asked                     TEXT    NOT NULL,
  due_date                  TEXT,
  event_id                  TEXT    NOT NULL,
  global_position           INTEGER NOT NULL,
  created_at                TEXT    NOT NULL,
  acknowledged_at           TEXT,
  acknowledged_by           TEXT,
  acknowledged_position     INTEGER
);
CREATE INDEX inbox_by_recipient ON inbox_notifications (recipient_organisation_id, sequence);
CREATE INDEX inbox_by_recipient_kind ON inbox_notifications (recipient_organisation_id, kind, sequence);

-- The case state after the last event the inbox applied, per case stream: what the notification policy needs as
-- the state before the next event when it is not in memory (after a restart, or evicted from the cache).
CREATE TABLE inbox_case_states (
  stream_id TEXT    PRIMARY KEY,
  version   INTEGER NOT NULL,
  state     TEXT    NOT NULL
);
`;

/**
 * Creates the inbox tables when they are missing, of another version, or when the inbox checkpoint is gone (a new
 * file, or one whose case schema was reset, which drops the checkpoints): then the inbox starts from position 0.
 */
export function ensureInboxSchema(db: ReadModelDatabase): void {
  const exists = db.connection
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'inbox_schema'")
    .get();
  const version = exists
    ? (db.connection.prepare('SELECT version FROM inbox_schema').pluck().get() as number | undefined)
    : undefined;
  if (version !== INBOX_SCHEMA_VERSION || loadCheckpoint(db, INBOX_PROJECTION) === 0) resetInbox(db);
}

/** Drops the inbox, its case states and its checkpoint, and creates the tables afresh, in one transaction. */
export function resetInbox(db: ReadModelDatabase): void {
  db.transaction(() => {
    for (const table of INBOX_TABLES) db.connection.exec(`DROP TABLE IF EXISTS ${table}`);
    db.connection.exec(INBOX_DDL);
    db.connection.prepare('INSERT INTO inbox_schema (version) VALUES (?)').run(INBOX_SCHEMA_VERSION);
    storeCheckpoint(db, INBOX_PROJECTION, 0);
  });
}

/** The highest notification sequence handed out so far (0 when the inbox is empty). */
export function lastInboxSequence(db: ReadModelDatabase): number {
  return (db.statement('SELECT MAX(sequence) FROM inbox_notifications').pluck().get() as number | null) ?? 0;
}
