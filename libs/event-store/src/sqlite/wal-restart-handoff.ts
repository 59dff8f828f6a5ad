import type Database from 'better-sqlite3';

/**
 * A flag shared by the background checkpointer and the writer (one Int32 in a SharedArrayBuffer).
 *
 * SQLite starts writing the WAL from its beginning again only when a write transaction begins while every frame
 * has been copied into the database file. Under a steady stream of commits that moment never comes from a
 * checkpoint in another thread (the writer has always added frames since), so the WAL would grow until the
 * writer's own automatic checkpoint, which runs inside a commit and made that commit wait 60–250 ms (copy the
 * frames the background missed, then fsync the database file). Instead the background checkpointer, once the
 * WAL is large and it has copied all of it, asks the writer to checkpoint the few frames committed since; the
 * writer does that after it has answered its batch, and its next transaction restarts the WAL.
 */
export class WalRestartHandoff {
  private readonly flag: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.flag = new Int32Array(buffer);
  }

  /** Background side: the WAL is large and fully copied; the writer should copy the rest. */
  request(): void {
    Atomics.store(this.flag, 0, 1);
  }

  /** Writer side: whether a checkpoint was asked for since the last call (and clears the request). */
  take(): boolean {
    return Atomics.compareExchange(this.flag, 0, 1, 0) === 1;
  }
}

/**
 * The writer's part of the handoff: a PASSIVE checkpoint on the writer's own connection, between two of its
 * transactions. It is maintenance: a failure (another checkpoint running, a reader holding old frames) leaves the
 * WAL as it is and the next request tries again; the writer's automatic checkpoint stays the backstop.
 */
export function checkpointWalTail(db: Database.Database): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // See above: nothing is lost, the WAL only restarts later.
  }
}
