import type { CaseStatus, CaseType, Urgency } from '@casusregie/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import {
  type AccessFilter,
  type SqlCondition,
  accessCondition,
  involvesOrganisation,
  placeholders,
  whereClause,
} from './access-filter';
import { decodeCursor, encodeCursor } from './cursor';
import { ReadModelQueryError } from './query-error';
import { dutchDateOf, isoOf } from './time';
import { foldText } from '../cases/case-rows';

export type ListedCaseStatus = Exclude<CaseStatus, 'none'>;

export interface CaseListFilter {
  readonly tableId?: string | readonly string[];
  readonly status?: ListedCaseStatus | readonly ListedCaseStatus[];
  readonly caseType?: CaseType | readonly CaseType[];
  /** The organisation is a party or a financier asked to answer. */
  readonly organisationId?: string;
  /** Has an open need without an accepted or provisional holder. */
  readonly hasGap?: boolean;
  /** A deadline is missed at `now`. */
  readonly overdue?: boolean;
  /** An escalation is open. */
  readonly escalated?: boolean;
  /** Case-insensitive substring of the summary. */
  readonly text?: string;
  /** ISO instant: the moment `overdue` is judged at (required with `overdue`; also sets each item's `overdue`). */
  readonly now?: string;
}

export type CaseSortField = 'registeredAt' | 'updatedAt' | 'urgency';

/**
 * registeredAt and updatedAt: by that time (default desc: newest first). urgency: spoed, hoog, normaal, then the
 * longest waiting first (default desc: most urgent first; asc reverses it).
 */
export interface CaseSort {
  readonly by: CaseSortField;
  readonly direction?: 'asc' | 'desc';
}

export interface CaseListItem {
  readonly caseId: string;
  readonly tableId: string;
  readonly caseType: CaseType;
  readonly urgency: Urgency;
  readonly status: ListedCaseStatus;
  readonly summary: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly hasGap: boolean;
  readonly gapCount: number;
  readonly escalated: boolean;
  /** Earliest effective due date of the open deadlines whose clock runs. */
  readonly nextDueOn: string | null;
  /** A deadline is missed at `now`; null when no `now` was given. */
  readonly overdue: boolean | null;
  readonly version: number;
  readonly lastPosition: number;
}

export interface CaseListPage {
  readonly items: CaseListItem[];
  /** Pass back for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const DEFAULT_CASE_SORT: CaseSort = { by: 'updatedAt', direction: 'desc' };
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const SORT_COLUMNS: Readonly<Record<CaseSortField, readonly string[]>> = {
  registeredAt: ['registered_at', 'case_id'],
  updatedAt: ['updated_at', 'case_id'],
  urgency: ['urgency_order', 'registered_at', 'case_id'],
};

interface CaseRow {
  case_id: string;
  table_id: string;
  case_type: CaseType;
  urgency: Urgency;
  status: ListedCaseStatus;
  summary: string;
  registered_at: number;
  updated_at: number;
  gap_count: number;
  escalated: number;
  next_due_on: string | null;
  version: number;
  last_position: number;
  urgency_order: number;
}

/** The work queue: filtered, sorted and cursor-paged, within what `access` may see. */
export function listCases(
  db: ReadModelDatabase,
  access: AccessFilter,
  filter: CaseListFilter = {},
  sort: CaseSort = DEFAULT_CASE_SORT,
  cursor: string | null = null,
  limit: number = DEFAULT_PAGE_SIZE,
  tuning: { readonly trigramMatchLimit?: number } = {},
): CaseListPage {
  const pageSize = checkLimit(limit);
  const columns = SORT_COLUMNS[sort?.by];
  if (!columns) throw new ReadModelQueryError('invalid-argument', `Unknown sort: ${String(sort?.by)}.`);
  const direction = sort.direction ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') {
    throw new ReadModelQueryError('invalid-argument', `Unknown sort direction: ${String(direction)}.`);
  }
  // urgency: "desc" (most urgent first) is ascending urgency_order; the time columns sort as named.
  const ascending = sort.by === 'urgency' ? direction === 'desc' : direction === 'asc';
  const kind = `cases:${sort.by}:${direction}`;
  const today = filter.now === undefined ? null : dutchDateOf(filter.now);

  const conditions = [
    ...accessCondition(access),
    ...filterConditions(db, filter, today, tuning.trigramMatchLimit ?? TRIGRAM_MATCH_LIMIT),
  ];
  if (cursor !== null && cursor !== undefined) {
    const key = decodeCursor(cursor, kind, columns.length);
    const list = columns.map((c) => `c.${c}`).join(', ');
    conditions.push({
      sql: `(${list}) ${ascending ? '>' : '<'} (${placeholders(columns.length)})`,
      params: key,
    });
  }
  const where = whereClause(conditions);
  const order = columns.map((c) => `c.${c} ${ascending ? 'ASC' : 'DESC'}`).join(', ');
  const rows = db
    .statement<unknown[], CaseRow>(
      `SELECT c.case_id, c.table_id, c.case_type, c.urgency, c.status, c.summary, c.registered_at, ` +
        `c.updated_at, c.gap_count, c.escalated, c.next_due_on, c.version, c.last_position, c.urgency_order ` +
        `FROM cases c ${where.sql} ORDER BY ${order} LIMIT ?`,
    )
    .all(...where.params, pageSize + 1);

  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map((row) => listItemOf(row, today)),
    nextCursor:
      more && last
        ? encodeCursor(
            kind,
            columns.map((c) => last[c as keyof CaseRow] as string | number),
          )
        : null,
  };
}

export function listItemOf(row: CaseRow, today: string | null): CaseListItem {
  return {
    caseId: row.case_id,
    tableId: row.table_id,
    caseType: row.case_type,
    urgency: row.urgency,
    status: row.status,
    summary: row.summary,
    registeredAt: isoOf(row.registered_at),
    updatedAt: isoOf(row.updated_at),
    hasGap: row.gap_count > 0,
    gapCount: row.gap_count,
    escalated: row.escalated === 1,
    nextDueOn: row.next_due_on,
    overdue: today === null ? null : row.next_due_on !== null && row.next_due_on < today,
    version: row.version,
    lastPosition: row.last_position,
  };
}

function filterConditions(
  db: ReadModelDatabase,
  filter: CaseListFilter,
  today: string | null,
  trigramMatchLimit: number,
): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  const oneOf = (column: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) return;
    const values = typeof value === 'string' ? [value] : [...value];
    if (values.length === 0 || values.some((v) => typeof v !== 'string')) {
      throw new ReadModelQueryError('invalid-argument', `The ${column} filter needs one or more values.`);
    }
    conditions.push({ sql: `c.${column} IN (${placeholders(values.length)})`, params: values });
  };
  oneOf('table_id', filter.tableId);
  oneOf('status', filter.status);
  oneOf('case_type', filter.caseType);
  if (filter.organisationId !== undefined) conditions.push(involvesOrganisation(filter.organisationId));
  if (filter.hasGap !== undefined)
    conditions.push({ sql: filter.hasGap ? 'c.gap_count > 0' : 'c.gap_count = 0', params: [] });
  if (filter.escalated !== undefined)
    conditions.push({ sql: 'c.escalated = ?', params: [filter.escalated ? 1 : 0] });
  if (filter.overdue !== undefined) {
    if (today === null) throw new ReadModelQueryError('invalid-argument', 'The overdue filter needs `now`.');
    conditions.push(
      filter.overdue
        ? { sql: 'c.next_due_on < ?', params: [today] }
        : { sql: '(c.next_due_on IS NULL OR c.next_due_on >= ?)', params: [today] },
    );
  }
  if (filter.text !== undefined) {
    const condition = textCondition(db, filter.text, trigramMatchLimit);
    if (condition) conditions.push(condition);
  }
  return conditions;
}

/** Above this many matches a substring test along the sort order beats collecting every match from the index. */
const TRIGRAM_MATCH_LIMIT = 2_000;

/**
 * Case-insensitive substring search on the summary (Unicode lower case); empty text matches everything. A text
 * of three characters or more that few summaries contain is looked up in the trigram index; a text that many
 * contain (or a shorter one) is tested on the lower-cased summary of the rows the query walks in sort order, where
 * matches are dense enough to fill a page quickly. Both give the same matches.
 */
function textCondition(db: ReadModelDatabase, text: string, matchLimit: number): SqlCondition | null {
  if (typeof text !== 'string') throw new ReadModelQueryError('invalid-argument', 'text must be a string.');
  const needle = text.trim();
  if (needle === '') return null;
  const substring: SqlCondition = { sql: 'instr(c.summary_folded, ?) > 0', params: [foldText(needle)] };
  if ([...needle].length < 3) return substring;
  const match = `"${needle.replaceAll('"', '""')}"`;
  const found = db
    .statement<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT rowid FROM case_search WHERE case_search MATCH ? LIMIT ?)',
    )
    .get(match, matchLimit + 1)!;
  if (found.n > matchLimit) return substring;
  return { sql: 'c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)', params: [match] };
}

function checkLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ReadModelQueryError(
      'invalid-argument',
      `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
    );
  }
  return limit;
}
