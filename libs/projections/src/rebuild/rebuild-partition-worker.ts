/**
 * One partition of a parallel rebuild, in a worker thread: folds the case streams of its partition through the same
 * CaseProjection as live processing (bulk mode) into its own read-model file. It reads the events stream by stream
 * (SqliteEventStore.readPartitionByStream), so each case is folded completely, written once and never read back: a
 * case's rows depend on its own events alone. Case ids are the registrations' global positions; the coordinator
 * renumbers them when it merges (parallel-rebuild.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import type { FromPartition, PartitionSetup } from './partition-protocol';

const PAGE = 5_000;
/** Cases in memory: in stream order a case is complete once the next one starts. */
const CACHE = 16;

async function foldPartition(port: NonNullable<typeof parentPort>, setup: PartitionSetup): Promise<void> {
  const post = (message: FromPartition) => port.postMessage(message);
  const store = new SqliteEventStore({ filename: setup.eventsFile, backgroundCheckpointMs: 0 });
  const database = new ReadModelDatabase({
    filename: setup.partitionFile,
    bulkLoad: true,
    cacheSizeMiB: 256,
  });
  try {
    database.reset({ deferIndexes: true });
    const projection = new CaseProjection(database, {
      cacheSize: CACHE,
      mode: 'bulk',
      refOf: (registration) => registration.globalPosition,
      searchIndex: false,
    });
    let after: { streamId: string; streamVersion: number } | null = null;
    let lastPosition = 0;
    let events = 0;
    let inBatch = 0;
    for (;;) {
      const page = await store.readPartitionByStream({
        after,
        toPosition: setup.toPosition,
        maxCount: PAGE,
        streamPrefix: 'case-',
        partition: setup.partition,
      });
      for (const event of page) {
        projection.add(event);
        if (event.globalPosition > lastPosition) lastPosition = event.globalPosition;
      }
      const last = page.at(-1);
      if (last) after = { streamId: last.streamId, streamVersion: last.streamVersion };
      events += page.length;
      inBatch += page.length;
      if (inBatch >= setup.batchSize || page.length < PAGE) {
        database.transaction(() => projection.flush());
        projection.committed();
        inBatch = 0;
        // No checkpoint before the end: every case may still get events of any position.
        post({ kind: 'progress', events, position: page.length < PAGE ? setup.toPosition : 0 });
      }
      if (page.length < PAGE) break;
    }
    database.transaction(() => projection.finish());
    post({ kind: 'done', events, lastPosition });
  } finally {
    database.close();
    await store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  foldPartition(port, workerData as PartitionSetup).catch((error: unknown) =>
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromPartition),
  );
}
