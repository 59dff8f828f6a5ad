/**
 * Messaging of casusregie: the notification policy, the public form of case events and the shapes of the Kafka
 * messages (docs/MESSAGES.md). The policy and the mappings are pure; the Kafka port and the relay live beside them.
 */
export * from './policy/case-state';
export * from './policy/deadline-watch-events';
export {
  readEnvelope,
  UnmappableEventError,
  type EventCoordinates,
  type ReadEvent,
  type StoredCaseEventEnvelope,
} from './policy/envelope';
export * from './policy/notification';
export * from './policy/notification-message';
export { ASKED_BY_DEADLINE_KIND, notificationsFor } from './policy/notifications-for';
export * from './public-events/case-event-message';
export * from './public-events/public-case-event';
export {
  NESTED_FREE_TEXT,
  PUBLIC_CASE_EVENT_TYPES,
  PUBLIC_DATA_RULES,
  removedFields,
  type FieldRule,
  type PublicDataRule,
} from './public-events/public-data';

// The relay from the event store to a broker, and its kafkajs adapter.
export * from './relay/message-publisher';
export * from './relay/event-relay';
export * from './relay/case-messages';
export * from './relay/dead-letter';
export * from './relay/headers';
export * from './relay/backoff';
export * from './relay/relay-logger';
export * from './relay/relay-supervisor';
export * from './kafka/kafka-config';
export * from './kafka/kafka-message-publisher';
export * from './kafka/kafka-relay';

// The deadline watcher: turns passing time into case events (DeadlineApproaching, DeadlineMissed, the birthday).
export * from './watcher/deadline-watcher';
export { CaseWatchMemory } from './watcher/case-watch-memory';
export { type CaseWatchResult, type WatchCaseInput, watchCase } from './watcher/watch-case';
export { type WatchDecision, type WatchRefusal, decideWatch, nextWatchDate } from './watcher/watch-decision';
export { watchEventIds } from './watcher/watch-event-ids';
