import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowsInDatabaseFile } from '../../../../libs/event-store/src/sqlite/test-support/rows-in-database-file';
import { until } from '../../../../libs/messaging/test-support/relay-fixtures';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

const record = (key: string) => ({
  scope: 'GM0344:user-1',
  key,
  requestHash: `hash-${key}`,
  status: 200,
  response: { caseId: 'c-1', version: 3, position: 42, events: [] },
});

describe('SqliteIdempotencyStore on a file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-idempotency-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps saved answers across a reopen', async () => {
    const filename = join(dir, 'api.sqlite');
    const first = new SqliteIdempotencyStore(filename);
    await first.save(record('k-1'));
    await first.close();

    const second = new SqliteIdempotencyStore(filename);
    try {
      expect(await second.find('GM0344:user-1', 'k-1')).toEqual(record('k-1'));
      expect(await second.find('GM0344:user-1', 'k-2')).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('copies saved keys into the database file from a worker, not inside save()', async () => {
    const filename = join(dir, 'api.sqlite');
    const store = new SqliteIdempotencyStore(filename);
    try {
      for (let i = 0; i < 3; i++) await store.save(record(`k-${i}`));
      // The connection's own automatic checkpoint waits for 20,000 WAL pages; three keys are a handful.
      await until(() => rowsInDatabaseFile(filename, 'idempotency_keys') === 3, 'the worker to checkpoint');
    } finally {
      await store.close();
    }
  });
});
