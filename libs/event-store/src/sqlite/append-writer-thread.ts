/**
 * The writer thread of a SqliteEventStore (see WorkerAppendWriter): its own connection writes each batch in one
 * transaction with SqliteAppendWriter, so the commit (and its fsync, and the automatic WAL checkpoints) do not
 * hold up the thread that answers requests. Loaded by the source WorkerAppendWriter evaluates; nothing imports it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  type AppendWriterSetup,
  type FromAppendWriter,
  type ToAppendWriter,
  serializeError,
} from './append-protocol';
import { openSchema } from './schema';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { WalRestartHandoff, checkpointWalTail } from './wal-restart-handoff';

function serve(port: NonNullable<typeof parentPort>, setup: AppendWriterSetup): void {
  const db = new Database(setup.filename, { timeout: 10_000 });
  openSchema(db, setup.synchronous, setup.walAutocheckpointPages, setup.mmapSizeBytes);
  let recordedAt = new Date(0);
  const writer = new SqliteAppendWriter(db, () => recordedAt);
  const handoff = setup.walRestartHandoff && new WalRestartHandoff(setup.walRestartHandoff);
  const post = (message: FromAppendWriter) => port.postMessage(message);
  port.on('message', (message: ToAppendWriter) => {
    if (message.kind === 'close') {
      db.close();
      port.close();
      return;
    }
    recordedAt = new Date(message.recordedAt);
    try {
      const outcomes = writer.writeBatch(message.appends);
      post({
        kind: 'written',
        id: message.id,
        outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: serializeError(o.error) })),
      });
    } catch (error) {
      post({ kind: 'failed', id: message.id, error: serializeError(error) });
    }
    // After the answer, so the checkpoint delays only the next batch.
    if (handoff?.take()) checkpointWalTail(db);
  });
}

if (parentPort) serve(parentPort, workerData as AppendWriterSetup);
