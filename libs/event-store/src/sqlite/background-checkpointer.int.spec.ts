import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from '../contract/test-events';
import { SqliteEventStore } from './sqlite-event-store';
import { rowsInDatabaseFile } from './test-support/rows-in-database-file';

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe('SqliteEventStore background checkpoints', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casusregie-checkpointer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed appends into the database file from a worker, long before the writer would', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, backgroundCheckpointMs: 20 });
    try {
      for (let i = 0; i < 5; i++) await store.append(`s-${i}`, [testEvent('Happened')], 'no_stream');
      // The writer checkpoints itself only after thousands of WAL pages; five appends are a handful.
      expect(await until(() => rowsInDatabaseFile(filename, 'events') === 5, 5_000)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('leaves the WAL alone when turned off, and close() ends the worker either way', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, backgroundCheckpointMs: 0 });
    try {
      await store.append('s-1', [testEvent('Happened')], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rowsInDatabaseFile(filename, 'events')).toBe(0);
    } finally {
      await store.close();
    }
  });
});
