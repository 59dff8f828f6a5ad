import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { unwrapSubjectKey, wrapSubjectKey } from './key-wrap';
import type { MasterKey } from './master-key';
import {
  MasterKeyError,
  SubjectErasedError,
  SubjectKeyExistsError,
  SubjectKeyNotFoundError,
} from './personal-data-errors';
import {
  assertSubjectId,
  SUBJECT_KEY_BYTES,
  type SubjectKey,
  type SubjectKeyStore,
} from './subject-key-store.port';

export const SUBJECT_KEY_STORE_FILE = 'keys.sqlite';

export interface SqliteSubjectKeyStoreOptions {
  /** A file path (created with mode 0600), or ':memory:'. See `subjectKeyStoreFile(dataDir)`. */
  readonly filename: string;
  readonly masterKey: MasterKey;
  readonly now?: () => Date;
}

/** DATA_DIR/keys.sqlite */
export function subjectKeyStoreFile(dataDir: string): string {
  return join(dataDir, SUBJECT_KEY_STORE_FILE);
}

const SCHEMA_VERSION = 1;

// An erased subject keeps its row, with the wrapped key gone, so its id can never get a new key.
const DDL = `
CREATE TABLE IF NOT EXISTS meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_id    TEXT PRIMARY KEY,
  key_version   INTEGER NOT NULL,
  wrapped_key   TEXT,
  master_key_id TEXT,
  created_at    TEXT NOT NULL,
  erased_at     TEXT,
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
`;

interface KeyRow {
  readonly wrapped_key: string | null;
}

/**
 * Subject keys in SQLite, each wrapped (AES-256-GCM) by the master key. Unwrapped keys are never cached, so a
 * destroyed key is gone for every process that uses the file. Deleting uses SQLite's secure_delete and a WAL
 * truncate, so the wrapped key does not linger in free pages or the write-ahead log.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly masterKey: MasterKey;
  private readonly now: () => Date;
  private readonly statements;

  constructor(options: SqliteSubjectKeyStoreOptions) {
    this.masterKey = options.masterKey;
    this.now = options.now ?? (() => new Date());
    if (options.filename !== ':memory:') createPrivateFile(options.filename);
    this.db = new Database(options.filename, { timeout: 10_000 });
    try {
      this.openSchema();
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      select: this.db.prepare<[string], KeyRow>('SELECT wrapped_key FROM subject_keys WHERE subject_id = ?'),
      insert: this.db.prepare<[string, string, string, string]>(
        `INSERT INTO subject_keys (subject_id, key_version, wrapped_key, master_key_id, created_at)
         VALUES (?, 1, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING`,
      ),
      erase: this.db.prepare<[string, string]>(
        `UPDATE subject_keys SET wrapped_key = NULL, master_key_id = NULL, erased_at = ?
         WHERE subject_id = ? AND erased_at IS NULL`,
      ),
      tombstone: this.db.prepare<[string, string, string]>(
        `INSERT INTO subject_keys (subject_id, key_version, wrapped_key, created_at, erased_at)
         VALUES (?, 0, NULL, ?, ?) ON CONFLICT (subject_id) DO NOTHING`,
      ),
    };
  }

  async createKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    const bytes = randomBytes(SUBJECT_KEY_BYTES);
    try {
      const wrapped = wrapSubjectKey(this.masterKey, subjectId, bytes);
      const inserted = this.statements.insert.run(subjectId, wrapped, this.masterKey.id, this.timestamp());
      if (inserted.changes === 0) {
        const row = this.statements.select.get(subjectId);
        throw row?.wrapped_key === null
          ? new SubjectErasedError(subjectId)
          : new SubjectKeyExistsError(subjectId);
      }
      return unwrapSubjectKey(this.masterKey, subjectId, wrapped);
    } finally {
      bytes.fill(0);
    }
  }

  async getKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    const row = this.statements.select.get(subjectId);
    if (row === undefined) throw new SubjectKeyNotFoundError(subjectId);
    if (row.wrapped_key === null) throw new SubjectErasedError(subjectId);
    return unwrapSubjectKey(this.masterKey, subjectId, row.wrapped_key);
  }

  async destroyKey(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    const at = this.timestamp();
    this.db.transaction(() => {
      if (this.statements.erase.run(at, subjectId).changes === 0)
        this.statements.tombstone.run(subjectId, at, at);
    })();
    if (this.db.name !== ':memory:') this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }

  private openSchema(): void {
    if (this.db.name !== ':memory:') this.db.pragma('journal_mode = WAL');
    // A created key must be on disk before an event refers to it; a destroyed key must stay destroyed.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `Key store schema version ${version} is newer than this code understands (${SCHEMA_VERSION})`,
      );
    }
    this.db.exec(DDL);
    if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.checkMasterKey();
  }

  /** Refuses to start with another master key than the one the store was written with. */
  private checkMasterKey(): void {
    this.db
      .prepare<[string]>(
        "INSERT INTO meta (name, value) VALUES ('master_key_id', ?) ON CONFLICT (name) DO NOTHING",
      )
      .run(this.masterKey.id);
    const stored = this.db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'master_key_id'")
      .get()?.value;
    if (stored !== this.masterKey.id) {
      throw new MasterKeyError(
        `The key store ${this.db.name} was written with master key ${stored}, but the master key given is ` +
          `${this.masterKey.id}. Configure the original master key (or restore its master.key file); without it ` +
          'no subject key can be read',
      );
    }
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

/** Creates the database file with mode 0600 first: SQLite gives its -wal and -shm files the same mode. */
function createPrivateFile(filename: string): void {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 });
  closeSync(openSync(filename, 'a', 0o600));
}
