import type { ReadModelDatabase } from '../database/read-model-database';
import { type AccessFilter, accessCondition, whereClause } from './access-filter';
import { type CaseListItem, listItemOf } from './list-cases';
import { ReadModelQueryError } from './query-error';

export interface AgendaItem {
  readonly sessionId: string;
  readonly sessionDate: string;
  readonly discussed: boolean;
  readonly case: CaseListItem;
}

export interface Agenda {
  readonly tableId: string;
  readonly date: string;
  /** Per session, the most urgent and longest waiting cases first. */
  readonly items: AgendaItem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The cases on the agenda of the table's sessions on `date` ('YYYY-MM-DD'), within what `access` may see. */
export function agenda(db: ReadModelDatabase, tableId: string, date: string, access: AccessFilter): Agenda {
  if (typeof tableId !== 'string' || tableId === '') {
    throw new ReadModelQueryError('invalid-argument', 'tableId is required.');
  }
  if (typeof date !== 'string' || !DATE.test(date)) {
    throw new ReadModelQueryError('invalid-argument', 'date must be a calendar date (YYYY-MM-DD).');
  }
  const where = whereClause([
    { sql: 's.table_id = ? AND s.session_date = ?', params: [tableId, date] },
    ...accessCondition(access),
  ]);
  const rows = db
    .statement<
      unknown[],
      Parameters<typeof listItemOf>[0] & { session_id: string; session_date: string; discussed: number }
    >(
      'SELECT s.session_id, s.session_date, s.discussed, c.case_id, c.table_id, c.case_type, c.urgency, c.status, ' +
        'c.summary, c.registered_at, c.updated_at, c.gap_count, c.escalated, c.next_due_on, c.version, ' +
        'c.last_position, c.urgency_order FROM case_sessions s JOIN cases c ON c.id = s.case_ref ' +
        `${where.sql} ORDER BY s.session_id, c.urgency_order, c.registered_at, c.case_id`,
    )
    .all(...where.params);
  return {
    tableId,
    date,
    items: rows.map((row) => ({
      sessionId: row.session_id,
      sessionDate: row.session_date,
      discussed: row.discussed === 1,
      case: listItemOf(row, null),
    })),
  };
}
