import type { StoredEvent } from '@casusregie/event-store';
import { UnmappableEventError } from '../policy/envelope';
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
  readonly error: DeadLetterError;
  readonly deadLetteredAt: string;
}

/**
 * Why the mapping failed, without any exception text: an error's message may quote event data (names, free text),
 * so only the error's class name, a code and a fixed description leave the service. An operator reads the event
 * itself from the store by its position or id.
 */
export interface DeadLetterError {
  /** The error's class name (e.g. `UnmappableEventError`, `TypeError`); `Error` when it is not a plain identifier. */
  readonly name: string;
  /** `unmappable-event` (UnmappableEventError), `mapping-failed` (any other error) or `message-too-large`. */
  readonly code: DeadLetterErrorCode;
  /** A fixed sentence per code. */
  readonly description: string;
}

export type DeadLetterErrorCode = 'unmappable-event' | 'mapping-failed' | 'message-too-large';

const DESCRIPTIONS: Readonly<Record<DeadLetterErrorCode, string>> = {
  'unmappable-event':
    'The event is not a case event the mapping knows, or lacks what the mapping needs (UnmappableEventError).',
  'mapping-failed': 'The mapping threw an error or returned a malformed message.',
  'message-too-large': 'A message mapped from the event is larger than the relay allows.',
};

const ERROR_NAME = /^[A-Za-z_$][\w$]{0,63}$/;

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
    error: describeError(reason, error),
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

export function describeError(reason: DeadLetterReason, error: unknown): DeadLetterError {
  const name = error instanceof Error && ERROR_NAME.test(error.name) ? error.name : 'Error';
  const code: DeadLetterErrorCode =
    reason === 'message-too-large'
      ? 'message-too-large'
      : isUnmappableEventError(error)
        ? 'unmappable-event'
        : 'mapping-failed';
  return { name, code, description: DESCRIPTIONS[code] };
}

function isUnmappableEventError(error: unknown): boolean {
  return error instanceof UnmappableEventError && error.code === 'unmappable-event';
}
