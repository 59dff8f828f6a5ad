import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { testEvent } from '../contract/test-events';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite event store tamper evidence', () => {
  let dir: string;
  let filename: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-tamper-'));
    filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename });
    for (let i = 0; i < 10; i++) {
      await store.append(`case-${i}`, [testEvent('casus.Test.v1', { i, note: 'unchanged' })], 'no_stream');
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verifyAfter(tamper: (db: Database.Database) => void) {
    const db = new Database(filename);
    tamper(db);
    db.close();
    const store = new SqliteEventStore({ filename });
    try {
      return await store.verifyChain();
    } finally {
      await store.close();
    }
  }

  it('an untouched log verifies', async () => {
    await expect(verifyAfter(() => undefined)).resolves.toMatchObject({ ok: true, checkedEvents: 10 });
  });

  it('one changed byte in the data of one event is reported at exactly that position', async () => {
    const result = await verifyAfter((db) =>
      db
        .prepare("UPDATE events SET data = replace(data, 'unchanged', 'unchangeD') WHERE global_position = 7")
        .run(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: 7 });
  });

  it('a changed byte in the metadata is reported too', async () => {
    const result = await verifyAfter((db) =>
      db
        .prepare(
          "UPDATE events SET metadata = replace(metadata, 'GM0344', 'GM0345') WHERE global_position = 3",
        )
        .run(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: 3 });
  });

  it('a rewritten chain hash is reported at its position', async () => {
    const result = await verifyAfter((db) =>
      db.prepare(`UPDATE events SET chain_hash = '${'f'.repeat(64)}' WHERE global_position = 5`).run(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: 5 });
  });

  it('a deleted event is reported as the missing position', async () => {
    const result = await verifyAfter((db) =>
      db.prepare('DELETE FROM events WHERE global_position = 4').run(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: 4 });
  });
});
