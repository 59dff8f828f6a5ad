import type Database from 'better-sqlite3';
import type { EventMetadata, ReadAllOptions, ReadAllPage, StoredEvent } from '../port/envelope';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './row-mapping';

/** A page of one partition of the streams with `streamPrefix`, up to `toPosition` (for bulk rebuilds). */
export interface PartitionRead {
  readonly toPosition: number;
  readonly maxCount: number;
  readonly streamPrefix: string;
  /** A stream belongs to partition `(last UTF-16 code unit of its id) % count`. */
  readonly partition: { readonly count: number; readonly index: number };
}

/** Where a page of events in stream order ends: the next page starts after this event. */
export interface StreamCursor {
  readonly streamId: string;
  readonly streamVersion: number;
}

/**
 * Pages through the global log. A filtered page reports how far it scanned (`nextPosition`), so a reader that
 * filters most events out still moves forward. Each page is read in one snapshot (a read transaction).
 */
export class SqliteReadAll {
  private readonly statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly head: Database.Statement<[], [number | null]>;
  private streamOrderStatement: Database.Statement<unknown[], EventRow> | null = null;
  private readonly readPage: (options: ReadAllOptions & { maxCount: number }) => ReadAllPage;

  constructor(private readonly db: Database.Database) {
    this.head = db.prepare<[], [number | null]>('SELECT MAX(global_position) FROM events').raw();
    this.readPage = db.transaction((options: ReadAllOptions & { maxCount: number }) =>
      this.readInSnapshot(options),
    );
  }

  page(options: ReadAllOptions & { maxCount: number }): ReadAllPage {
    return this.readPage(options);
  }

  /**
   * Events of one partition of the streams with `streamPrefix` (a stream belongs to partition `(last UTF-16 code
   * unit of its id) % count`, so all its events fall in one partition), stream by stream: streams in id order, each stream's events in stream order, only those up to `toPosition`, starting after `after` (null:
   * from the first stream). A stream's events come together, so a bulk rebuild can fold each stream completely
   * before the next. The metadata is parsed when first read (a fold rarely needs it).
   */
  streamOrderedPartitionPage(
    options: PartitionRead & { readonly after: StreamCursor | null },
  ): StoredEvent[] {
    this.streamOrderStatement ??= this.db
      .prepare<unknown[], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream_id, stream_version) > (?, ?) AND stream_id < ? ` +
          'AND global_position <= ? AND unicode(substr(stream_id, -1)) % ? = ? ' +
          'ORDER BY stream_id, stream_version LIMIT ?',
      )
      .raw();
    const { after, toPosition, maxCount, streamPrefix, partition } = options;
    return this.streamOrderStatement
      .all(
        after?.streamId ?? streamPrefix,
        after?.streamVersion ?? -1,
        prefixEnd(streamPrefix),
        toPosition,
        partition.count,
        partition.index,
        maxCount,
      )
      .map((row) => new LazyMetadataEvent(row));
  }

  private readInSnapshot(options: ReadAllOptions & { maxCount: number }): ReadAllPage {
    const fromPosition = options.fromPosition ?? 0;
    const types = options.eventTypes ?? [];
    const prefix = options.streamPrefix ?? '';
    const statement = this.statement(prefix.length > 0, types.length);
    const parameters: unknown[] = [fromPosition];
    if (prefix.length > 0) parameters.push(prefix.length, prefix);
    parameters.push(...types, options.maxCount);
    const rows = statement.all(...parameters);
    const filtered = prefix.length > 0 || types.length > 0;
    if (rows.length === options.maxCount) {
      return { events: rows.map(toStoredEvent), nextPosition: rows[rows.length - 1][0], isEnd: false };
    }
    const head = filtered || rows.length === 0 ? (this.head.get()?.[0] ?? 0) : rows[rows.length - 1][0];
    return { events: rows.map(toStoredEvent), nextPosition: Math.max(head, fromPosition), isEnd: true };
  }

  private statement(byPrefix: boolean, typeCount: number): Database.Statement<unknown[], EventRow> {
    const key = `${byPrefix}:${typeCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const conditions = ['global_position > ?'];
      if (byPrefix) conditions.push('substr(stream_id, 1, ?) = ?');
      if (typeCount > 0) conditions.push(`type IN (${new Array(typeCount).fill('?').join(', ')})`);
      statement = this.db
        .prepare<unknown[], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY global_position LIMIT ?`,
        )
        .raw();
      this.statements.set(key, statement);
    }
    return statement;
  }
}

/** The least string after every string that starts with `prefix` (the prefix with its last code unit raised). */
function prefixEnd(prefix: string): string {
  if (prefix.length === 0) return '\u{10FFFF}';
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** A stored event whose metadata JSON is parsed on first access. */
class LazyMetadataEvent implements StoredEvent {
  readonly globalPosition: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  readonly chainHash: string;
  private metadataJson: string;
  private parsedMetadata: EventMetadata | null = null;

  constructor(row: EventRow) {
    this.globalPosition = row[0];
    this.eventId = row[1];
    this.streamId = row[2];
    this.streamVersion = row[3];
    this.type = row[4];
    this.data = JSON.parse(row[5]) as unknown;
    this.metadataJson = row[6];
    this.chainHash = row[7];
  }

  get metadata(): EventMetadata {
    this.parsedMetadata ??= JSON.parse(this.metadataJson) as EventMetadata;
    return this.parsedMetadata;
  }
}
