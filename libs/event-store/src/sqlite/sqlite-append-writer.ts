import type Database from 'better-sqlite3';
import { GENESIS_CHAIN_HASH, nextChainHash } from '../chain/chain-hash';
import type { AppendResult } from '../port/envelope';
import { ConcurrencyError, DuplicateEventIdError } from '../port/errors';
import { satisfiesExpectedVersion } from '../port/expected-version';
import type { PreparedAppend } from '../port/validate-append';
import type { Outcome } from './group-commit-queue';

class AppendFailure {
  constructor(
    readonly index: number,
    readonly cause: unknown,
  ) {}
}

/**
 * Writes a batch of appends in one BEGIN IMMEDIATE transaction. Each append keeps its own expected-version
 * check and outcome; a failed check fails only that append. An unexpected SQL error in one append rolls the
 * transaction back, fails that append, and the rest is written again without it.
 */
export class SqliteAppendWriter {
  private readonly lastEvent: Database.Statement<[], [number, string]>;
  private readonly streamHead: Database.Statement<[string], [number]>;
  private readonly byEventId: Database.Statement<[string], [number, string, number]>;
  private readonly streamSlice: Database.Statement<[string, number, number], [string, number, number]>;
  private readonly insert: Database.Statement<
    [number, string, string, number, string, string, string, string]
  >;
  private readonly writeTransaction: Database.Transaction<
    (appends: readonly PreparedAppend[], indices: number[]) => Outcome<AppendResult>[]
  >;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.lastEvent = db
      .prepare<[], [number, string]>(
        'SELECT global_position, chain_hash FROM events ORDER BY global_position DESC LIMIT 1',
      )
      .raw();
    this.streamHead = db
      .prepare<[string], [number]>(
        'SELECT stream_version FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
      )
      .raw();
    this.byEventId = db
      .prepare<[string], [number, string, number]>(
        'SELECT global_position, stream_id, stream_version FROM events WHERE event_id = ?',
      )
      .raw();
    this.streamSlice = db
      .prepare<[string, number, number], [string, number, number]>(
        'SELECT event_id, global_position, stream_version FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?',
      )
      .raw();
    this.insert = db.prepare(
      'INSERT INTO events (global_position, event_id, stream_id, stream_version, type, data, metadata, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.writeTransaction = db.transaction((appends, indices) => this.writeInTransaction(appends, indices));
  }

  writeBatch(appends: readonly PreparedAppend[]): Outcome<AppendResult>[] {
    const outcomes: Outcome<AppendResult>[] = new Array(appends.length);
    let indices = appends.map((_, i) => i);
    while (indices.length > 0) {
      try {
        const written = this.writeTransaction.immediate(appends, indices);
        indices.forEach((appendIndex, i) => (outcomes[appendIndex] = written[i]));
        break;
      } catch (error) {
        if (!(error instanceof AppendFailure)) throw error;
        outcomes[error.index] = { ok: false, error: mapSqlError(error.cause, appends[error.index]) };
        indices = indices.filter((i) => i !== error.index);
      }
    }
    return outcomes;
  }

  private writeInTransaction(appends: readonly PreparedAppend[], indices: number[]): Outcome<AppendResult>[] {
    const last = this.lastEvent.get();
    let position = last?.[0] ?? 0;
    let chainHash = last?.[1] ?? GENESIS_CHAIN_HASH;
    const versions = new Map<string, number>();
    const recordedAt = this.now().toISOString();

    return indices.map((index): Outcome<AppendResult> => {
      const append = appends[index];
      try {
        const retried = this.findRetriedAppend(append);
        if (retried) return retried;

        const current = versions.get(append.streamId) ?? this.currentVersion(append.streamId);
        if (!satisfiesExpectedVersion(append.expectedVersion, current)) {
          return { ok: false, error: new ConcurrencyError(append.streamId, append.expectedVersion, current) };
        }
        const firstGlobalPosition = position + 1;
        let version = current;
        for (const event of append.events) {
          position++;
          const metadataJson = JSON.stringify({ ...event.metadata, recordedAt });
          const record = {
            globalPosition: position,
            eventId: event.eventId,
            streamId: append.streamId,
            streamVersion: version,
            type: event.type,
            dataJson: event.dataJson,
            metadataJson,
          };
          chainHash = nextChainHash(chainHash, record);
          this.insert.run(
            position,
            event.eventId,
            append.streamId,
            version,
            event.type,
            event.dataJson,
            metadataJson,
            chainHash,
          );
          version++;
        }
        versions.set(append.streamId, version);
        return {
          ok: true,
          value: {
            streamId: append.streamId,
            nextExpectedVersion: version,
            firstGlobalPosition,
            lastGlobalPosition: position,
          },
        };
      } catch (cause) {
        throw new AppendFailure(index, cause);
      }
    });
  }

  private currentVersion(streamId: string): number {
    const head = this.streamHead.get(streamId);
    return head ? head[0] + 1 : 0;
  }

  /** A retry stores nothing and returns the original result, if its ids were stored as exactly this append. */
  private findRetriedAppend(append: PreparedAppend): Outcome<AppendResult> | undefined {
    const first = append.events[0];
    const stored = this.byEventId.get(first.eventId);
    if (!stored) return undefined;
    const [, streamId, firstVersion] = stored;
    const slice =
      streamId === append.streamId ? this.streamSlice.all(streamId, firstVersion, append.events.length) : [];
    const sameAppend =
      slice.length === append.events.length &&
      slice.every(([eventId], i) => eventId === append.events[i].eventId);
    if (!sameAppend) return { ok: false, error: new DuplicateEventIdError(append.streamId, first.eventId) };
    const lastRow = slice[slice.length - 1];
    return {
      ok: true,
      value: {
        streamId,
        nextExpectedVersion: lastRow[2] + 1,
        firstGlobalPosition: slice[0][1],
        lastGlobalPosition: lastRow[1],
      },
    };
  }
}

function mapSqlError(cause: unknown, append: PreparedAppend): unknown {
  // Duck-typed on purpose: SqliteError may come from another realm (e.g. under a test runner's VM).
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('events.event_id')
  ) {
    return new DuplicateEventIdError(append.streamId, append.events[0].eventId);
  }
  return cause;
}
