import type { StoredEvent } from '@casusregie/event-store';

/**
 * A read model fed by a ProjectionRunner. The runner calls `apply` inside an open transaction on the read-model
 * database and stores the checkpoint in the same transaction, so the rows and the checkpoint commit together.
 */
export interface Projection {
  /** The checkpoint name; stable across releases (a new name means a new read model built from position 0). */
  readonly name: string;
  /**
   * Applies events in log order. Runs inside the transaction: throwing rolls back every row of the batch and the
   * checkpoint. Throw a ProjectionEventError to name the event that could not be handled.
   */
  apply(events: readonly StoredEvent[]): void;
  /** The batch committed: in-memory caches may keep what `apply` computed. */
  committed(): void;
  /** The batch was rolled back: forget everything `apply` computed for it. */
  rolledBack(): void;
}
