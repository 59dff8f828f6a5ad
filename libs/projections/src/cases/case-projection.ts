import type { StoredEvent } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../runner/projection';
import type { CaseDocument } from './case-document';
import { CASE_COLUMNS, type CaseRows, type Rows, caseRowsOf } from './case-rows';
import { foldCaseEvent } from './fold-case-event';
import { LruCache } from './lru-cache';

/** The checkpoint name of the case read models. */
export const CASE_READ_MODELS = 'case-read-models';

const CHILD_TABLES = {
  organisations: 'case_organisations',
  gaps: 'case_gaps',
  sessions: 'case_sessions',
  escalations: 'case_escalations',
  offers: 'case_offers',
  waiting: 'case_waiting',
} as const;
type ChildSection = keyof typeof CHILD_TABLES;
const CHILD_SECTIONS = Object.keys(CHILD_TABLES) as ChildSection[];
const CHILD_WIDTH: Readonly<Record<ChildSection, number>> = {
  organisations: 4,
  gaps: 6,
  sessions: 5,
  escalations: 8,
  offers: 8,
  waiting: 4,
};

interface Entry {
  readonly doc: CaseDocument;
  /** JSON of each child section's rows, to rewrite only the sections an event changed. */
  readonly signatures: Readonly<Record<ChildSection, string>>;
}

const UPSERT_CASE =
  `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')}) ` +
  `ON CONFLICT (case_id) DO UPDATE SET ${CASE_COLUMNS.slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')} RETURNING id`;

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
    const row = this.db
      .statement<[string], { doc: string }>('SELECT doc FROM case_documents WHERE stream_id = ?')
      .get(streamId);
    if (!row) return null;
    const doc = JSON.parse(row.doc) as CaseDocument;
    return { doc, signatures: signaturesOf(caseRowsOf(doc)) };
  }

  private write(before: Entry | null, doc: CaseDocument): Entry {
    const rows = caseRowsOf(doc);
    const signatures = signaturesOf(rows);
    const { id } = this.db.statement<unknown[], { id: number }>(UPSERT_CASE).get(...rows.caseRow)!;
    if (!before) {
      this.db.statement('INSERT INTO case_search (rowid, summary) VALUES (?, ?)').run(id, doc.summary);
    }
    this.db
      .statement(
        'INSERT INTO case_documents (stream_id, case_id, doc) VALUES (?, ?, ?) ' +
          'ON CONFLICT (stream_id) DO UPDATE SET doc = excluded.doc',
      )
      .run(doc.streamId, doc.caseId, JSON.stringify(doc));
    for (const section of CHILD_SECTIONS) {
      if (before && before.signatures[section] === signatures[section]) continue;
      this.replaceRows(section, doc.caseId, rows[section], before !== null);
    }
    return { doc, signatures };
  }

  private replaceRows(section: ChildSection, caseId: string, rows: Rows, existed: boolean): void {
    const table = CHILD_TABLES[section];
    if (existed) this.db.statement(`DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
    if (rows.length === 0) return;
    const insert = this.db.statement(
      `INSERT INTO ${table} VALUES (${new Array(CHILD_WIDTH[section]).fill('?').join(', ')})`,
    );
    for (const row of rows) insert.run(...row);
  }
}

function signaturesOf(rows: CaseRows): Record<ChildSection, string> {
  const signatures = {} as Record<ChildSection, string>;
  for (const section of CHILD_SECTIONS) signatures[section] = JSON.stringify(rows[section]);
  return signatures;
}
