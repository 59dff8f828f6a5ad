/**
 * One partition of a parallel rebuild, in a worker thread: folds the case streams of its partition (in log order,
 * through the same CaseProjection as live processing, bulk mode) into its own read-model file. Case ids are the
 * registrations' global positions; the coordinator renumbers them when it merges (parallel-rebuild.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import type { FromPartition, PartitionSetup } from './partition-protocol';

const PAGE = 5_000;

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
      cacheSize: setup.cacheSize,
      mode: 'bulk',
      refOf: (registration) => registration.globalPosition,
    });
    let position = 0;
    let events = 0;
    let inBatch = 0;
    for (;;) {
      const page = await store.readPartition({
        fromPosition: position,
        toPosition: setup.toPosition,
        maxCount: PAGE,
        streamPrefix: 'case-',
        partition: setup.partition,
      });
      for (const event of page) {
        projection.add(event);
        position = event.globalPosition;
      }
      events += page.length;
      inBatch += page.length;
      if (inBatch >= setup.batchSize || page.length < PAGE) {
        database.transaction(() => projection.flush());
        projection.committed();
        inBatch = 0;
        // At the end of its events the partition has handled the log up to the target.
        post({ kind: 'progress', events, position: page.length < PAGE ? setup.toPosition : position });
      }
      if (page.length < PAGE) break;
    }
    database.transaction(() => projection.finish());
    post({ kind: 'done', events, lastPosition: position });
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
