import type { CaseCommandOf } from './command';

/**
 * A liaison or coordinator marks a notification of the inbox as seen, for their own organisation (from the
 * metadata). The domain cannot know whether the notification exists: the API checks that against the inbox.
 */
export type AcknowledgeNotification = CaseCommandOf<
  'AcknowledgeNotification',
  {
    caseId: string;
    /** The notification id as `notificationIdOf` (libs/messaging) makes it: a lower-case UUID. */
    notificationId: string;
    /** The notification kind (e.g. `deadline-missed`), when the caller knows it. */
    kind?: string | null;
  }
>;

export type NotificationCommand = AcknowledgeNotification;
