import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type AutoEscalationConfig, addCalendarDays, toDutchDate } from '@casusregie/domain';
import type { Actor, EventStore } from '@casusregie/event-store';
import { type RelayLogger, stderrRelayLogger } from '../relay/relay-logger';
import { CaseWatchMemory } from './case-watch-memory';
import { type CaseWatchResult, watchCase } from './watch-case';

/** A case the read model says may need the watcher, with the version the read model has of it. */
export interface WatchCandidate {
  readonly caseId: string;
  readonly version: number;
}

/** The Dutch dates a tick looks at: deadlines due up to `dueOnOrBefore`, birthdays up to `today`. */
export interface WatchWindow {
  readonly today: string;
  readonly dueOnOrBefore: string;
}

/** Where the watcher finds its candidates (a read-model query); may lag the log, never misses a case for long. */
export type WatchCandidateSource = (
  window: WatchWindow,
) => readonly WatchCandidate[] | Promise<readonly WatchCandidate[]>;

/** The watcher's identity in event metadata: a system actor, never a person. */
export const DEADLINE_WATCHER_ACTOR: Actor = {
  userId: 'deadline-watcher',
  role: 'system',
  organisationId: 'casusregie',
};

export interface DeadlineWatcherOptions {
  readonly store: EventStore;
  readonly candidates: WatchCandidateSource;
  /**
   * Called at the start of each tick, before the clock is read: e.g. wait (bounded) until the read models have
   * caught up with the log, so the tick sees every case as it is now. A failure fails the tick.
   */
  readonly catchUp?: () => Promise<void>;
  /** The clock (injectable: tests move the calendar). */
  readonly now: () => Date;
  /** Calendar days before the due date from which a deadline approaches. */
  readonly approachingWithinDays: number;
  /** Time between the end of one tick and the start of the next (default 60,000 ms). */
  readonly intervalMs?: number;
  /** The automatic escalation of a missed liaison answer configured for a table; null where there is none. */
  readonly autoEscalationFor?: (tableId: string) => AutoEscalationConfig | null;
  readonly actor?: Actor;
  /** Reads and decisions per case within a tick when other writers keep winning (default 5). */
  readonly maxAttempts?: number;
  /** Cases remembered between ticks (default 100,000). */
  readonly memoryCapacity?: number;
  readonly logger?: RelayLogger;
  /** Called after every tick, also a failed one. */
  readonly onTick?: (report: WatchTickReport) => void;
}

export interface WatchTickReport {
  /** The watcher's clock at the start of the tick (ISO-8601). */
  readonly startedAt: string;
  readonly today: string;
  readonly durationMs: number;
  readonly candidates: number;
  /** Candidates the watcher read (the rest it remembered as unchanged). */
  readonly casesRead: number;
  readonly casesChanged: number;
  readonly eventsAppended: number;
  /** Events another watcher had stored first, exactly as this one decided them (stored once). */
  readonly eventsAlreadyStored: number;
  /** Appended events by type. */
  readonly eventTypes: Readonly<Record<string, number>>;
  /** Domain refusals (by code): nothing appended for that command, the case is tried again the next day. */
  readonly refusals: Readonly<Record<string, number>>;
  /** Cases left for the next tick because other writers kept changing them. */
  readonly conflicts: number;
  /** The tick ended early: the watcher was stopped. */
  readonly interrupted: boolean;
  /** The tick failed (e.g. the store or the read model did not answer); the next tick starts over. */
  readonly error: { readonly name: string; readonly message: string } | null;
}

export type WatcherState = 'idle' | 'running' | 'stopping' | 'stopped';

export interface WatcherStatus {
  readonly state: WatcherState;
  readonly intervalMs: number;
  readonly approachingWithinDays: number;
  readonly ticks: number;
  readonly failedTicks: number;
  readonly lastTick: WatchTickReport | null;
  /** The last tick without an error. */
  readonly lastSuccessfulTick: WatchTickReport | null;
  readonly rememberedCases: number;
}

interface TickTally {
  candidates: number;
  casesRead: number;
  casesChanged: number;
  eventsAppended: number;
  eventsAlreadyStored: number;
  eventTypes: Record<string, number>;
  refusals: Record<string, number>;
  conflicts: number;
  interrupted: boolean;
}

/**
 * The deadline watcher: turns passing time into case events. Each tick asks the read model for the cases that may
 * need it (a deadline due within the lead time, an 18th birthday that has come), reads each such case from the
 * event store and decides with the domain's WatchDeadlines and PassEighteenthBirthday commands on the Dutch date of
 * the clock. Exactly once per fact comes from the store, not from a lock: appends carry the version read as the
 * expected version and deterministic event ids, so two watchers, or a restart in the middle, store each event once.
 *
 * Ticks never overlap: the next starts `intervalMs` after the previous ended. `stop()` lets the case in hand
 * finish (its append is atomic) and skips the rest of the tick; the next start picks them up.
 */
export class DeadlineWatcher {
  private readonly store: EventStore;
  private readonly candidates: WatchCandidateSource;
  private readonly catchUp: () => Promise<void>;
  private readonly now: () => Date;
  private readonly approachingWithinDays: number;
  private readonly intervalMs: number;
  private readonly autoEscalationFor: (tableId: string) => AutoEscalationConfig | null;
  private readonly actor: Actor;
  private readonly maxAttempts: number;
  private readonly logger: RelayLogger;
  private readonly onTick?: (report: WatchTickReport) => void;
  private readonly memory: CaseWatchMemory;

  private state: WatcherState = 'idle';
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<WatchTickReport> | null = null;
  /** Bumped by start() and stop(): the schedule of an earlier start is not continued. */
  private generation = 0;
  /** Bumped by stop(): a tick that began before it stops after the case in hand. */
  private stops = 0;
  private ticks = 0;
  private failedTicks = 0;
  private lastTick: WatchTickReport | null = null;
  private lastSuccessfulTick: WatchTickReport | null = null;

  constructor(options: DeadlineWatcherOptions) {
    this.store = options.store;
    this.candidates = options.candidates;
    this.catchUp = options.catchUp ?? (async () => undefined);
    this.now = options.now;
    this.approachingWithinDays = wholeNumber(options.approachingWithinDays, 0, 'approachingWithinDays');
    this.intervalMs = wholeNumber(options.intervalMs ?? 60_000, 1, 'intervalMs');
    this.autoEscalationFor = options.autoEscalationFor ?? (() => null);
    this.actor = options.actor ?? DEADLINE_WATCHER_ACTOR;
    this.maxAttempts = wholeNumber(options.maxAttempts ?? 5, 1, 'maxAttempts');
    this.logger = options.logger ?? stderrRelayLogger;
    this.onTick = options.onTick;
    this.memory = new CaseWatchMemory(options.memoryCapacity);
  }

  /** Ticks now, then every `intervalMs` after the previous tick ended, until stop(). */
  start(): void {
    if (this.state === 'running') return;
    this.state = 'running';
    this.generation++;
    this.logger.info(
      {
        component: 'deadline-watcher',
        intervalMs: this.intervalMs,
        approachingWithinDays: this.approachingWithinDays,
      },
      `Deadline watcher started (every ${this.intervalMs} ms, lead time ${this.approachingWithinDays} days)`,
    );
    this.schedule(0, this.generation);
  }

  /** No new tick; the tick in progress stops after the case in hand. Resolves when it has. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.state === 'running') this.state = 'stopping';
    this.generation++;
    this.stops++;
    await this.inFlight?.catch(() => undefined);
    if (this.state === 'stopping') {
      this.state = 'stopped';
      this.logger.info({ component: 'deadline-watcher' }, 'Deadline watcher stopped');
    }
  }

  /**
   * One tick now (after the one in progress, if any), whether or not the watcher was started. Tests and tools use
   * it to run the calendar forward; the schedule uses it too.
   */
  tick(): Promise<WatchTickReport> {
    const previous = this.inFlight ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.runTick());
    this.inFlight = next;
    void next.finally(() => {
      if (this.inFlight === next) this.inFlight = null;
    });
    return next;
  }

  status(): WatcherStatus {
    return {
      state: this.state,
      intervalMs: this.intervalMs,
      approachingWithinDays: this.approachingWithinDays,
      ticks: this.ticks,
      failedTicks: this.failedTicks,
      lastTick: this.lastTick,
      lastSuccessfulTick: this.lastSuccessfulTick,
      rememberedCases: this.memory.size,
    };
  }

  private schedule(delayMs: number, generation: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().then(() => {
        if (this.state === 'running' && this.generation === generation) {
          this.schedule(this.intervalMs, generation);
        }
      });
    }, delayMs);
  }

  private async runTick(): Promise<WatchTickReport> {
    const stops = this.stops;
    const started = performance.now();
    let error = await this.catchUp().then(() => null, errorOf);
    const now = this.now();
    const today = toDutchDate(now.toISOString());
    const correlationId = randomUUID();
    const tally: TickTally = {
      candidates: 0,
      casesRead: 0,
      casesChanged: 0,
      eventsAppended: 0,
      eventsAlreadyStored: 0,
      eventTypes: {},
      refusals: {},
      conflicts: 0,
      interrupted: false,
    };
    if (error === null) {
      error = await this.watchCandidates({ now, today, correlationId, stops }, tally).then(
        () => null,
        errorOf,
      );
    }
    const report: WatchTickReport = {
      startedAt: now.toISOString(),
      today,
      durationMs: Math.round(performance.now() - started),
      ...tally,
      error,
    };
    this.finishTick(report, correlationId);
    return report;
  }

  private async watchCandidates(
    tick: { now: Date; today: string; correlationId: string; stops: number },
    tally: TickTally,
  ): Promise<void> {
    const { now, today, correlationId } = tick;
    const found = await this.candidates({
      today,
      dueOnOrBefore: addCalendarDays(today, this.approachingWithinDays),
    });
    tally.candidates = found.length;
    for (const candidate of found) {
      if (this.stops !== tick.stops) {
        tally.interrupted = true;
        return;
      }
      if (!this.memory.needsWatch(candidate.caseId, candidate.version, today)) continue;
      tally.casesRead++;
      const result = await watchCase({
        store: this.store,
        caseId: candidate.caseId,
        now,
        today,
        approachingWithinDays: this.approachingWithinDays,
        autoEscalationFor: this.autoEscalationFor,
        actor: this.actor,
        correlationId,
        maxAttempts: this.maxAttempts,
      });
      this.record(candidate.caseId, today, result, tally);
    }
  }

  private record(caseId: string, today: string, result: CaseWatchResult, tally: TickTally): void {
    switch (result.outcome) {
      case 'missing':
        this.memory.forget(caseId);
        return;
      case 'conflict':
        tally.conflicts++;
        this.memory.forget(caseId);
        this.logger.warn(
          { component: 'deadline-watcher', caseId, attempts: result.attempts },
          `Deadline watcher: case ${caseId} kept changing during ${result.attempts} attempts; the next tick tries again`,
        );
        return;
      default:
        this.memory.remember(caseId, result.version, today, result.nextWatchOn);
        if (result.outcome === 'already-stored') {
          tally.eventsAlreadyStored += result.events.length;
        } else if (result.outcome === 'appended') {
          tally.casesChanged++;
          tally.eventsAppended += result.events.length;
          for (const { type } of result.events) tally.eventTypes[type] = (tally.eventTypes[type] ?? 0) + 1;
        }
        for (const refusal of result.refusals) {
          const key = `${refusal.command}:${refusal.code}`;
          tally.refusals[key] = (tally.refusals[key] ?? 0) + 1;
          this.logger.warn(
            { component: 'deadline-watcher', caseId, command: refusal.command, code: refusal.code },
            `Deadline watcher: ${refusal.command} refused for case ${caseId} (${refusal.code})`,
          );
        }
    }
  }

  private finishTick(report: WatchTickReport, correlationId: string): void {
    this.ticks++;
    this.lastTick = report;
    const fields = {
      component: 'deadline-watcher',
      correlationId,
      today: report.today,
      candidates: report.candidates,
      casesRead: report.casesRead,
      eventsAppended: report.eventsAppended,
      durationMs: report.durationMs,
    };
    if (report.error) {
      this.failedTicks++;
      this.logger.error(
        { ...fields, error: report.error.name },
        `Deadline watcher tick failed (${report.error.name}: ${report.error.message}); the next tick starts over`,
      );
    } else {
      this.lastSuccessfulTick = report;
      if (report.eventsAppended > 0 || report.conflicts > 0) {
        this.logger.info({ ...fields, eventTypes: report.eventTypes }, 'Deadline watcher tick');
      }
    }
    this.onTick?.(report);
  }
}

function errorOf(caught: unknown): { name: string; message: string } {
  return {
    name: caught instanceof Error ? caught.name : typeof caught,
    message: caught instanceof Error ? caught.message : String(caught),
  };
}

function wholeNumber(value: number, min: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be a whole number of at least ${min}`);
  }
  return value;
}
