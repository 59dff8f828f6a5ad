import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { masterKeyFromBytes } from './master-key';
import { PersonalDataCipher } from './personal-data-cipher';
import { MasterKeyError, SubjectErasedError } from './personal-data-errors';
import { SqliteSubjectKeyStore, subjectKeyStoreFile } from './sqlite-subject-key-store';
import { subjectKeyStoreContract } from './test-support/subject-key-store.contract';

const masterKey = masterKeyFromBytes(randomBytes(32), 'configuration', false);

describe('SQLite subject key store', () => {
  let dir: string;
  let filename: string;
  const open: SqliteSubjectKeyStore[] = [];
  const openStore = (key = masterKey) => {
    const store = new SqliteSubjectKeyStore({ filename, masterKey: key });
    open.push(store);
    return store;
  };

  /** Reads the file directly, as someone with a copy of it would. */
  const query = <Row>(sql: string): Row => {
    const db = new Database(filename, { readonly: true });
    try {
      return db.prepare(sql).get() as Row;
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-keys-'));
    filename = subjectKeyStoreFile(join(dir, 'data'));
  });
  afterEach(() => {
    for (const store of open.splice(0)) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  subjectKeyStoreContract('SQLite file', () => {
    const store = openStore();
    return { store, dispose: () => undefined };
  });

  subjectKeyStoreContract('SQLite in memory', () => {
    const store = new SqliteSubjectKeyStore({ filename: ':memory:', masterKey });
    return { store, dispose: () => store.close() };
  });

  it('keeps keys in DATA_DIR/keys.sqlite, readable after reopening', async () => {
    expect(filename).toBe(join(dir, 'data', 'keys.sqlite'));
    const created = await openStore().createKey('subject-1');
    open.pop()?.close();
    expect((await openStore().getKey('subject-1')).key.equals(created.key)).toBe(true);
  });

  it('creates the database and its WAL with mode 0600', async () => {
    await openStore().createKey('subject-1');
    expect(statSync(filename).mode & 0o777).toBe(0o600);
    expect(existsSync(`${filename}-wal`)).toBe(true);
    expect(statSync(`${filename}-wal`).mode & 0o777).toBe(0o600);
  });

  it('stores the subject key only wrapped', async () => {
    const created = await openStore().createKey('subject-1');
    const raw = created.key.export();
    const row = query<{ wrapped_key: string; master_key_id: string }>(
      'SELECT wrapped_key, master_key_id FROM subject_keys',
    );
    expect(row.wrapped_key).toMatch(/^v1\./);
    expect(row.master_key_id).toBe(masterKey.id);
    for (const file of [filename, `${filename}-wal`]) {
      const bytes = readFileSync(file);
      expect(bytes.includes(raw)).toBe(false);
      expect(bytes.includes(Buffer.from(raw.toString('base64')))).toBe(false);
    }
  });

  it('refuses to open with another master key, saying which key it expects', async () => {
    await openStore().createKey('subject-1');
    open.pop()?.close();
    const wrong = masterKeyFromBytes(randomBytes(32), 'configuration', false);
    let error: unknown;
    try {
      openStore(wrong);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MasterKeyError);
    expect((error as Error).message).toContain(masterKey.id);
    expect((error as Error).message).toContain(wrong.id);
    expect((error as Error).message).toMatch(/original master key/);
  });

  it('detects wrapped keys swapped between subjects', async () => {
    const store = openStore();
    await store.createKey('subject-a');
    await store.createKey('subject-b');
    const db = new Database(filename);
    db.exec(`UPDATE subject_keys SET wrapped_key = CASE subject_id
      WHEN 'subject-a' THEN (SELECT wrapped_key FROM subject_keys WHERE subject_id = 'subject-b')
      ELSE (SELECT wrapped_key FROM subject_keys WHERE subject_id = 'subject-a') END`);
    db.close();
    await expect(store.getKey('subject-a')).rejects.toBeInstanceOf(MasterKeyError);
  });

  it('erases for every process using the file: another store instance cannot read the key afterwards', async () => {
    const writer = openStore();
    const reader = openStore();
    const cipher = new PersonalDataCipher(reader);
    await writer.createKey('subject-1');
    const encrypted = await cipher.encrypt('subject-1', 'name', 'Jan de Vries');
    await expect(cipher.decrypt('subject-1', 'name', encrypted)).resolves.toBe('Jan de Vries');

    await writer.destroyKey('subject-1');
    await expect(cipher.decrypt('subject-1', 'name', encrypted)).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('leaves no copy of a destroyed wrapped key in the database file or its WAL', async () => {
    const store = openStore();
    await store.createKey('subject-1');
    await store.createKey('subject-2');
    const { wrapped_key: wrapped } = query<{ wrapped_key: string }>(
      "SELECT wrapped_key FROM subject_keys WHERE subject_id = 'subject-1'",
    );
    const ciphertext = Buffer.from(wrapped.split('.')[2]);
    const holdsIt = () =>
      [filename, `${filename}-wal`]
        .filter(existsSync)
        .some((file) => readFileSync(file).includes(ciphertext));
    expect(holdsIt()).toBe(true);

    await store.destroyKey('subject-1');
    expect(holdsIt()).toBe(false);
    await expect(store.getKey('subject-2')).resolves.toMatchObject({ subjectId: 'subject-2' });
  });
});
