import { NOTIFICATION_ACKNOWLEDGED } from '@casusregie/domain';
import type { StoredEvent } from '@casusregie/event-store';
import { nextCaseState, notificationsFor, UnmappableEventError } from '@casusregie/messaging';
import type { ReadModelDatabase } from '../database/read-model-database';
import { ProjectionEventError } from '../runner/errors';
import type { Projection } from '../runner/projection';
import { InboxCaseStates } from './inbox-case-states';
import { INBOX_PROJECTION, lastInboxSequence } from './inbox-schema';

export interface InboxProjectionOptions {
  /** Case states kept in memory (default 10,000); a miss reads the state stored with the checkpoint. */
  readonly cacheSize?: number;
  /** After each commit: the organisations that got new notifications in it (to wake their live streams). */
  readonly onNewNotifications?: (organisationIds: ReadonlySet<string>) => void;
}

interface NewRow {
  readonly notificationId: string;
  readonly sequence: number;
  readonly recipient: string;
  readonly caseId: string;
  readonly kind: string;
  readonly asked: string;
  readonly dueDate: string | null;
  readonly eventId: string;
  readonly position: number;
  readonly createdAt: string;
}

interface Acknowledgement {
  readonly notificationId: string;
  readonly organisationId: string;
  readonly at: string;
  readonly by: string;
  readonly position: number;
}

const INSERT =
  'INSERT INTO inbox_notifications (notification_id, sequence, recipient_organisation_id, case_id, kind, asked, ' +
  'due_date, event_id, global_position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
  'ON CONFLICT (notification_id) DO NOTHING';
// The first acknowledgement counts; only the recipient organisation's own acknowledgement marks its row.
const ACKNOWLEDGE =
  'UPDATE inbox_notifications SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_position = ? ' +
  'WHERE notification_id = ? AND recipient_organisation_id = ? AND acknowledged_at IS NULL';

/**
 * The liaison inbox: for each case event, the notifications of messaging's policy (`notificationsFor` with the
 * case state before and after the event), one row per notification and recipient organisation; and each
 * `NotificationAcknowledged` event marks its row acknowledged (when, by which user). Notification ids are
 * deterministic, so a replay yields the same rows; sequences are handed out in log order.
 */
export class InboxProjection implements Projection {
  readonly name = INBOX_PROJECTION;
  private readonly states: InboxCaseStates;
  private rows: NewRow[] = [];
  private acknowledgements: Acknowledgement[] = [];
  /** The next sequence to hand out; null: read it from the table (at the start, and after a rollback). */
  private nextSequence: number | null = null;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly options: InboxProjectionOptions = {},
  ) {
    this.states = new InboxCaseStates(db, options.cacheSize ?? 10_000);
  }

  add(event: StoredEvent): void {
    const before = this.states.before(event);
    let after;
    let notifications;
    try {
      after = nextCaseState(before, event);
      notifications = notificationsFor(event, before, after);
    } catch (error) {
      if (error instanceof UnmappableEventError) {
        throw new ProjectionEventError(event, 'The notification policy cannot read this event', {
          cause: error,
        });
      }
      throw error;
    }
    this.states.remember(event, after);
    for (const n of notifications) {
      this.rows.push({
        notificationId: n.notificationId,
        sequence: this.takeSequence(),
        recipient: n.recipientOrganisationId,
        caseId: n.caseId,
        kind: n.kind,
        asked: n.asked,
        dueDate: n.dueDate ?? null,
        eventId: n.eventId,
        position: event.globalPosition,
        createdAt: event.metadata.occurredAt,
      });
    }
    if (event.type === NOTIFICATION_ACKNOWLEDGED) this.acknowledgements.push(acknowledgementOf(event));
  }

  flush(): void {
    this.states.flush();
    const insert = this.db.statement(INSERT);
    for (const r of this.rows) {
      insert.run(
        r.notificationId,
        r.sequence,
        r.recipient,
        r.caseId,
        r.kind,
        r.asked,
        r.dueDate,
        r.eventId,
        r.position,
        r.createdAt,
      );
    }
    const acknowledge = this.db.statement(ACKNOWLEDGE);
    for (const a of this.acknowledgements) {
      acknowledge.run(a.at, a.by, a.position, a.notificationId, a.organisationId);
    }
  }

  committed(): void {
    const recipients = new Set(this.rows.map((r) => r.recipient));
    this.rows = [];
    this.acknowledgements = [];
    this.states.committed();
    if (recipients.size > 0) this.options.onNewNotifications?.(recipients);
  }

  rolledBack(): void {
    this.rows = [];
    this.acknowledgements = [];
    this.nextSequence = null;
    this.states.rolledBack();
  }

  private takeSequence(): number {
    this.nextSequence ??= lastInboxSequence(this.db) + 1;
    return this.nextSequence++;
  }
}

function acknowledgementOf(event: StoredEvent): Acknowledgement {
  const data = event.data as { notificationId?: unknown; organisationId?: unknown };
  if (typeof data.notificationId !== 'string' || typeof data.organisationId !== 'string') {
    throw new ProjectionEventError(event, 'The acknowledgement names no notification or organisation');
  }
  return {
    notificationId: data.notificationId,
    organisationId: data.organisationId,
    at: event.metadata.occurredAt,
    by: event.metadata.actor.userId,
    position: event.globalPosition,
  };
}
