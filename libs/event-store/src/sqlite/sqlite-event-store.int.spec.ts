import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SQLite, file-backed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-store-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  return {
    store,
    densePositions: true,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

eventStoreContract('SQLite, in-memory', async () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  return { store, densePositions: true, dispose: () => store.close() };
});
