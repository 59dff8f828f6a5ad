import { type CaseEvent, upcast, UnknownCaseEventError } from '@casusregie/domain';
import { deadlineWatchDataProblem, isDeadlineWatchEventType } from './deadline-watch-events';

/**
 * A stored event of a case stream as the messaging library needs it. The event store's `StoredEvent` fits this
 * shape, so a subscription's events can be passed as they come. `data` is the event data in any stored version: it
 * is upcast before use.
 */
export interface StoredCaseEventEnvelope {
  readonly eventId: string;
  readonly type: string;
  /** `case-<caseId>`. */
  readonly streamId: string;
  /** 0-based position in the case stream. */
  readonly streamVersion: number;
  /** Position in the global log. */
  readonly globalPosition: number;
  readonly data: unknown;
  readonly metadata: {
    readonly correlationId: string;
    /** ISO-8601 instant of the fact (the command's `now`). */
    readonly occurredAt: string;
  };
}

/** Where an event sits in the log: what a dead-letter message must carry so the event can be found again. */
export interface EventCoordinates {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
}

/**
 * The event cannot be turned into messages: its type is unknown (a newer casusregie, or not a case event at all) or
 * its data lacks what the mapping needs. The relay sends the original event to a dead-letter topic with
 * `coordinates` and goes on. `notificationsFor` and `toPublicCaseEvent` refuse exactly the same envelopes.
 */
export class UnmappableEventError extends Error {
  readonly code = 'unmappable-event';
  readonly coordinates: EventCoordinates;

  constructor(
    envelope: Pick<StoredCaseEventEnvelope, keyof EventCoordinates>,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `Event ${envelope.eventId} (${envelope.type}, ${envelope.streamId}@${envelope.streamVersion}, ` +
        `position ${envelope.globalPosition}) cannot be mapped: ${reason}`,
      options,
    );
    this.name = 'UnmappableEventError';
    this.coordinates = {
      eventId: envelope.eventId,
      type: envelope.type,
      streamId: envelope.streamId,
      streamVersion: envelope.streamVersion,
      globalPosition: envelope.globalPosition,
    };
  }
}

/**
 * A case event read from an envelope: a domain event in its current version. (The deadline watcher's events are
 * domain events too; `source` stays for callers written when they were not.)
 */
export interface ReadEvent {
  readonly source: 'case';
  readonly event: CaseEvent;
}

/**
 * Reads the envelope's event in its current version. Domain events are upcast (e.g. a stored
 * `casus.ResponsibilityRejected.v1` reads as v2); the watcher's events are also checked against their contract.
 * Throws `UnmappableEventError` for anything else.
 */
export function readEnvelope(envelope: StoredCaseEventEnvelope): ReadEvent {
  const metadata = envelope.metadata as Partial<StoredCaseEventEnvelope['metadata']> | undefined;
  if (typeof metadata?.correlationId !== 'string' || typeof metadata.occurredAt !== 'string') {
    throw new UnmappableEventError(envelope, 'the metadata has no correlation id or occurredAt');
  }
  if (isDeadlineWatchEventType(envelope.type)) {
    const problem = deadlineWatchDataProblem(envelope.data);
    if (problem !== null) throw new UnmappableEventError(envelope, problem);
  }
  let event: CaseEvent;
  try {
    event = upcast({ type: envelope.type, data: envelope.data });
  } catch (error) {
    if (error instanceof UnknownCaseEventError) {
      throw new UnmappableEventError(envelope, 'unknown event type', { cause: error });
    }
    throw error;
  }
  const data = event.data as { readonly caseId?: unknown } | null;
  if (typeof data !== 'object' || data === null || typeof data.caseId !== 'string') {
    throw new UnmappableEventError(envelope, 'the event data has no case id');
  }
  return { source: 'case', event };
}
