import type { EventStore, EventSubscription, StoredEvent } from '@casusregie/event-store';
import { type BackoffOptions, backoffDelay, sleep } from './backoff';
import { DEAD_LETTER_TOPIC, type DeadLetterReason, deadLetterMessage } from './dead-letter';
import type { MessagePublisher, OutgoingMessage } from './message-publisher';
import { type RelayLogger, stderrRelayLogger } from './relay-logger';

/**
 * Maps one stored event to the messages it causes: none (an event nobody outside needs), one or several (a
 * notification per recipient). Throwing marks the event as unmappable: it goes to the dead-letter topic.
 */
export type MessageMapping = (
  event: StoredEvent,
) => readonly OutgoingMessage[] | Promise<readonly OutgoingMessage[]>;

export interface EventRelayOptions {
  readonly store: EventStore;
  readonly publisher: MessagePublisher;
  readonly mapping: MessageMapping;
  /** The checkpoint's name in the store's checkpoint table (default 'kafka-relay'). */
  readonly name?: string;
  /** Most events per published batch (default 500). */
  readonly batchSize?: number;
  /** Events the subscription reads per page (default: the batch size). */
  readonly pageSize?: number;
  /** Retry schedule while publishing fails (default 200 ms doubling up to 30 s, ±20 % jitter). */
  readonly backoff?: BackoffOptions;
  /** A message larger than this (key + value + headers, bytes) is dead-lettered (default 1,000,000). */
  readonly maxMessageBytes?: number;
  readonly deadLetterTopic?: string;
  readonly logger?: RelayLogger;
  readonly now?: () => Date;
  /** Source of backoff jitter; injectable for tests. */
  readonly random?: () => number;
  /** Called after each acknowledged batch, once its checkpoint is stored. */
  readonly onBatch?: (progress: RelayBatch) => void;
}

export interface RelayBatch {
  readonly events: number;
  readonly messages: number;
  readonly deadLetters: number;
  /** The stored checkpoint: the global position of the batch's last event. */
  readonly checkpoint: number;
}

/**
 * idle: not started. running: publishing or waiting for events. retrying: the last publish failed and the relay
 * waits to try again. stopping / stopped: stop() was called. failed: the event store failed; see lastError.
 */
export type RelayState = 'idle' | 'running' | 'retrying' | 'stopping' | 'stopped' | 'failed';

export interface RelayError {
  readonly name: string;
  readonly message: string;
  readonly at: string;
}

export interface RelayStatus {
  readonly name: string;
  readonly state: RelayState;
  /** The stored checkpoint: every event up to here is acknowledged by the broker. */
  readonly checkpoint: number;
  readonly eventsSinceStart: number;
  readonly messagesSinceStart: number;
  readonly deadLettersSinceStart: number;
  /** Failed publish attempts in a row (0 once a publish succeeds). */
  readonly consecutiveFailures: number;
  /** When the current run of failures began (ISO-8601), or null. */
  readonly failingSince: string | null;
  readonly lastError: RelayError | null;
  readonly lastAcknowledgedAt: string | null;
}

export interface RelayHealth extends RelayStatus {
  readonly head: number;
  /** Events in the store that are not yet acknowledged by the broker. */
  readonly lag: number;
}

export interface StopOptions {
  /**
   * How long to wait for the batch in flight (default 10 s). After that stop() returns without it; its checkpoint
   * is then never stored, so the batch is published again after the next start.
   */
  readonly graceMs?: number;
}

/** One start()…stop() cycle. A run that stop() gave up on must never store a checkpoint any more. */
interface Run {
  readonly stopper: AbortController;
  abandoned: boolean;
}

const TURN = Symbol('turn');
const textEncoder = new TextEncoder();

function nextTurn(): Promise<typeof TURN> {
  return new Promise((resolve) => setImmediate(resolve, TURN));
}

/**
 * The relay from the event log to the broker: a checkpointed subscription that maps each event to messages,
 * publishes them a batch at a time and stores the checkpoint ONLY after the broker acknowledged the batch. That
 * makes delivery at-least-once: after a crash the batch in flight is published again (same event ids), nothing is
 * lost. Only one batch is ever in flight, so messages with one key reach the broker in log order.
 *
 * A failed publish is retried (the same messages, in the same order) with capped exponential backoff, for as long
 * as it takes; the log keeps growing meanwhile and the relay catches up when the broker is back. An event that
 * cannot be mapped, or whose message is too large, goes to the dead-letter topic with its coordinates, and the
 * relay goes on.
 */
export class EventRelay {
  readonly name: string;
  private readonly store: EventStore;
  private readonly publisher: MessagePublisher;
  private readonly mapping: MessageMapping;
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly backoff: BackoffOptions;
  private readonly maxMessageBytes: number;
  private readonly deadLetterTopic: string;
  private readonly logger: RelayLogger;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly onBatch?: (progress: RelayBatch) => void;
  private readonly waiters = new Set<{ position: number; resolve: (reached: boolean) => void }>();

  private state: RelayState = 'idle';
  private committedCheckpoint = 0;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private current: Run | null = null;
  private starting: Promise<void> | null = null;
  /** The tail of this relay's checkpoint writes: one at a time, in order (see storeCheckpoint). */
  private checkpointWrites: Promise<unknown> = Promise.resolve();
  private counters = { events: 0, messages: 0, deadLetters: 0 };
  private consecutiveFailures = 0;
  private failingSince: Date | null = null;
  private lastError: RelayError | null = null;
  private lastAcknowledgedAt: Date | null = null;

  constructor(options: EventRelayOptions) {
    this.store = options.store;
    this.publisher = options.publisher;
    this.mapping = options.mapping;
    this.name = options.name ?? 'kafka-relay';
    this.batchSize = positiveInteger(options.batchSize ?? 500, 'batchSize');
    this.pageSize = positiveInteger(options.pageSize ?? this.batchSize, 'pageSize');
    this.backoff = options.backoff ?? {};
    this.maxMessageBytes = positiveInteger(options.maxMessageBytes ?? 1_000_000, 'maxMessageBytes');
    this.deadLetterTopic = options.deadLetterTopic ?? DEAD_LETTER_TOPIC;
    this.logger = options.logger ?? stderrRelayLogger;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.onBatch = options.onBatch;
  }

  /** Starts (or restarts after stop() or a failure) from the stored checkpoint. Resolves once subscribed. */
  start(): Promise<void> {
    this.starting ??= this.begin().finally(() => (this.starting = null));
    return this.starting;
  }

  private async begin(): Promise<void> {
    if (this.state === 'running' || this.state === 'retrying' || this.state === 'stopping') return;
    this.committedCheckpoint = await this.store.checkpoints.load(this.name);
    this.counters = { events: 0, messages: 0, deadLetters: 0 };
    this.consecutiveFailures = 0;
    this.failingSince = null;
    this.lastError = null;
    const run: Run = { stopper: new AbortController(), abandoned: false };
    this.current = run;
    const subscription = this.store.subscribeToAll({
      fromPosition: this.committedCheckpoint,
      pageSize: this.pageSize,
    });
    this.subscription = subscription;
    this.state = 'running';
    this.logger.info(
      { relay: this.name, checkpoint: this.committedCheckpoint },
      `Relay ${this.name} started after position ${this.committedCheckpoint}`,
    );
    this.loop = this.run(run, subscription).then(
      () => this.finish(run, null),
      (error: unknown) => this.finish(run, error),
    );
  }

  /**
   * Stops: no new batch starts; the batch in flight finishes (its checkpoint is stored once acknowledged) or, when
   * its publish fails or outlasts `graceMs`, is left to be published again after the next start. The checkpoint
   * never runs ahead of an acknowledgement.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    const loop = this.loop;
    const run = this.current;
    if (!loop || !run) return;
    if (this.state === 'running' || this.state === 'retrying') this.state = 'stopping';
    run.stopper.abort();
    this.subscription?.stop();
    const graceMs = options.graceMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      loop.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(resolve, graceMs, true))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      run.abandoned = true;
      this.logger.warn(
        { relay: this.name, checkpoint: this.committedCheckpoint, graceMs },
        `Relay ${this.name} stopped without waiting longer for the batch in flight; it is published again after the next start`,
      );
      this.finish(run, null);
    }
  }

  /** Resolves when the relay has stopped, by stop() or by a failure. */
  finished(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  /** The stored checkpoint: every event up to this global position is acknowledged by the broker. */
  checkpoint(): number {
    return this.committedCheckpoint;
  }

  /** How many events of the log (up to `head`, the store's headPosition()) are not yet acknowledged. */
  lag(head: number): number {
    return Math.max(0, head - this.committedCheckpoint);
  }

  status(): RelayStatus {
    return {
      name: this.name,
      state: this.state,
      checkpoint: this.committedCheckpoint,
      eventsSinceStart: this.counters.events,
      messagesSinceStart: this.counters.messages,
      deadLettersSinceStart: this.counters.deadLetters,
      consecutiveFailures: this.consecutiveFailures,
      failingSince: this.failingSince?.toISOString() ?? null,
      lastError: this.lastError,
      lastAcknowledgedAt: this.lastAcknowledgedAt?.toISOString() ?? null,
    };
  }

  /** Status with the store's head and the lag, for a readiness endpoint. */
  async health(): Promise<RelayHealth> {
    const head = await this.store.headPosition();
    return { ...this.status(), head, lag: this.lag(head) };
  }

  /**
   * Resolves true as soon as the checkpoint reaches `position` (everything up to it is acknowledged), false after
   * `timeoutMs` or when the relay stops first.
   */
  waitForCheckpoint(position: number, timeoutMs: number): Promise<boolean> {
    if (this.committedCheckpoint >= position) return Promise.resolve(true);
    if (!this.isActive()) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private isActive(): boolean {
    return this.state === 'running' || this.state === 'retrying' || this.state === 'stopping';
  }

  private async run(run: Run, subscription: EventSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<StoredEvent>> | null = null;
    try {
      for (;;) {
        const batch: StoredEvent[] = [];
        let ended = false;
        // Take what is ready: up to batchSize events, or fewer when the subscription has nothing more within
        // this turn of the event loop. A live event is therefore sent at once; catch-up goes in full batches.
        for (;;) {
          pending ??= iterator.next();
          const result = batch.length === 0 ? await pending : await Promise.race([pending, nextTurn()]);
          if (result === TURN) break;
          pending = null;
          if (result.done) {
            ended = true;
            break;
          }
          batch.push(result.value);
          if (batch.length >= this.batchSize) break;
        }
        if (batch.length > 0) {
          if (run.stopper.signal.aborted) return;
          await this.relay(run, batch);
        }
        if (ended || run.stopper.signal.aborted) return;
      }
    } finally {
      subscription.stop();
      pending?.catch(() => undefined);
    }
  }

  /** Maps, publishes until acknowledged (or stopped), then stores the checkpoint. */
  private async relay(run: Run, batch: readonly StoredEvent[]): Promise<void> {
    const messages: OutgoingMessage[] = [];
    let deadLetters = 0;
    for (const event of batch) {
      const mapped = await this.map(event);
      if ('deadLetter' in mapped) {
        messages.push(mapped.deadLetter);
        deadLetters++;
      } else {
        messages.push(...mapped.messages);
      }
    }
    const last = batch[batch.length - 1].globalPosition;
    if (messages.length > 0 && !(await this.publishUntilAcknowledged(run, messages, last))) return;
    if (run.abandoned) return;
    if (!(await this.storeCheckpoint(run, last))) return;
    this.counters.events += batch.length;
    this.counters.messages += messages.length;
    this.counters.deadLetters += deadLetters;
    this.onBatch?.({ events: batch.length, messages: messages.length, deadLetters, checkpoint: last });
    for (const waiter of this.waiters) if (waiter.position <= last) waiter.resolve(true);
  }

  private async map(
    event: StoredEvent,
  ): Promise<{ messages: readonly OutgoingMessage[] } | { deadLetter: OutgoingMessage }> {
    let messages: readonly OutgoingMessage[];
    try {
      messages = await this.mapping(event);
      for (const message of messages) assertWellFormed(message);
    } catch (error) {
      return { deadLetter: this.deadLetter(event, 'unmappable', error) };
    }
    const tooLarge = messages.find((message) => messageBytes(message) > this.maxMessageBytes);
    if (tooLarge) {
      const error = new Error(
        `A message to ${tooLarge.topic} has ${messageBytes(tooLarge)} bytes, more than ${this.maxMessageBytes}`,
      );
      error.name = 'MessageTooLargeError';
      return { deadLetter: this.deadLetter(event, 'message-too-large', error) };
    }
    return { messages };
  }

  private deadLetter(event: StoredEvent, reason: DeadLetterReason, error: unknown): OutgoingMessage {
    this.logger.error(
      {
        relay: this.name,
        reason,
        eventId: event.eventId,
        eventType: event.type,
        streamId: event.streamId,
        globalPosition: event.globalPosition,
        error: error instanceof Error ? error.name : typeof error,
      },
      `Relay ${this.name}: event ${event.type} at position ${event.globalPosition} goes to ${this.deadLetterTopic} (${reason})`,
    );
    return deadLetterMessage(this.name, event, reason, error, this.now(), this.deadLetterTopic);
  }

  /** True once acknowledged; false when stopped before that. */
  private async publishUntilAcknowledged(
    run: Run,
    messages: readonly OutgoingMessage[],
    last: number,
  ): Promise<boolean> {
    for (;;) {
      try {
        await this.publisher.publish(messages);
        this.acknowledged();
        return true;
      } catch (error) {
        if (run.stopper.signal.aborted) {
          this.recordFailure(error);
          this.logger.warn(
            { relay: this.name, checkpoint: this.committedCheckpoint, batchEndsAt: last },
            `Relay ${this.name} stopping: the batch up to position ${last} was not acknowledged and is published again after the next start`,
          );
          return false;
        }
        const delay = backoffDelay(this.consecutiveFailures, this.backoff, this.random);
        this.recordFailure(error);
        this.state = 'retrying';
        this.logger.warn(
          {
            relay: this.name,
            checkpoint: this.committedCheckpoint,
            attempt: this.consecutiveFailures,
            retryInMs: delay,
            error: this.lastError?.name,
          },
          `Relay ${this.name}: publish failed (${this.lastError?.message}); retry ${this.consecutiveFailures} in ${delay} ms`,
        );
        if (!(await sleep(delay, run.stopper.signal))) return false;
      }
    }
  }

  private acknowledged(): void {
    if (this.consecutiveFailures > 0) {
      this.logger.info(
        {
          relay: this.name,
          failedAttempts: this.consecutiveFailures,
          failingForMs: this.failingSince ? this.now().getTime() - this.failingSince.getTime() : 0,
        },
        `Relay ${this.name}: publishing again after ${this.consecutiveFailures} failed attempts`,
      );
    }
    this.consecutiveFailures = 0;
    this.failingSince = null;
    this.lastAcknowledgedAt = this.now();
    if (this.state === 'retrying') this.state = 'running';
  }

  private recordFailure(error: unknown): void {
    this.consecutiveFailures++;
    this.failingSince ??= this.now();
    this.lastError = {
      name: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
      at: this.now().toISOString(),
    };
  }

  /**
   * The batch is acknowledged; the checkpoint must follow. A failing checkpoint store is retried (the messages
   * are not sent again); if the relay stops meanwhile, the batch is simply re-sent after the next start.
   *
   * The checkpoint never moves backwards. Every write of this relay goes through `checkpointWrites`, one at a time,
   * and reads the stored position first: only a larger one is written, and never by an abandoned run. A write of an
   * abandoned run that was already inside the store when stop() gave up on it finishes before the next run's first
   * write (that one waits for it), so the next run then writes over it. What this cannot order is a second relay of
   * the same name in another process: between its read and its write another writer could slip in. One relay per
   * checkpoint name is the deployment rule (the port has no compare-and-set).
   */
  private storeCheckpoint(run: Run, position: number): Promise<boolean> {
    const write = this.checkpointWrites.then(() => this.writeCheckpoint(run, position));
    this.checkpointWrites = write.catch(() => undefined);
    return write;
  }

  private async writeCheckpoint(run: Run, position: number): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      if (run.abandoned) return false;
      try {
        const stored = await this.store.checkpoints.load(this.name);
        if (position > stored && !run.abandoned) await this.store.checkpoints.store(this.name, position);
        break;
      } catch (error) {
        if (run.stopper.signal.aborted || attempt >= 5) throw error;
        this.logger.warn(
          { relay: this.name, position, attempt: attempt + 1 },
          `Relay ${this.name}: storing the checkpoint failed (${error instanceof Error ? error.message : String(error)})`,
        );
        await sleep(backoffDelay(attempt, this.backoff, this.random), run.stopper.signal);
      }
    }
    if (run.abandoned) return false;
    this.committedCheckpoint = Math.max(this.committedCheckpoint, position);
    return true;
  }

  private finish(run: Run, error: unknown): void {
    if (run !== this.current) return;
    this.current = null;
    this.subscription = null;
    if (error === null || error === undefined) {
      this.state = 'stopped';
      this.logger.info(
        { relay: this.name, checkpoint: this.committedCheckpoint },
        `Relay ${this.name} stopped at position ${this.committedCheckpoint}`,
      );
    } else {
      this.state = 'failed';
      this.recordFailure(error);
      this.logger.error(
        { relay: this.name, checkpoint: this.committedCheckpoint, error: this.lastError?.name },
        `Relay ${this.name} FAILED: ${this.lastError?.message}. Nothing is lost: it continues after position ` +
          `${this.committedCheckpoint} when started again.`,
      );
    }
    for (const waiter of this.waiters) waiter.resolve(false);
  }
}

function assertWellFormed(message: OutgoingMessage): void {
  if (typeof message?.topic !== 'string' || message.topic.length === 0) {
    throw new TypeError('A message needs a topic');
  }
  if (typeof message.key !== 'string')
    throw new TypeError(`A message to ${message.topic} needs a string key`);
  if (typeof message.value !== 'string') {
    throw new TypeError(`A message to ${message.topic} needs a string value`);
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value !== 'string')
      throw new TypeError(`Header ${name} of a message to ${message.topic} is not a string`);
  }
}

function messageBytes(message: OutgoingMessage): number {
  let bytes = textEncoder.encode(message.key).length + textEncoder.encode(message.value).length;
  for (const [name, value] of Object.entries(message.headers)) {
    bytes += textEncoder.encode(name).length + textEncoder.encode(value).length;
  }
  return bytes;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer`);
  return value;
}
