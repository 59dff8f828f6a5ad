import { type CaseState, initialState } from '@casusregie/domain';
import type { EventStore } from '@casusregie/event-store';
import { nextCaseState } from '../policy/case-state';

/** Where an event sits in its case stream: all the state cache needs to know of it. */
export interface CaseStreamPoint {
  readonly streamId: string;
  /** 0-based position in the stream. */
  readonly streamVersion: number;
}

/**
 * Case states by stream, each with the stream version it includes; least recently used first out. Whoever reads
 * case events in log order and needs `stateBefore` and `stateAfter` for `notificationsFor` keeps them here: the
 * relay (a miss reads the case stream, see `readCaseStateBefore`) and the inbox projection (a miss reads the state
 * it stored with its checkpoint). Synchronous, so it also serves a projection, whose `add` may not wait.
 */
export class CaseStateCache {
  private readonly states = new Map<string, { version: number; state: CaseState }>();

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError('cacheSize must be a positive integer');
    }
  }

  /**
   * The case state just before `event`: the initial state for the first event of a stream, the cached state when
   * it includes exactly the event before; otherwise undefined (not cached, evicted, or another version).
   */
  before(event: CaseStreamPoint): CaseState | undefined {
    if (event.streamVersion === 0) return initialState();
    const known = this.states.get(event.streamId);
    return known && known.version === event.streamVersion - 1 ? known.state : undefined;
  }

  /** Keeps `state` as the state of the stream including `event` (and marks it most recently used). */
  remember(event: CaseStreamPoint, state: CaseState): void {
    this.states.delete(event.streamId);
    this.states.set(event.streamId, { version: event.streamVersion, state });
    if (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }

  /** Forgets every state (e.g. when the states remembered may run ahead of what was committed). */
  clear(): void {
    this.states.clear();
  }

  get size(): number {
    return this.states.size;
  }
}

/**
 * The case state just before `event`, folded from the case stream up to it (for a state the cache has not got). An
 * earlier event the messaging cannot fold (an unmappable one: it went to the dead-letter topic) is skipped, the state
 * staying as before it, exactly as the relay's mapping keeps it when it meets that event.
 */
export async function readCaseStateBefore(store: EventStore, event: CaseStreamPoint): Promise<CaseState> {
  const earlier =
    event.streamVersion === 0
      ? []
      : await store.readStream(event.streamId, { maxCount: event.streamVersion });
  let state = initialState();
  for (const envelope of earlier) {
    try {
      state = nextCaseState(state, envelope);
    } catch {
      // Unmappable: dead-lettered when the relay met it; the state stays as before it.
    }
  }
  return state;
}
