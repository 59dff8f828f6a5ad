import type { StoredEvent } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../runner/projection';
import type { CaseDocument } from './case-document';
import { CHANGING_CASE_COLUMNS, FIXED_CASE_COLUMNS, type CaseRows, type Rows, caseRowsOf } from './case-rows';
import { foldCaseEvent } from './fold-case-event';
import { LruCache } from './lru-cache';

/** The checkpoint name of the case read models. */
export const CASE_READ_MODELS = 'case-read-models';

/** Child tables, each with the number of columns after its leading case_ref. */
const CHILD_TABLES = {
  organisations: ['case_organisations', 3],
  gaps: ['case_gaps', 6],
  sessions: ['case_sessions', 4],
  escalations: ['case_escalations', 7],
  offers: ['case_offers', 7],
  waiting: ['case_waiting', 3],
} as const;
type ChildSection = keyof typeof CHILD_TABLES;
const CHILD_SECTIONS = Object.keys(CHILD_TABLES) as ChildSection[];

/** A case as the projection holds it in memory. Never changed: each change makes a new one. */
interface LiveCase {
  readonly streamId: string;
  /** cases.id: assigned when the registration is folded, so in log order however the rows are written. */
  readonly ref: number;
  readonly doc: CaseDocument;
  /** The rows the database holds for the case (null: none yet), to rewrite only what changed. */
  readonly written: CaseRows | null;
  /** The document moved on since it was written. */
  readonly dirty: boolean;
}

const ALL_COLUMNS = ['id', ...FIXED_CASE_COLUMNS, ...CHANGING_CASE_COLUMNS];
const INSERT_CASE = `INSERT INTO cases (${ALL_COLUMNS.join(', ')}) VALUES (${ALL_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_CASE = `UPDATE cases SET ${CHANGING_CASE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
const LOAD_CASE =
  'SELECT c.id AS ref, d.doc AS doc FROM cases c JOIN case_documents d ON d.id = c.id WHERE c.stream_id = ?';

export interface CaseProjectionOptions {
  /** Cases kept in memory (default 10,000). */
  readonly cacheSize?: number;
  /**
   * 'checkpointed' (default): every batch writes every case it changed, so the rows always match the checkpoint.
   * 'bulk' (rebuilds only): a changed case is written when it leaves the cache, and the rest at finish(). Far
   * fewer writes, but the rows match the checkpoint only after finish(): a bulk load that fails is thrown away.
   */
  readonly mode?: 'checkpointed' | 'bulk';
  /**
   * The cases.id of a new case, from its first event (default: the next number, in log order). A parallel rebuild
   * uses the registration's global position here and renumbers when it merges the partitions (same order).
   */
  readonly refOf?: (registration: StoredEvent) => number;
  /**
   * Maintain the case_search index (default true). A parallel rebuild's partition files leave it out: the merge
   * builds it from the merged cases.
   */
  readonly searchIndex?: boolean;
}

/**
 * Folds each case stream into its CaseDocument and keeps the read-model tables in step with it: the `cases` row,
 * the document, and the child tables (organisations, gaps, sessions, escalations, offers, waiting periods).
 *
 * Cases live in an LRU cache. In checkpointed mode a batch writes each case it changed once, after folding all its
 * events, and a dropped or rolled-back batch puts the cache back as it was before the batch. One instance belongs
 * to one database: after a reset, create a new one.
 */
export class CaseProjection implements Projection {
  readonly name = CASE_READ_MODELS;
  private readonly mode: 'checkpointed' | 'bulk';
  private readonly live: LruCache<string, LiveCase>;
  /** Changed cases pushed out of the cache: written at the next flush. */
  private readonly evicted = new Map<string, LiveCase>();
  /** Checkpointed mode: each case the batch changed, as it was before (null: new), for flush and rollback. */
  private readonly batchStart = new Map<string, LiveCase | null>();
  /** Written in the open transaction; clean once it commits. */
  private readonly writtenInTransaction = new Map<string, LiveCase>();
  private nextRef: number | null = null;
  private nextRefAtBatchStart: number | null = null;
  private broken = false;
  private readonly refOf: ((registration: StoredEvent) => number) | null;
  private readonly searchIndex: boolean;

  constructor(
    private readonly db: ReadModelDatabase,
    options: CaseProjectionOptions = {},
  ) {
    this.mode = options.mode ?? 'checkpointed';
    this.live = new LruCache(options.cacheSize ?? 10_000);
    this.refOf = options.refOf ?? null;
    this.searchIndex = options.searchIndex ?? true;
  }

  add(event: StoredEvent): void {
    if (this.broken) throw new Error('A bulk load that failed cannot continue: start the rebuild again.');
    const current = this.find(event.streamId, event.streamVersion);
    if (this.mode === 'checkpointed' && !this.batchStart.has(event.streamId)) {
      this.batchStart.set(event.streamId, current);
    }
    const doc = foldCaseEvent(current?.doc ?? null, event);
    this.put({
      streamId: event.streamId,
      ref: current?.ref ?? (this.refOf ? this.refOf(event) : this.assignRef()),
      doc,
      written: current?.written ?? null,
      dirty: true,
    });
  }

  flush(): void {
    const changed =
      this.mode === 'checkpointed'
        ? [...this.batchStart.keys()].map((id) => this.live.peek(id) ?? this.evicted.get(id)!)
        : [...this.evicted.values()];
    // In id order: rows are then appended or updated along the tables' keys rather than all over them.
    changed.sort((a, b) => a.ref - b.ref);
    for (const c of changed) this.writtenInTransaction.set(c.streamId, this.write(c));
  }

  /** Bulk mode: writes every case still only in memory. Call inside a transaction when the replay is done. */
  finish(): void {
    this.flush();
    const rest = [...this.live.values()].filter((c) => c.dirty && !this.writtenInTransaction.has(c.streamId));
    rest.sort((a, b) => a.ref - b.ref);
    for (const c of rest) this.writtenInTransaction.set(c.streamId, this.write(c));
    this.committed();
  }

  committed(): void {
    for (const [streamId, clean] of this.writtenInTransaction) this.live.replace(streamId, clean);
    this.writtenInTransaction.clear();
    this.evicted.clear();
    this.batchStart.clear();
    this.nextRefAtBatchStart = this.nextRef;
  }

  rolledBack(): void {
    this.writtenInTransaction.clear();
    if (this.mode === 'bulk') {
      this.broken = true;
      return;
    }
    this.evicted.clear();
    for (const [streamId, before] of this.batchStart) {
      if (before) this.live.set(streamId, before);
      else this.live.delete(streamId);
    }
    this.batchStart.clear();
    this.nextRef = this.nextRefAtBatchStart;
  }

  private find(streamId: string, streamVersion: number): LiveCase | null {
    const known = this.live.get(streamId) ?? this.evicted.get(streamId);
    if (known) return known;
    // A stream's first event starts a new case: there is nothing to load.
    if (streamVersion === 0) return null;
    const row = this.db.statement<[string], { ref: number; doc: string }>(LOAD_CASE).get(streamId);
    if (!row) return null;
    let doc: CaseDocument;
    try {
      doc = JSON.parse(row.doc) as CaseDocument;
    } catch {
      // No part of the stored text in the message: it goes to the log.
      throw new Error(`The stored document of ${streamId} is not valid JSON: rebuild the read models.`);
    }
    return { streamId, ref: row.ref, doc, written: caseRowsOf(doc), dirty: false };
  }

  private put(c: LiveCase): void {
    this.evicted.delete(c.streamId);
    for (const [streamId, old] of this.live.set(c.streamId, c)) {
      if (old.dirty) this.evicted.set(streamId, old);
    }
  }

  private assignRef(): number {
    if (this.nextRef === null) {
      const max = this.db
        .statement<[], { max: number }>('SELECT COALESCE(MAX(id), 0) AS max FROM cases')
        .get();
      this.nextRef = (max?.max ?? 0) + 1;
      this.nextRefAtBatchStart ??= this.nextRef;
    }
    return this.nextRef++;
  }

  /** Writes the case's rows and returns it clean. */
  private write(c: LiveCase): LiveCase {
    const rows = caseRowsOf(c.doc);
    const json = JSON.stringify(c.doc);
    const before = c.written;
    if (before) {
      this.db.statement(UPDATE_CASE).run(...rows.changing, c.ref);
      this.db.statement('UPDATE case_documents SET doc = ? WHERE id = ?').run(json, c.ref);
    } else {
      this.db.statement(INSERT_CASE).run(c.ref, ...rows.fixed, ...rows.changing);
      this.db.statement('INSERT INTO case_documents (id, doc) VALUES (?, ?)').run(c.ref, json);
      if (this.searchIndex) {
        this.db.statement('INSERT INTO case_search (rowid, summary) VALUES (?, ?)').run(c.ref, c.doc.summary);
      }
    }
    for (const section of CHILD_SECTIONS) {
      if (before && sameRows(before[section], rows[section])) continue;
      this.replaceRows(section, c.ref, rows[section], before !== null);
    }
    return { ...c, written: rows, dirty: false };
  }

  private replaceRows(section: ChildSection, ref: number, rows: Rows, existed: boolean): void {
    const [table, width] = CHILD_TABLES[section];
    if (existed) this.db.statement(`DELETE FROM ${table} WHERE case_ref = ?`).run(ref);
    if (rows.length === 0) return;
    const insert = this.db.statement(
      `INSERT INTO ${table} VALUES (?, ${new Array(width).fill('?').join(', ')})`,
    );
    for (const row of rows) insert.run(ref, ...row);
  }
}

function sameRows(a: Rows, b: Rows): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}
