import type Database from 'better-sqlite3';
import type { ReadAllOptions, ReadAllPage, StoredEvent } from '../port/envelope';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './row-mapping';

/**
 * Pages through the global log. A filtered page reports how far it scanned (`nextPosition`), so a reader that
 * filters most events out still moves forward. Each page is read in one snapshot (a read transaction).
 */
export class SqliteReadAll {
  private readonly statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly head: Database.Statement<[], [number | null]>;
  private partitionStatement: Database.Statement<unknown[], EventRow> | null = null;
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
   * Events of one partition of the streams with `streamPrefix`, in log order, up to `toPosition`: a stream belongs
   * to partition `(last UTF-16 code unit of its id) % count`. For bulk rebuilds that fold disjoint sets of streams
   * in parallel; every event of a stream falls in the same partition.
   */
  partitionPage(options: {
    fromPosition: number;
    toPosition: number;
    maxCount: number;
    streamPrefix: string;
    partition: { count: number; index: number };
  }): StoredEvent[] {
    this.partitionStatement ??= this.db
      .prepare<unknown[], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ? ` +
          'AND substr(stream_id, 1, ?) = ? AND unicode(substr(stream_id, -1)) % ? = ? ' +
          'ORDER BY global_position LIMIT ?',
      )
      .raw();
    const { fromPosition, toPosition, maxCount, streamPrefix, partition } = options;
    return this.partitionStatement
      .all(
        fromPosition,
        toPosition,
        streamPrefix.length,
        streamPrefix,
        partition.count,
        partition.index,
        maxCount,
      )
      .map(toStoredEvent);
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
