import type { StoredEvent } from '@casusregie/event-store';

/**
 * A read model fed by a ProjectionRunner, one batch at a time:
 * 1. `add(event)` for each event of the batch, in log order, as it arrives: fold it into pending changes in memory
 *    (reading the read-model database is fine; writing is not). The runner keeps no events, so a large batch costs
 *    memory only for what the projection keeps.
 * 2. `flush()` inside ONE transaction on the read-model database, together with the runner's checkpoint: write the
 *    pending changes. Rows and checkpoint commit together, or neither does.
 * 3. `committed()` after the commit, or `rolledBack()` when `add` or `flush` threw or the commit failed: forget the
 *    pending changes (and anything cached from them).
 * Throw a ProjectionEventError from `add` to name an event that cannot be handled.
 */
export interface Projection {
  /** The checkpoint name; stable across releases (a new name means a new read model built from position 0). */
  readonly name: string;
  add(event: StoredEvent): void;
  flush(): void;
  committed(): void;
  rolledBack(): void;
}
