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
  gaps: ['case_gaps', 5],
  sessions: ['case_sessions', 4],
  escalations: ['case_escalations', 7],
  offers: ['case_offers', 7],
  waiting: ['case_waiting', 3],
} as const;
type ChildSection = keyof typeof CHILD_TABLES;
const CHILD_SECTIONS = Object.keys(CHILD_TABLES) as ChildSection[];

interface Entry {
  /** cases.id */
  readonly ref: number;
  readonly doc: CaseDocument;
  /** JSON of each child section's rows, to rewrite only the sections an event changed. */
  readonly signatures: Readonly<Record<ChildSection, string>>;
}

const ALL_COLUMNS = [...FIXED_CASE_COLUMNS, ...CHANGING_CASE_COLUMNS];
const INSERT_CASE = `INSERT INTO cases (${ALL_COLUMNS.join(', ')}) VALUES (${ALL_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_CASE = `UPDATE cases SET ${CHANGING_CASE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
const LOAD_CASE =
  'SELECT c.id AS ref, d.doc AS doc FROM cases c JOIN case_documents d ON d.id = c.id WHERE c.stream_id = ?';

export interface CaseProjectionOptions {
  /** Case documents kept in memory between batches (default 10,000). */
  readonly cacheSize?: number;
}

/**
 * Folds each case stream into its CaseDocument and keeps the read-model tables in step with it: the `cases` row,
 * the document, and the child tables (organisations, gaps, sessions, escalations, offers, waiting periods).
 *
 * Within a batch every case is written once, after all its events in the batch are folded. Documents of committed
 * batches stay in an LRU cache; a rolled-back batch leaves the cache as it was (pending entries are dropped).
 * One instance belongs to one database: after a reset, create a new one.
 */
export class CaseProjection implements Projection {
  readonly name = CASE_READ_MODELS;
  private readonly cache: LruCache<string, Entry>;
  private readonly pending = new Map<string, Entry>();

  constructor(
    private readonly db: ReadModelDatabase,
    options: CaseProjectionOptions = {},
  ) {
    this.cache = new LruCache(options.cacheSize ?? 10_000);
  }

  apply(events: readonly StoredEvent[]): void {
    const touched = new Map<string, { before: Entry | null; doc: CaseDocument | null }>();
    for (const event of events) {
      let t = touched.get(event.streamId);
      if (!t) {
        const before = this.load(event.streamId);
        t = { before, doc: before?.doc ?? null };
        touched.set(event.streamId, t);
      }
      t.doc = foldCaseEvent(t.doc, event);
    }
    for (const [streamId, t] of touched) this.pending.set(streamId, this.write(t.before, t.doc!));
  }

  committed(): void {
    for (const [streamId, entry] of this.pending) this.cache.set(streamId, entry);
    this.pending.clear();
  }

  rolledBack(): void {
    this.pending.clear();
  }

  private load(streamId: string): Entry | null {
    const cached = this.cache.get(streamId);
    if (cached) return cached;
    const row = this.db.statement<[string], { ref: number; doc: string }>(LOAD_CASE).get(streamId);
    if (!row) return null;
    const doc = JSON.parse(row.doc) as CaseDocument;
    return { ref: row.ref, doc, signatures: signaturesOf(caseRowsOf(doc)) };
  }

  private write(before: Entry | null, doc: CaseDocument): Entry {
    const rows = caseRowsOf(doc);
    const signatures = signaturesOf(rows);
    const json = JSON.stringify(doc);
    let ref: number;
    if (before) {
      ref = before.ref;
      this.db.statement(UPDATE_CASE).run(...rows.changing, ref);
      this.db.statement('UPDATE case_documents SET doc = ? WHERE id = ?').run(json, ref);
    } else {
      ref = Number(this.db.statement(INSERT_CASE).run(...rows.fixed, ...rows.changing).lastInsertRowid);
      this.db.statement('INSERT INTO case_documents (id, doc) VALUES (?, ?)').run(ref, json);
      this.db.statement('INSERT INTO case_search (rowid, summary) VALUES (?, ?)').run(ref, doc.summary);
    }
    for (const section of CHILD_SECTIONS) {
      if (before && before.signatures[section] === signatures[section]) continue;
      this.replaceRows(section, ref, rows[section], before !== null);
    }
    return { ref, doc, signatures };
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

function signaturesOf(rows: CaseRows): Record<ChildSection, string> {
  const signatures = {} as Record<ChildSection, string>;
  for (const section of CHILD_SECTIONS) signatures[section] = JSON.stringify(rows[section]);
  return signatures;
}
