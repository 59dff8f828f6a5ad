import type { ExpectedVersion } from './envelope';

/** Base class of every error the EventStore port throws on purpose. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the expected version. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'event-store.concurrency';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's actual version (0 when the stream does not exist). */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} expected version ${String(expected)} but is at version ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'event-store.stream-not-found';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/**
 * Some of the event ids were already stored, but not as exactly this append (other stream, other order, or
 * only part of the batch). A true retry of an earlier append never raises this.
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'event-store.duplicate-event-id';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event id ${eventId} is already stored, but not as a retry of this append to ${streamId}`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append request itself is malformed (empty batch, bad expected version, unserialisable data...). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'event-store.invalid-append';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

export class EventStoreClosedError extends EventStoreError {
  readonly code = 'event-store.closed';
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosedError';
  }
}
