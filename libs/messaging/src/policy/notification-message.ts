import type { Notification } from './notification';

export const NOTIFICATIONS_TOPIC = 'casusregie.notifications.v1';
export const NOTIFICATION_SCHEMA = 'casusregie.notification.v1';

/**
 * The value of a message on `casusregie.notifications.v1` (JSON; JSON Schema:
 * libs/messaging/schemas/notification.v1.schema.json): the notification with its schema id.
 */
export interface NotificationMessageValue extends Notification {
  readonly schema: typeof NOTIFICATION_SCHEMA;
}

export function toNotificationMessageValue(notification: Notification): NotificationMessageValue {
  return { schema: NOTIFICATION_SCHEMA, ...notification };
}

/** The Kafka key of a notification: the recipient organisation's code (one partition order per organisation). */
export function notificationKey(notification: Notification): string {
  return notification.recipientOrganisationId;
}

/**
 * The headers that belong to a notification message, on top of the relay's event headers (`event-id`,
 * `event-type`, `correlation-id`...; docs/MESSAGES.md lists them all).
 */
export function notificationHeaders(notification: Notification): Record<string, string> {
  return {
    'notification-id': notification.notificationId,
    'notification-kind': notification.kind,
    'case-id': notification.caseId,
    schema: NOTIFICATION_SCHEMA,
  };
}
