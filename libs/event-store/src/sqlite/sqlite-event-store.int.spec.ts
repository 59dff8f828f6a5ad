import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SQLite, file-backed', async () => fileBacked(false));

eventStoreContract('SQLite, file-backed, commits in a writer thread', async () => fileBacked(true));

async function fileBacked(writerThread: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-store-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), writerThread });
  return {
    store,
    densePositions: true,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

eventStoreContract('SQLite, in-memory', async () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  return { store, densePositions: true, dispose: () => store.close() };
});
