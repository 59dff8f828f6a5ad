import type { StoredEvent } from '@casusregie/event-store';
import { eventHeaders } from './headers';
import type { OutgoingMessage } from './message-publisher';

export const DEAD_LETTER_TOPIC = 'casusregie.dead-letter.v1';
export const DEAD_LETTER_SCHEMA_VERSION = 1;

export type DeadLetterReason = 'unmappable' | 'message-too-large';

/**
 * What the dead-letter topic holds: the coordinates of an event the relay could not publish, never its data (the
 * data may hold personal data; an operator reads the event from the store by its position or id).
 */
export interface DeadLetter {
  readonly relay: string;
  readonly reason: DeadLetterReason;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventSchemaVersion: number;
  readonly recordedAt: string;
  readonly error: { readonly name: string; readonly message: string };
  readonly deadLetteredAt: string;
}

const MAX_ERROR_MESSAGE = 500;

export function deadLetterMessage(
  relay: string,
  event: StoredEvent,
  reason: DeadLetterReason,
  error: unknown,
  now: Date,
  topic = DEAD_LETTER_TOPIC,
): OutgoingMessage {
  const letter: DeadLetter = {
    relay,
    reason,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    eventId: event.eventId,
    eventType: event.type,
    eventSchemaVersion: event.metadata.schemaVersion,
    recordedAt: event.metadata.recordedAt,
    error: describeError(error),
    deadLetteredAt: now.toISOString(),
  };
  return {
    topic,
    key: event.streamId,
    value: JSON.stringify(letter),
    headers: {
      ...eventHeaders(event),
      'message-type': 'casusregie.DeadLetter',
      'message-schema-version': String(DEAD_LETTER_SCHEMA_VERSION),
      'dead-letter-reason': reason,
      relay,
    },
  };
}

function describeError(error: unknown): { name: string; message: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    name,
    message: message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE)}…` : message,
  };
}
