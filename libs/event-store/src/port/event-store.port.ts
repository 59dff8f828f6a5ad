import type {
  AppendResult,
  ChainVerification,
  EventSubscription,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from './envelope';

/**
 * The event log: the only source of truth and the outbox. Adapters: SQLite (embedded default) and
 * EventStoreDB (scaled out). Both must pass `eventStoreContract` (libs/event-store/src/contract).
 */
export interface EventStore {
  /**
   * Appends events atomically to one stream, if the stream is at `expectedVersion`. Throws ConcurrencyError
   * otherwise. Appending ids that were already stored as exactly this append returns the original result.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;

  /** Throws StreamNotFoundError for a stream with no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** Reads the global log in order, one page at a time. */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;

  /** Catches up from `fromPosition` (exclusive) and continues live, without gaps or duplicates. */
  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  /** The highest committed global position (0 for an empty log). */
  headPosition(): Promise<number>;

  streamExists(streamId: string): Promise<boolean>;

  /** The number of events in the stream (0 when absent). */
  streamVersion(streamId: string): Promise<number>;

  /** Recomputes the hash chain over [fromPosition, toPosition] and names the first position that breaks. */
  verifyChain(range?: { fromPosition?: number; toPosition?: number }): Promise<ChainVerification>;

  readonly checkpoints: CheckpointStore;

  close(): Promise<void>;
}

/** Where a processor remembers the last global position it has fully handled. */
export interface CheckpointStore {
  /** The stored position, or 0 when the processor never stored one. */
  load(processorName: string): Promise<number>;
  store(processorName: string, position: number): Promise<void>;
}

/** Dependency-injection token for the EventStore port (a plain symbol: the library stays framework-free). */
export const EVENT_STORE_PORT = Symbol.for('casusregie.EventStore');
