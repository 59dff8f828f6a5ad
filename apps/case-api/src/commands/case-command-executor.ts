import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CommandMetadata,
  decide,
  foldCase,
} from '@casusregie/domain';
import {
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
import { KeyedSerialiser } from './keyed-serialiser';
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

/**
 * The write path of every case command: read the stream, fold it, decide, append with the version read as
 * the expected version. A lost race is retried on fresh state; with If-Match it is a 412 instead.
 */
@Injectable()
export class CaseCommandExecutor {
  private readonly serialiser = new KeyedSerialiser();

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
    for (let attempt = 1; ; attempt++) {
      const history = await this.readHistory(streamId);
      const version = history.length;
      if (request.ifMatch !== undefined && request.ifMatch !== version) throw preconditionFailed(version);

      const eventIdFor = (index: number) =>
        request.idempotency ? deterministicEventId(scope, request.idempotency.key, index) : randomUUID();
      const alreadyStored = request.idempotency ? findStored(history, eventIdFor(0)) : undefined;
      if (alreadyStored) return responseFromHistory(request.caseId, history, alreadyStored);

      const now = this.clock.now().toISOString();
      const metadata: CommandMetadata = { ...request.actor, now };
      const state = foldCase(history);
      request.authorize?.(state);
      const events = decide(request.build(metadata, state), state);
      if (events.length === 0) {
        return { caseId: request.caseId, version, position: history.at(-1)?.globalPosition ?? 0, events: [] };
      }
      const envelopes = events.map((event, index) => this.envelope(event, eventIdFor(index), request, now));
      try {
        const result = await this.store.append(streamId, envelopes, version === 0 ? 'no_stream' : version);
        return {
          caseId: request.caseId,
          version: result.nextExpectedVersion,
          position: result.lastGlobalPosition,
          events: envelopes.map((e) => ({ eventId: e.eventId, type: e.type })),
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (request.ifMatch !== undefined) throw preconditionFailed(error.actual);
        if (attempt >= MAX_ATTEMPTS) throw error;
        // Another process won: back off a little, with jitter, so competing writers do not collide again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
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
