import Database from 'better-sqlite3';

/** The fields of a `casusregie.case-event.v1` message this consumer keeps (docs/MESSAGES.md). */
export interface CaseEventMessage {
  readonly eventId: string;
  readonly type: string;
  readonly caseId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly occurredAt: string;
}

/** The fields of a `casusregie.notification.v1` message this consumer keeps. */
export interface NotificationMessage {
  readonly notificationId: string;
  readonly kind: string;
  readonly caseId: string;
  readonly recipientOrganisationId: string;
  readonly asked: string;
  readonly dueDate?: string | null;
  readonly link: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS case_events (
  event_id       TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL,
  type           TEXT NOT NULL,
  stream_version INTEGER NOT NULL,
  occurred_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cases (
  case_id      TEXT PRIMARY KEY,
  events       INTEGER NOT NULL,
  last_type    TEXT NOT NULL,
  last_version INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tasks (
  notification_id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  case_id         TEXT NOT NULL,
  kind            TEXT NOT NULL,
  asked           TEXT NOT NULL,
  due_date        TEXT,
  link            TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The consumer's own SQLite file: what it made of the messages, and at the same time the record of which ids it
 * has processed. A message is processed in ONE transaction: insert its id (the primary key), and only when that
 * inserted a row, apply it. A duplicate (the relay publishes again after a crash; Kafka redelivers after a
 * rebalance) inserts nothing and changes nothing, also after a restart of the consumer.
 */
export class ConsumerStore {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly upsertCase: Database.Statement;
  private readonly insertTask: Database.Statement;

  constructor(filename: string) {
    this.db = new Database(filename);
    if (filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare(
      'INSERT INTO case_events (event_id, case_id, type, stream_version, occurred_at) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT DO NOTHING',
    );
    this.upsertCase = this.db.prepare(
      `INSERT INTO cases (case_id, events, last_type, last_version) VALUES (?, 1, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET events = events + 1,
         last_type = CASE WHEN excluded.last_version > last_version THEN excluded.last_type ELSE last_type END,
         last_version = MAX(last_version, excluded.last_version)`,
    );
    this.insertTask = this.db.prepare(
      'INSERT INTO tasks (notification_id, organisation_id, case_id, kind, asked, due_date, link) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  /** Applies a case event once; false when its event id was processed before (nothing changes). */
  applyCaseEvent(event: CaseEventMessage): boolean {
    return this.db.transaction(() => {
      const inserted =
        this.insertEvent.run(event.eventId, event.caseId, event.type, event.streamVersion, event.occurredAt)
          .changes === 1;
      if (inserted) this.upsertCase.run(event.caseId, event.type, event.streamVersion);
      return inserted;
    })();
  }

  /** Records a notification as a task of the organisation once; false when its id was processed before. */
  applyNotification(notification: NotificationMessage): boolean {
    return (
      this.insertTask.run(
        notification.notificationId,
        notification.recipientOrganisationId,
        notification.caseId,
        notification.kind,
        notification.asked,
        notification.dueDate ?? null,
        notification.link,
      ).changes === 1
    );
  }

  /** The local copy of a case: how many of its events arrived (each once) and the latest. */
  caseSummary(caseId: string): { events: number; lastType: string; lastVersion: number } | undefined {
    const row = this.db
      .prepare('SELECT events, last_type, last_version FROM cases WHERE case_id = ?')
      .get(caseId) as { events: number; last_type: string; last_version: number } | undefined;
    return row && { events: row.events, lastType: row.last_type, lastVersion: row.last_version };
  }

  processedEventIds(): string[] {
    return (this.db.prepare('SELECT event_id FROM case_events').all() as { event_id: string }[]).map(
      (row) => row.event_id,
    );
  }

  tasks(): NotificationMessage[] {
    return (
      this.db
        .prepare(
          'SELECT notification_id, organisation_id, case_id, kind, asked, due_date, link FROM tasks ORDER BY case_id, notification_id',
        )
        .all() as Array<Record<string, string | null>>
    ).map((row) => ({
      notificationId: row.notification_id!,
      recipientOrganisationId: row.organisation_id!,
      caseId: row.case_id!,
      kind: row.kind!,
      asked: row.asked!,
      dueDate: row.due_date,
      link: row.link!,
    }));
  }

  close(): void {
    this.db.close();
  }
}
