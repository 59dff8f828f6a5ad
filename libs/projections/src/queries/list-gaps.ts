import type { CaseType, NeedCategory, Urgency } from '@casusregie/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { type AccessFilter, accessCondition, whereClause } from './access-filter';
import { decodeCursor, encodeCursor } from './cursor';
import { ReadModelQueryError } from './query-error';
import { MS_PER_DAY, instant, isoOf } from './time';

export interface GapItem {
  readonly caseId: string;
  readonly tableId: string;
  readonly caseType: CaseType;
  readonly urgency: Urgency;
  readonly needId: string;
  readonly category: NeedCategory;
  /** When the event that left the need without holder happened (its occurredAt). */
  readonly since: string;
  readonly sincePosition: number;
  readonly sinceEventType: string;
  /** Whole days (24 hours) from `since` to `now`. */
  readonly days: number;
}

export interface GapPage {
  readonly items: GapItem[];
  readonly nextCursor: string | null;
}

export const MAX_GAP_PAGE_SIZE = 1000;

interface GapRow {
  case_ref: number;
  case_id: string;
  table_id: string;
  case_type: CaseType;
  urgency: Urgency;
  need_id: string;
  category: NeedCategory;
  since_at: number;
  since_position: number;
  since_event_type: string;
}

/**
 * Needs without an accepted or provisional holder in effect, of the cases `access` may see that are not closed,
 * the longest-standing first.
 */
export function listGaps(
  db: ReadModelDatabase,
  access: AccessFilter,
  now: string,
  page: { readonly cursor?: string | null; readonly limit?: number } = {},
): GapPage {
  const nowMs = instant(now);
  const limit = page.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_GAP_PAGE_SIZE) {
    throw new ReadModelQueryError(
      'invalid-argument',
      `limit must be a whole number from 1 to ${MAX_GAP_PAGE_SIZE}.`,
    );
  }
  const conditions = accessCondition(access, { table: 'g.table_id', ref: 'g.case_ref' });
  if (page.cursor) {
    conditions.push({
      sql: '(g.since_at, g.case_ref, g.need_id) > (?, ?, ?)',
      params: decodeCursor(page.cursor, 'gaps', 3),
    });
  }
  const where = whereClause(conditions);
  const rows = db
    .statement<unknown[], GapRow>(
      'SELECT g.case_ref, c.case_id, g.table_id, c.case_type, c.urgency, g.need_id, g.category, g.since_at, ' +
        'g.since_position, g.since_event_type FROM case_gaps g JOIN cases c ON c.id = g.case_ref ' +
        `${where.sql} ORDER BY g.since_at, g.case_ref, g.need_id LIMIT ?`,
    )
    .all(...where.params, limit + 1);
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map((row) => ({
    caseId: row.case_id,
    tableId: row.table_id,
    caseType: row.case_type,
    urgency: row.urgency,
    needId: row.need_id,
    category: row.category,
    since: isoOf(row.since_at),
    sincePosition: row.since_position,
    sinceEventType: row.since_event_type,
    days: Math.max(0, Math.floor((nowMs - row.since_at) / MS_PER_DAY)),
  }));
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: more ? encodeCursor('gaps', [last.since_at, last.case_ref, last.need_id]) : null,
  };
}
