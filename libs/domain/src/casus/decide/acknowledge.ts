import type { AcknowledgeNotification } from '../commands/notifications';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { hasAcknowledged } from '../evolve/notices';
import type { CaseState } from '../state';

/** A notification id as `notificationIdOf` (libs/messaging) lays it out: an RFC 9562 version-8 UUID. */
const NOTIFICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A notification kind: a lower-case code such as `deadline-missed`. */
const KIND = /^[a-z][a-z0-9-]{0,63}$/;

export function requireNotificationId(value: unknown): string {
  const id = typeof value === 'string' ? value.toLowerCase() : '';
  if (!NOTIFICATION_ID.test(id)) {
    refuse(
      'invalid-notification-id',
      'The notification id must be a notification UUID as the inbox gives it (version 8, e.g. ' +
        '3f2c1a4e-9b7d-8c21-a5e3-0d4f6b7a8c9e).',
    );
  }
  return id;
}

function optionalKind(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !KIND.test(value)) {
    refuse('invalid-value', 'The notification kind must be a lower-case code such as deadline-missed.');
  }
  return value;
}

/**
 * A liaison or coordinator acknowledges a notification for their own organisation. Idempotent: the same
 * organisation acknowledging the same notification again gives no event. Allowed on a closed case (the inbox still
 * shows its notifications); whether the notification exists and concerns the organisation is the API's check.
 */
export function acknowledgeNotification(command: AcknowledgeNotification, state: CaseState): CaseEvent[] {
  const { metadata, data } = command;
  if (metadata.role !== 'liaison' && metadata.role !== 'coordinator') {
    refuse('role-not-allowed', 'Only a liaison or a coordinator acknowledges notifications.');
  }
  const notificationId = requireNotificationId(data.notificationId);
  const kind = optionalKind(data.kind);
  if (hasAcknowledged(state, notificationId, metadata.organisationId)) return [];
  return [
    {
      type: 'casus.NotificationAcknowledged.v1',
      data: {
        caseId: state.caseId!,
        notificationId,
        organisationId: metadata.organisationId,
        kind,
        occurredAt: metadata.now,
      },
    },
  ];
}
