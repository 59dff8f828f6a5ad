import type { CaseState } from '@casusregie/domain';
import type { EventStore, StoredEvent } from '@casusregie/event-store';
import { nextCaseState } from '../policy/case-state';
import {
  NOTIFICATIONS_TOPIC,
  notificationHeaders,
  notificationKey,
  toNotificationMessageValue,
} from '../policy/notification-message';
import { notificationsFor } from '../policy/notifications-for';
import { CASE_EVENTS_TOPIC, caseEventHeaders, caseEventKey } from '../public-events/case-event-message';
import { toPublicCaseEvent } from '../public-events/public-case-event';
import { CaseStateCache, readCaseStateBefore } from './case-states';
import type { MessageMapping } from './event-relay';
import { eventHeaders } from './headers';
import type { OutgoingMessage } from './message-publisher';

// The state keeping is shared with the inbox projection (libs/projections), which reads the library's index.
export { CaseStateCache, readCaseStateBefore, type CaseStreamPoint } from './case-states';

/** Only case streams are published; every other stream (subjects, users...) never leaves the service. */
export const CASE_STREAM_PREFIX = 'case-';

/**
 * `casusregie.case-events.v1`: the public, personal-data-free form of each case event, key = case id. Events of
 * other streams give nothing; a case event without a public form throws (UnmappableEventError: dead letter).
 */
export function caseEventMessages(event: StoredEvent): OutgoingMessage[] {
  if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) return [];
  const publicEvent = toPublicCaseEvent(event);
  if (!publicEvent) return [];
  return [
    {
      topic: CASE_EVENTS_TOPIC,
      key: caseEventKey(publicEvent),
      value: JSON.stringify(publicEvent),
      headers: { ...eventHeaders(event), ...caseEventHeaders(publicEvent) },
    },
  ];
}

export interface NotificationMessagesOptions {
  /** Case states kept in memory between events (default 10,000 cases); a miss reads the case stream. */
  readonly cacheSize?: number;
}

/**
 * `casusregie.notifications.v1`: one message per notification (and so per recipient), key = the recipient
 * organisation's code. The policy needs the case state before and after the event: the mapping keeps the states of
 * recently seen cases, and reads the case stream up to the event when it has not got the state just before it
 * (after a restart, or for a case it has evicted). Call it for the events of the log in order, as the relay does.
 */
export function notificationMessages(
  store: EventStore,
  options: NotificationMessagesOptions = {},
): MessageMapping {
  return caseStateMapping(store, options, false);
}

/**
 * Both topics from one relay (one checkpoint): the public case event first, then the notifications. An event that
 * cannot be mapped for one cannot be mapped for the other either (both read it with `readEnvelope`), so it goes to
 * the dead-letter topic as a whole.
 */
export function caseMessages(store: EventStore, options: NotificationMessagesOptions = {}): MessageMapping {
  return caseStateMapping(store, options, true);
}

/**
 * An event the mapping throws on goes to the dead-letter topic; the case's state then stays as it was before that
 * event (here and in `readCaseStateBefore`, which skips it the same way), so the later events of the case are
 * published with the notifications they would have had without it.
 */
function caseStateMapping(
  store: EventStore,
  options: NotificationMessagesOptions,
  withPublicEvents: boolean,
): MessageMapping {
  const states = new CaseStateCache(options.cacheSize ?? 10_000);
  return async (event) => {
    if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) return [];
    const before = states.before(event) ?? (await readCaseStateBefore(store, event));
    let after = before;
    try {
      const publicEvents = withPublicEvents ? caseEventMessages(event) : [];
      after = nextCaseState(before, event);
      return [...publicEvents, ...notificationMessagesOf(event, before, after)];
    } catch (error) {
      after = before;
      throw error;
    } finally {
      states.remember(event, after);
    }
  };
}

function notificationMessagesOf(event: StoredEvent, before: CaseState, after: CaseState): OutgoingMessage[] {
  return notificationsFor(event, before, after).map((notification) => ({
    topic: NOTIFICATIONS_TOPIC,
    key: notificationKey(notification),
    value: JSON.stringify(toNotificationMessageValue(notification)),
    headers: { ...eventHeaders(event), ...notificationHeaders(notification) },
  }));
}
