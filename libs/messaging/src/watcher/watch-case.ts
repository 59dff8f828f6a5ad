import { setTimeout as sleep } from 'node:timers/promises';
import { type AutoEscalationConfig, foldCase } from '@casusregie/domain';
import {
  type Actor,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  StreamNotFoundError,
} from '@casusregie/event-store';
import { CASE_STREAM_PREFIX } from '../relay/case-messages';
import { type WatchRefusal, decideWatch, nextWatchDate } from './watch-decision';
import { watchEventIds } from './watch-event-ids';

export interface WatchCaseInput {
  readonly store: EventStore;
  readonly caseId: string;
  readonly now: Date;
  /** The Dutch calendar date of `now`. */
  readonly today: string;
  readonly approachingWithinDays: number;
  readonly autoEscalationFor: (tableId: string) => AutoEscalationConfig | null;
  readonly actor: Actor;
  readonly correlationId: string;
  /** Reads and decisions before a case that keeps changing under the watcher is left for the next tick. */
  readonly maxAttempts: number;
}

export type CaseWatchResult =
  | {
      /**
       * appended: this watcher stored events. already-stored: another watcher had stored exactly these events on
       * this version first (the store took the append as a retry). unchanged: nothing to store.
       */
      readonly outcome: 'appended' | 'already-stored' | 'unchanged';
      /** The case version after the watcher's append (or as read, when nothing was appended). */
      readonly version: number;
      readonly nextWatchOn: string | null;
      readonly events: readonly { readonly eventId: string; readonly type: string }[];
      readonly refusals: readonly WatchRefusal[];
      readonly attempts: number;
    }
  | { readonly outcome: 'missing' }
  | { readonly outcome: 'conflict'; readonly attempts: number };

/**
 * One case: read the stream, fold, decide what the passing of time means on `today`, and append that with the
 * version read as the expected version and deterministic event ids. When another writer (a command, or a second
 * watcher) appended first, the store refuses the append: the case is read again and decided again, so each fact is
 * stored once. A second watcher that decided exactly the same on the same version appends the same ids, which the
 * store takes as a retry of the first append.
 */
export async function watchCase(input: WatchCaseInput): Promise<CaseWatchResult> {
  const streamId = `${CASE_STREAM_PREFIX}${input.caseId}`;
  const now = input.now.toISOString();
  for (let attempt = 1; ; attempt++) {
    const history = await readHistory(input.store, streamId);
    if (history.length === 0) return { outcome: 'missing' };
    const state = foldCase(history);
    const version = history.length;
    const decision = decideWatch(state, {
      metadata: { ...input.actor, role: 'system', now },
      today: input.today,
      approachingWithinDays: input.approachingWithinDays,
      autoEscalation: state.tableId === null ? null : input.autoEscalationFor(state.tableId),
    });
    const nextWatchOn = nextWatchDate(decision.state, input.today, input.approachingWithinDays);
    if (decision.events.length === 0) {
      return {
        outcome: 'unchanged',
        version,
        nextWatchOn,
        events: [],
        refusals: decision.refusals,
        attempts: attempt,
      };
    }
    const ids = watchEventIds(input.caseId, decision.events, version);
    const envelopes: NewEvent[] = decision.events.map((event, index) => ({
      eventId: ids[index],
      type: event.type,
      data: event.data,
      metadata: {
        actor: input.actor,
        correlationId: input.correlationId,
        causationId: input.correlationId,
        occurredAt: now,
        schemaVersion: 1,
      },
    }));
    try {
      const result = await input.store.append(streamId, envelopes, version);
      return {
        outcome: (await storedByThisTick(input, streamId, result.nextExpectedVersion - envelopes.length))
          ? 'appended'
          : 'already-stored',
        version: result.nextExpectedVersion,
        nextWatchOn,
        events: envelopes.map((e) => ({ eventId: e.eventId, type: e.type })),
        refusals: decision.refusals,
        attempts: attempt,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof DuplicateEventIdError)) throw error;
      if (attempt >= input.maxAttempts) return { outcome: 'conflict', attempts: attempt };
      // Someone else wrote to the case: back off a little, with jitter, and decide again on what is there now.
      await sleep(Math.random() * 5 * attempt);
    }
  }
}

/**
 * Whether the events at `fromVersion` are this tick's own: the store answers a retried append (another watcher
 * stored exactly these ids first) like a successful one, so the stored metadata tells the two apart.
 */
async function storedByThisTick(
  input: WatchCaseInput,
  streamId: string,
  fromVersion: number,
): Promise<boolean> {
  const [first] = await input.store.readStream(streamId, { fromVersion, maxCount: 1 });
  return first?.metadata.correlationId === input.correlationId;
}

async function readHistory(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
