import { Inject, Injectable } from '@nestjs/common';
import {
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CommandMetadata,
  decide,
  evolve,
  initialState,
  upcast,
} from '@casusregie/domain';
import {
  type AppendResult,
  ConcurrencyError,
  EVENT_STORE_PORT,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  StreamNotFoundError,
} from '@casusregie/event-store';
import { CLOCK, type Clock } from '../platform/clock';
import { ProblemError, problem } from '../platform/problem-details';
import type { CommandResponse } from './command-response';
import { caseStreamId } from './case-stream';
import { deterministicEventId } from './deterministic-event-id';
import { type FoldedCase, FoldedCaseCache, eventIdHash } from './folded-case-cache';
import { KeyedSerialiser } from './keyed-serialiser';
import { timeOrderedEventId } from './time-ordered-event-id';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency-store';

export interface CommandActor {
  readonly userId: string;
  readonly role: CommandMetadata['role'];
  readonly organisationId: string;
}

export interface CaseCommandRequest {
  readonly caseId: string;
  /**
   * Builds the domain command once the metadata (who, now) is known. The current state is passed too, for
   * commands that take something from the case (e.g. the provider of an offer, when a coordinator records
   * the provider's answer on its behalf).
   */
  readonly build: (metadata: CommandMetadata, state: CaseState) => CaseCommand;
  readonly actor: CommandActor;
  readonly correlationId: string;
  /** The case version the client last saw (If-Match); a different current version is a 412. */
  readonly ifMatch?: number;
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
  /** Access check on the current state (e.g. the case belongs to one of the coordinator's tables). */
  readonly authorize?: (state: CaseState) => void;
}

/** Attempts before a lost race is reported as 409: each attempt re-reads the case and decides again. */
const MAX_ATTEMPTS = 5;

/** An attempt's outcome when the state it decided on may be behind the store: decide again on fresh state. */
const STALE = Symbol('stale');

/** Cases whose folded state is kept between commands (about 8 KB of heap each on seeded cases: ~80 MB). */
export const FOLDED_CASES_CACHED = 10_000;

const NOTHING_FOLDED: FoldedCase = { version: 0, state: initialState(), lastPosition: 0, eventIdHashes: [] };

/**
 * The write path of every case command: read the stream, fold it, decide, append with the version read as
 * the expected version. A lost race is retried on fresh state; with If-Match it is a 412 instead.
 *
 * The folded state of recently commanded cases is cached, and a command is first decided on it without reading
 * the store: the expected-version check of the append proves the cache was current. When it was not (another
 * process wrote), or when the cached state says no, the command is decided again on the cached state plus the
 * events after it, read from the store. A lost race or an unexpected error drops the case from the cache.
 */
@Injectable()
export class CaseCommandExecutor {
  private readonly serialiser = new KeyedSerialiser();
  private readonly folded = new FoldedCaseCache(FOLDED_CASES_CACHED);

  constructor(
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(request: CaseCommandRequest): Promise<CommandResponse> {
    const scope = `${request.actor.organisationId}:${request.actor.userId}`;
    if (request.idempotency) {
      const earlier = await this.idempotency.find(scope, request.idempotency.key);
      if (earlier) {
        if (earlier.requestHash !== request.idempotency.requestHash) {
          throw new ProblemError(
            problem(422, {
              code: 'idempotency-key-reused',
              detail: 'This Idempotency-Key was used for a different request; use a new key.',
            }),
          );
        }
        return earlier.response;
      }
    }
    const response = await this.serialiser.run(caseStreamId(request.caseId), () =>
      this.decideAndAppend(request, scope),
    );
    if (request.idempotency) {
      await this.idempotency.save({
        scope,
        key: request.idempotency.key,
        requestHash: request.idempotency.requestHash,
        status: 200,
        response,
      });
    }
    return response;
  }

  private async decideAndAppend(request: CaseCommandRequest, scope: string): Promise<CommandResponse> {
    const streamId = caseStreamId(request.caseId);
    // Fast path: decide on the cached state without asking the store whether it is current. The append's expected
    // version settles that: it succeeds only if nobody wrote in between. Anything else (a refusal, a 412, a no-op,
    // a lost race) is decided again below on state read from the store, so no answer rests on a stale cache.
    const cached = this.folded.get(streamId);
    if (cached) {
      const outcome = await this.attempt(streamId, cached, request, scope, { verified: false, final: false });
      if (outcome !== STALE) return outcome;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.load(streamId);
      const final = attempt >= MAX_ATTEMPTS;
      const outcome = await this.attempt(streamId, current, request, scope, { verified: true, final });
      if (outcome !== STALE) return outcome;
      // Another process won: back off a little, with jitter, so competing writers do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }

  /**
   * One decide-and-append on `current`. On state read from the store just now (`verified`) every outcome is the
   * answer, except a lost race (STALE: decide again). On cached state a refusal, a 412, a no-op and a lost race are
   * all STALE: they may only say that the cache is behind. The `final` attempt reports a lost race as it is.
   */
  private async attempt(
    streamId: string,
    current: FoldedCase,
    request: CaseCommandRequest,
    scope: string,
    { verified, final }: { verified: boolean; final: boolean },
  ): Promise<CommandResponse | typeof STALE> {
    const version = current.version;
    if (request.ifMatch !== undefined && request.ifMatch !== version) {
      if (!verified) return STALE;
      throw preconditionFailed(version);
    }
    const eventIdFor = (index: number) =>
      request.idempotency
        ? deterministicEventId(scope, request.idempotency.key, index)
        : timeOrderedEventId();
    if (request.idempotency && current.eventIdHashes.includes(eventIdHash(eventIdFor(0)))) {
      // Possibly stored by an earlier attempt whose idempotency record was lost: answer from the log.
      const history = await this.readHistory(streamId);
      const alreadyStored = findStored(history, eventIdFor(0));
      if (alreadyStored) return responseFromHistory(request.caseId, history, alreadyStored);
    }

    const now = this.clock.now().toISOString();
    const metadata: CommandMetadata = { ...request.actor, now };
    const state = current.state;
    let events: CaseEvent[];
    try {
      request.authorize?.(state);
      events = decide(request.build(metadata, state), state);
    } catch (error) {
      if (!verified) return STALE;
      throw error;
    }
    if (events.length === 0) {
      if (!verified) return STALE;
      return { caseId: request.caseId, version, position: current.lastPosition, events: [] };
    }
    const envelopes = events.map((event, index) => this.envelope(event, eventIdFor(index), request, now));
    let result: AppendResult;
    try {
      result = await this.store.append(streamId, envelopes, version === 0 ? 'no_stream' : version);
    } catch (error) {
      this.folded.delete(streamId);
      if (!(error instanceof ConcurrencyError)) throw error;
      if (verified && request.ifMatch !== undefined) throw preconditionFailed(error.actual);
      if (final) throw error;
      return STALE;
    }
    this.remember(streamId, current, envelopes, result);
    return {
      caseId: request.caseId,
      version: result.nextExpectedVersion,
      position: result.lastGlobalPosition,
      events: envelopes.map((e) => ({ eventId: e.eventId, type: e.type })),
    };
  }

  /** The case folded up to its current version: from the cache plus the events after it, or the whole stream. */
  private async load(streamId: string): Promise<FoldedCase> {
    const cached = this.folded.get(streamId);
    if (cached) {
      let newer: StoredEvent[];
      try {
        // Usually nobody else wrote: one index lookup says so.
        if ((await this.store.streamVersion(streamId)) === cached.version) return cached;
        newer = await this.store.readStream(streamId, { fromVersion: cached.version });
      } catch (error) {
        this.folded.delete(streamId);
        throw error;
      }
      if (newer.length === 0) return cached;
      if (newer[0].streamVersion === cached.version)
        return this.cacheFolded(streamId, foldOnto(cached, newer));
    }
    const history = await this.readHistory(streamId);
    if (history.length === 0) return NOTHING_FOLDED;
    return this.cacheFolded(streamId, foldOnto(NOTHING_FOLDED, history));
  }

  private cacheFolded(streamId: string, folded: FoldedCase): FoldedCase {
    this.folded.set(streamId, folded);
    return folded;
  }

  /** After a successful append: the cached state moves on by the appended events, as they were stored. */
  private remember(
    streamId: string,
    before: FoldedCase,
    appended: readonly NewEvent[],
    result: AppendResult,
  ): void {
    if (result.nextExpectedVersion !== before.version + appended.length) {
      this.folded.delete(streamId);
      return;
    }
    let state = before.state;
    // The events as a reader of the log gets them: JSON data (no undefined properties), upcast.
    for (const e of appended)
      state = evolve(state, upcast({ type: e.type, data: JSON.parse(JSON.stringify(e.data)) }));
    this.folded.set(streamId, {
      version: result.nextExpectedVersion,
      state,
      lastPosition: result.lastGlobalPosition,
      eventIdHashes: [...before.eventIdHashes, ...appended.map((e) => eventIdHash(e.eventId))],
    });
  }

  private envelope(event: CaseEvent, eventId: string, request: CaseCommandRequest, now: string): NewEvent {
    return {
      eventId,
      type: event.type,
      data: event.data,
      metadata: {
        actor: request.actor,
        correlationId: request.correlationId,
        causationId: request.correlationId,
        occurredAt: now,
        schemaVersion: 1,
      },
    };
  }

  private async readHistory(streamId: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

function foldOnto(base: FoldedCase, events: readonly StoredEvent[]): FoldedCase {
  let state: CaseState = base.state;
  for (const event of events) state = evolve(state, upcast(event));
  return {
    version: base.version + events.length,
    state,
    lastPosition: events[events.length - 1].globalPosition,
    eventIdHashes: [...base.eventIdHashes, ...events.map((e) => eventIdHash(e.eventId))],
  };
}

function preconditionFailed(currentVersion: number): ProblemError {
  return new ProblemError(
    problem(412, {
      code: 'version-mismatch',
      detail: `The case is at version ${currentVersion}, not the version given in If-Match; read it again.`,
    }),
  );
}

function findStored(history: readonly StoredEvent[], eventId: string): StoredEvent | undefined {
  return history.find((event) => event.eventId === eventId);
}

/** A retry after a crash that stored the events but not the idempotency record: answer from the log. */
function responseFromHistory(
  caseId: string,
  history: readonly StoredEvent[],
  first: StoredEvent,
): CommandResponse {
  const sameCommand = history.filter(
    (event) =>
      event.metadata.correlationId === first.metadata.correlationId &&
      event.streamVersion >= first.streamVersion,
  );
  const last = sameCommand.at(-1) ?? first;
  return {
    caseId,
    version: last.streamVersion + 1,
    position: last.globalPosition,
    events: sameCommand.map((e) => ({ eventId: e.eventId, type: e.type })),
  };
}
