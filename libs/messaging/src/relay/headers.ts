import type { StoredEvent } from '@casusregie/event-store';

/**
 * The coordinates of a stored event as message headers (research/tech.md 3.2). Every message the relay sends
 * carries `event-id`: consumers dedupe on it, because the relay delivers at least once.
 */
export function eventHeaders(event: StoredEvent): Record<string, string> {
  return {
    'event-id': event.eventId,
    'event-type': event.type,
    'schema-version': String(event.metadata.schemaVersion),
    'stream-id': event.streamId,
    'stream-position': String(event.streamVersion),
    'global-position': String(event.globalPosition),
    'correlation-id': event.metadata.correlationId,
    'causation-id': event.metadata.causationId,
  };
}
