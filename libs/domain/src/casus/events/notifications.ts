import type { DomainEvent } from '../types';

export const NOTIFICATION_ACKNOWLEDGED = 'casus.NotificationAcknowledged.v1';

/** An organisation saw a notification about the case (auditors see who saw what when). Ids and a code only. */
export type NotificationAcknowledged = DomainEvent<
  typeof NOTIFICATION_ACKNOWLEDGED,
  {
    caseId: string;
    notificationId: string;
    /** The acknowledging organisation (the actor's). */
    organisationId: string;
    /** The notification kind, when the acknowledging caller gave it. */
    kind: string | null;
    occurredAt: string;
  }
>;

export type NotificationEvent = NotificationAcknowledged;
