import type { AskedAction, NotificationKind } from '@casusregie/messaging';
import { caseLink } from '@casusregie/messaging';
import type { ReadModelDatabase } from '../database/read-model-database';
import { decodeCursor, encodeCursor } from '../queries/cursor';
import { ReadModelQueryError } from '../queries/query-error';
import { lastInboxSequence } from './inbox-schema';

/** A notification in an organisation's inbox. Ids, codes and dates only: never personal data or free text. */
export interface InboxItem {
  readonly notificationId: string;
  /** Strictly increasing in log order: the id of the server-sent event. */
  readonly sequence: number;
  readonly kind: NotificationKind;
  readonly caseId: string;
  readonly asked: AskedAction;
  /** Dutch calendar date by whose end the answer or action is due; null when nothing is due. */
  readonly dueDate: string | null;
  /** Due before `today` and not acknowledged. */
  readonly overdue: boolean;
  /** The case in the console and the API. */
  readonly link: string;
  /** The case event the notification follows from, and its global position. */
  readonly eventId: string;
  readonly position: number;
  /** When the fact happened (the event's occurredAt). */
  readonly createdAt: string;
  /** Who of the organisation acknowledged it (user id) and when; null while open. */
  readonly acknowledged: { readonly at: string; readonly by: string } | null;
}

export type InboxState = 'open' | 'acknowledged';

export interface InboxFilter {
  /** Only these kinds. */
  readonly kinds?: readonly string[];
  readonly state?: InboxState;
  /** true: due before `today` and open; false: everything else. */
  readonly overdue?: boolean;
  /** Today's Dutch calendar date ('YYYY-MM-DD'), for `overdue`. */
  readonly today: string;
}

export interface InboxPage {
  readonly items: InboxItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const DEFAULT_INBOX_PAGE_SIZE = 50;
export const MAX_INBOX_PAGE_SIZE = 200;

const CURSOR_KIND = 'inbox';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS =
  'notification_id, sequence, kind, case_id, asked, due_date, event_id, global_position, created_at, ' +
  'acknowledged_at, acknowledged_by';

interface Row {
  readonly notification_id: string;
  readonly sequence: number;
  readonly kind: string;
  readonly case_id: string;
  readonly asked: string;
  readonly due_date: string | null;
  readonly event_id: string;
  readonly global_position: number;
  readonly created_at: string;
  readonly acknowledged_at: string | null;
  readonly acknowledged_by: string | null;
}

/**
 * The inbox queries. Every one is for ONE recipient organisation, given by the caller (the API passes the
 * caller's own organisation): there is no query over several organisations' inboxes.
 */
export class InboxQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Newest first, filtered, paged by an opaque keyset cursor (stable while notifications arrive). */
  list(
    organisationId: string,
    filter: InboxFilter,
    cursor: string | null = null,
    limit = DEFAULT_INBOX_PAGE_SIZE,
  ): InboxPage {
    requireOrganisation(organisationId);
    const today = requireDate(filter.today);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_INBOX_PAGE_SIZE) {
      throw new ReadModelQueryError('invalid-argument', `limit must be 1 to ${MAX_INBOX_PAGE_SIZE}.`);
    }
    const where = ['recipient_organisation_id = ?'];
    const params: (string | number)[] = [organisationId];
    if (filter.kinds !== undefined) {
      if (filter.kinds.length === 0) return { items: [], nextCursor: null };
      where.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
      params.push(...filter.kinds);
    }
    if (filter.state === 'open') where.push('acknowledged_at IS NULL');
    if (filter.state === 'acknowledged') where.push('acknowledged_at IS NOT NULL');
    if (filter.overdue === true) {
      where.push('acknowledged_at IS NULL AND due_date < ?');
      params.push(today);
    }
    if (filter.overdue === false) {
      where.push('(acknowledged_at IS NOT NULL OR due_date IS NULL OR due_date >= ?)');
      params.push(today);
    }
    if (cursor !== null) {
      const [sequence] = decodeCursor(cursor, CURSOR_KIND, 1);
      if (typeof sequence !== 'number') throw new ReadModelQueryError('invalid-cursor', 'Invalid cursor.');
      where.push('sequence < ?');
      params.push(sequence);
    }
    const rows = this.db
      .statement<(string | number)[], Row>(
        `SELECT ${COLUMNS} FROM inbox_notifications WHERE ${where.join(' AND ')} ` +
          'ORDER BY sequence DESC LIMIT ?',
      )
      .all(...params, limit + 1);
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((row) => itemOf(row, today));
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor(CURSOR_KIND, [last.sequence]) : null };
  }

  /** One notification of the organisation's inbox; null when it is not in that inbox (or does not exist). */
  find(organisationId: string, notificationId: string, today: string): InboxItem | null {
    requireOrganisation(organisationId);
    const row = this.db
      .statement<[string, string], Row>(
        `SELECT ${COLUMNS} FROM inbox_notifications WHERE notification_id = ? AND recipient_organisation_id = ?`,
      )
      .get(notificationId, organisationId);
    return row ? itemOf(row, requireDate(today)) : null;
  }

  /** The organisation's notifications after `sequence`, oldest first (a live stream catching up). */
  after(organisationId: string, sequence: number, today: string, limit = MAX_INBOX_PAGE_SIZE): InboxItem[] {
    requireOrganisation(organisationId);
    const day = requireDate(today);
    return this.db
      .statement<[string, number, number], Row>(
        `SELECT ${COLUMNS} FROM inbox_notifications WHERE recipient_organisation_id = ? AND sequence > ? ` +
          'ORDER BY sequence LIMIT ?',
      )
      .all(organisationId, sequence, limit)
      .map((row) => itemOf(row, day));
  }

  /** The highest sequence handed out so far (0 when the inbox is empty): where a new live stream starts. */
  lastSequence(): number {
    return lastInboxSequence(this.db);
  }
}

function itemOf(row: Row, today: string): InboxItem {
  const acknowledged =
    row.acknowledged_at === null ? null : { at: row.acknowledged_at, by: row.acknowledged_by ?? '' };
  return {
    notificationId: row.notification_id,
    sequence: row.sequence,
    kind: row.kind as NotificationKind,
    caseId: row.case_id,
    asked: row.asked as AskedAction,
    dueDate: row.due_date,
    overdue: acknowledged === null && row.due_date !== null && row.due_date < today,
    link: caseLink(row.case_id),
    eventId: row.event_id,
    position: row.global_position,
    createdAt: row.created_at,
    acknowledged,
  };
}

function requireOrganisation(organisationId: string): void {
  if (typeof organisationId !== 'string' || organisationId === '') {
    throw new ReadModelQueryError('invalid-argument', 'An inbox belongs to one organisation: name it.');
  }
}

function requireDate(value: string): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new ReadModelQueryError('invalid-argument', 'today must be a calendar date (YYYY-MM-DD).');
  }
  return value;
}
