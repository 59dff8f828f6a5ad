import type { CaseState } from '@casusregie/domain';
import type { StoredEvent } from '@casusregie/event-store';
import { CaseStateCache } from '@casusregie/messaging';
import type { ReadModelDatabase } from '../database/read-model-database';
import { ProjectionEventError } from '../runner/errors';

const LOAD = 'SELECT version, state FROM inbox_case_states WHERE stream_id = ?';
const SAVE =
  'INSERT INTO inbox_case_states (stream_id, version, state) VALUES (?, ?, ?) ' +
  'ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state';

/**
 * The case states the inbox projection needs for `notificationsFor`, kept as the relay keeps them (messaging's
 * CaseStateCache), but backed by the inbox file instead of the event log: a projection's `add` cannot wait for a
 * read of the log. The states a batch produced are written with the batch (and its checkpoint), so the stored state
 * of a case is always the one just after the last event the inbox applied.
 */
export class InboxCaseStates {
  private readonly cache: CaseStateCache;
  /** States produced by the open batch, by stream: written by flush(). */
  private readonly pending = new Map<string, { version: number; state: CaseState }>();

  constructor(
    private readonly db: ReadModelDatabase,
    cacheSize: number,
  ) {
    this.cache = new CaseStateCache(cacheSize);
  }

  /** The state of the event's case just before it. */
  before(event: StoredEvent): CaseState {
    const cached = this.cache.before(event);
    if (cached) return cached;
    const open = this.pending.get(event.streamId);
    if (open && open.version === event.streamVersion - 1) return open.state;
    const stored = this.db.statement<[string], { version: number; state: string }>(LOAD).get(event.streamId);
    if (stored && stored.version === event.streamVersion - 1) return JSON.parse(stored.state) as CaseState;
    throw new ProjectionEventError(
      event,
      `The inbox has no state of the case just before this event (it holds version ${stored?.version ?? 'none'})`,
    );
  }

  remember(event: StoredEvent, state: CaseState): void {
    this.cache.remember(event, state);
    this.pending.set(event.streamId, { version: event.streamVersion, state });
  }

  /** Inside the batch's transaction. */
  flush(): void {
    const save = this.db.statement(SAVE);
    for (const [streamId, { version, state }] of this.pending)
      save.run(streamId, version, JSON.stringify(state));
  }

  committed(): void {
    this.pending.clear();
  }

  /** The cache may hold states of the dropped batch: forget them all; the stored states are the committed ones. */
  rolledBack(): void {
    this.pending.clear();
    this.cache.clear();
  }
}
