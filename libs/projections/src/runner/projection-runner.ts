import type { EventStore, EventSubscription, StoredEvent } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { loadCheckpoint, storeCheckpoint } from './checkpoint-table';
import { ProjectionEventError, type ProjectionFailure } from './errors';
import { type ProjectionLogger, stderrProjectionLogger } from './logger';
import type { Projection } from './projection';
import { PositionWaiters } from './position-waiters';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly database: ReadModelDatabase;
  readonly projection: Projection;
  /** Only streams with this prefix (default 'case-'). */
  readonly streamPrefix?: string;
  /** Most events applied in one transaction (default 500). */
  readonly batchSize?: number;
  /** Events the subscription reads per page (default: the batch size). */
  readonly pageSize?: number;
  readonly logger?: ProjectionLogger;
  /** Called after each committed batch. */
  readonly onBatch?: (progress: BatchProgress) => void;
  /** Called whenever position() moves on (after a batch, or past events of other streams). */
  readonly onPosition?: (position: number) => void;
  /**
   * Live, a batch commits as soon as the subscription has nothing ready, but no sooner than this many ms after the
   * previous commit (default 0). A processor off the request thread can take e.g. 25: while events keep coming it
   * writes fewer, larger transactions (a case changed twice is written once), and read-your-writes waits at most
   * that much longer.
   */
  readonly commitIntervalMs?: number;
}

export interface BatchProgress {
  /** Events in the batch just committed. */
  readonly events: number;
  /** Events committed since start(). */
  readonly totalEvents: number;
  /** The checkpoint: global position of the last event committed. */
  readonly checkpoint: number;
}

export type RunnerState = 'idle' | 'running' | 'stopped' | 'failed';

export interface RunnerStatus {
  readonly name: string;
  readonly state: RunnerState;
  /** See ProjectionRunner.position(). */
  readonly position: number;
  readonly checkpoint: number;
  /** Events committed since the last start(). */
  readonly eventsSinceStart: number;
  readonly failure: ProjectionFailure | null;
}

/**
 * A checkpointed processor: subscribes to the log from its checkpoint and hands the events to its projection in
 * batches; each batch is written in ONE transaction on the read-model database together with the checkpoint. A
 * crash therefore never applies an event twice or skips one: after a restart the runner continues after the last
 * committed batch.
 *
 * A batch closes at `batchSize` events or as soon as the subscription has nothing ready (it waits for appends), so
 * live events are applied at once and catch-up runs in large transactions, with a turn of the event loop between
 * them so that the process keeps answering requests while it catches up.
 *
 * An event the projection cannot handle (for example a type neither known nor upcast) drops the batch and
 * STOPS the runner with a log line that names the event type, stream and position. Nothing is skipped; the read
 * model stays at its last checkpoint until the cause is fixed and the runner is started again.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: ReadModelDatabase;
  private readonly projection: Projection;
  private readonly streamPrefix: string;
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly logger: ProjectionLogger;
  private readonly onBatch?: (progress: BatchProgress) => void;
  private readonly onPosition?: (position: number) => void;
  private readonly commitIntervalMs: number;
  private lastCommitAt = 0;
  private readonly waiters = new PositionWaiters();

  private state: RunnerState = 'idle';
  private failure: ProjectionFailure | null = null;
  private committedCheckpoint: number;
  /** Every case event at or below this position has been applied (>= the checkpoint). */
  private handledUpTo: number;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private totalEvents = 0;
  /** Events handed to the projection since the last commit, and the position of the last of them. */
  private batchEvents = 0;
  private batchLast = 0;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.db = options.database;
    this.projection = options.projection;
    this.streamPrefix = options.streamPrefix ?? 'case-';
    this.batchSize = positiveInteger(options.batchSize ?? 500, 'batchSize');
    this.pageSize = positiveInteger(options.pageSize ?? this.batchSize, 'pageSize');
    this.logger = options.logger ?? stderrProjectionLogger;
    this.onBatch = options.onBatch;
    this.onPosition = options.onPosition;
    this.commitIntervalMs = Math.max(0, options.commitIntervalMs ?? 0);
    this.committedCheckpoint = loadCheckpoint(this.db, this.projection.name);
    this.handledUpTo = this.committedCheckpoint;
  }

  get name(): string {
    return this.projection.name;
  }

  /** Starts (or restarts, after stop() or a failure) from the stored checkpoint. */
  start(): void {
    if (this.state === 'running') return;
    this.committedCheckpoint = loadCheckpoint(this.db, this.projection.name);
    this.handledUpTo = this.committedCheckpoint;
    this.failure = null;
    this.totalEvents = 0;
    this.batchEvents = 0;
    const subscription = this.store.subscribeToAll({
      fromPosition: this.committedCheckpoint,
      streamPrefix: this.streamPrefix,
      pageSize: this.pageSize,
    });
    this.subscription = subscription;
    this.state = 'running';
    this.logger.info(
      { projection: this.name, checkpoint: this.committedCheckpoint },
      `Projection ${this.name} started after position ${this.committedCheckpoint}`,
    );
    this.loop = this.run(subscription).then(
      () => this.finish(null),
      (error: unknown) => this.finish(error),
    );
  }

  /** Stops after the batch in progress (which commits or rolls back as a whole). */
  async stop(): Promise<void> {
    this.subscription?.stop();
    await this.loop;
  }

  /** Resolves when the runner has stopped, by stop() or by a failure. */
  finished(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  /**
   * The position up to which the read model is complete: the checkpoint, or beyond it when the log holds only
   * events of other streams after it. Compare a command's global position with this.
   */
  position(): number {
    return this.handledUpTo;
  }

  /** The stored checkpoint: the global position of the last event committed. */
  checkpoint(): number {
    return this.committedCheckpoint;
  }

  /** How many positions the read model is behind `head` (the store's headPosition()); 0 when caught up. */
  lag(head: number): number {
    return Math.max(0, head - this.handledUpTo);
  }

  /**
   * Read-your-writes: resolves true as soon as the read model has reached `position`, false after `timeoutMs`
   * or at once when the runner is not running (it would not get there).
   */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (!Number.isSafeInteger(position) || position < 0) {
      return Promise.reject(new RangeError('position must be a whole number, 0 or more'));
    }
    if (this.handledUpTo >= position) return Promise.resolve(true);
    if (this.state !== 'running') return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): RunnerStatus {
    return {
      name: this.name,
      state: this.state,
      position: this.handledUpTo,
      checkpoint: this.committedCheckpoint,
      eventsSinceStart: this.totalEvents,
      failure: this.failure,
    };
  }

  private async run(subscription: EventSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let idleCheck: NodeJS.Immediate | null = null;
    let idleTimer: NodeJS.Timeout | null = null;
    let idleError: unknown = null;
    // Runs once the subscription has nothing ready: catch-up reads complete without leaving the microtask queue,
    // so a setImmediate callback only runs when the subscription waits for new appends. Then the open batch is
    // committed at once (live events are not held back) and the log is probed for events of other streams.
    const onIdle = () => {
      idleCheck = null;
      if (idleError !== null) return;
      const wait = this.lastCommitAt + this.commitIntervalMs - performance.now();
      if (this.batchEvents > 0 && wait > 0) {
        idleTimer ??= setTimeout(() => {
          idleTimer = null;
          onIdle();
        }, wait);
        return;
      }
      try {
        if (this.batchEvents > 0) this.commit();
      } catch (error) {
        idleError = error;
        subscription.stop();
        return;
      }
      this.advancePastOtherStreams().catch(() => undefined);
    };
    try {
      for (;;) {
        const result = await iterator.next();
        if (idleError !== null) throw idleError;
        if (result.done) break;
        this.add(result.value);
        if (this.batchEvents >= this.batchSize) {
          if (idleCheck) clearImmediate(idleCheck);
          if (idleTimer) clearTimeout(idleTimer);
          idleCheck = null;
          idleTimer = null;
          this.commit();
          // Catching up never leaves the microtask queue by itself: let the process answer requests (and health
          // checks) between batches.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          idleCheck ??= setImmediate(onIdle);
        }
      }
      if (this.batchEvents > 0) this.commit();
    } finally {
      if (idleCheck) clearImmediate(idleCheck);
      if (idleTimer) clearTimeout(idleTimer);
      subscription.stop();
    }
  }

  private add(event: StoredEvent): void {
    try {
      this.projection.add(event);
    } catch (error) {
      this.batchEvents = 0;
      this.projection.rolledBack();
      throw error;
    }
    this.batchEvents++;
    this.batchLast = event.globalPosition;
  }

  /** Writes the open batch and stores the checkpoint in one transaction. */
  private commit(): void {
    const events = this.batchEvents;
    const last = this.batchLast;
    this.batchEvents = 0;
    try {
      this.db.transaction(() => {
        this.projection.flush();
        storeCheckpoint(this.db, this.projection.name, last);
      });
    } catch (error) {
      this.projection.rolledBack();
      throw error;
    }
    this.projection.committed();
    this.lastCommitAt = performance.now();
    this.committedCheckpoint = last;
    this.totalEvents += events;
    this.advanceTo(last);
    this.onBatch?.({ events, totalEvents: this.totalEvents, checkpoint: last });
  }

  /**
   * When the subscription has nothing ready, events after the checkpoint may still exist in other streams. A
   * probe for the next event of our streams tells how far the read model is complete: if there is none, it is
   * complete up to the head the probe saw (positions are committed in order, so a later event of our streams
   * gets a higher position).
   */
  private async advancePastOtherStreams(): Promise<void> {
    const page = await this.store.readAll({
      fromPosition: this.handledUpTo,
      streamPrefix: this.streamPrefix,
      maxCount: 1,
    });
    if (page.events.length === 0) this.advanceTo(page.nextPosition);
  }

  private advanceTo(position: number): void {
    if (position <= this.handledUpTo) return;
    this.handledUpTo = position;
    this.waiters.reached(position);
    this.onPosition?.(position);
  }

  private finish(error: unknown): void {
    this.subscription = null;
    if (error === null || error === undefined) {
      this.state = 'stopped';
      this.logger.info(
        { projection: this.name, checkpoint: this.committedCheckpoint },
        `Projection ${this.name} stopped at position ${this.committedCheckpoint}`,
      );
    } else {
      this.state = 'failed';
      this.failure = failureOf(error, this.committedCheckpoint);
      const where =
        error instanceof ProjectionEventError
          ? {
              eventType: error.eventType,
              streamId: error.streamId,
              globalPosition: error.globalPosition,
              eventId: error.eventId,
            }
          : {};
      this.logger.error(
        { projection: this.name, checkpoint: this.committedCheckpoint, ...where },
        `Projection ${this.name} STOPPED: ${this.failure.message}. Nothing was skipped: the read model stays at ` +
          `position ${this.committedCheckpoint} until the cause is fixed and the processor is started again.`,
      );
    }
    this.waiters.rejectAll();
  }
}

function failureOf(error: unknown, checkpoint: number): ProjectionFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ProjectionEventError) {
    return {
      message,
      eventType: error.eventType,
      streamId: error.streamId,
      globalPosition: error.globalPosition,
      eventId: error.eventId,
      checkpoint,
    };
  }
  return { message, checkpoint };
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer`);
  return value;
}
