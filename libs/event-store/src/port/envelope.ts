/** The shapes that cross the EventStore port. Everything here is plain JSON-serialisable data. */

export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly organisationId: string;
}

/** Metadata the caller supplies with an event. `recordedAt` is added by the store. */
export interface EventMetadataInput {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO-8601 instant at which the fact happened in the domain (the command's `now`). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

export interface EventMetadata extends EventMetadataInput {
  /** ISO-8601 instant at which the store committed the event. */
  readonly recordedAt: string;
}

export interface NewEvent<Data = unknown> {
  /** Client-chosen UUID: retrying an append with the same ids is idempotent. */
  readonly eventId: string;
  /** A stable, versioned name such as `casus.CaseRegistered.v1`; never derived from a class name. */
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadataInput;
}

export interface StoredEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  /** Number of events before this one in its stream (0-based). */
  readonly streamVersion: number;
  /** Position in the global log; strictly increasing, starting at 1. */
  readonly globalPosition: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** sha256(previous chainHash ‖ sha256(canonical bytes of this stored event)), hex. */
  readonly chainHash: string;
}

/**
 * Expected version of a stream before an append. A stream's version is the number of events in it; an
 * empty or absent stream has version 0.
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the expected version of the next append. */
  readonly nextExpectedVersion: number;
  readonly firstGlobalPosition: number;
  readonly lastGlobalPosition: number;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: ReadDirection;
  /**
   * Forwards: start at the event whose streamVersion is this (default 0).
   * Backwards: start at the event whose streamVersion is this (default: the last event).
   */
  readonly fromVersion?: number;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Only streams whose id starts with this prefix, e.g. `case-`. */
  readonly streamPrefix?: string;
  /** Only these event types. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: events after this global position (0 = from the start). */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface ReadAllPage {
  readonly events: StoredEvent[];
  /** Resume from here for the next page: the last position scanned (even when filtered out). */
  readonly nextPosition: number;
  /** True when the page reached the head of the log as it was when read. */
  readonly isEnd: boolean;
}

export interface SubscribeOptions extends EventFilter {
  /** Exclusive: the subscription delivers events after this position (0 = from the start). */
  readonly fromPosition?: number;
  /** Events fetched per read while catching up; bounds the memory a subscription holds. */
  readonly pageSize?: number;
  /** Stops the subscription; a pending `next()` then resolves as done. */
  readonly signal?: AbortSignal;
}

/** Catch-up then live, as one ordered async iterable. Call `stop()` (or break out of `for await`) to end it. */
export interface EventSubscription extends AsyncIterable<StoredEvent> {
  stop(): void;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly fromPosition: number;
  readonly toPosition: number;
  readonly checkedEvents: number;
  /** The first global position whose stored chain hash does not match the recomputed one. */
  readonly firstBrokenPosition?: number;
  readonly reason?: string;
}
