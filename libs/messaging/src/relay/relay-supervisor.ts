import { type BackoffOptions, backoffDelay, sleep } from './backoff';
import type { RelayError, RelayStatus, StopOptions } from './event-relay';
import { type RelayLogger, stderrRelayLogger } from './relay-logger';

/** What the supervisor needs of a relay (an EventRelay fits). */
export interface SupervisedRelay {
  readonly name: string;
  start(): Promise<void>;
  stop(options?: StopOptions): Promise<void>;
  /** Resolves when the relay has stopped, by stop() or by a failure. */
  finished(): Promise<void>;
  status(): RelayStatus;
}

export interface RelaySupervisorOptions {
  /** Delay before each restart; grows while restarts fail without progress (default 1 s doubling up to 60 s). */
  readonly backoff?: BackoffOptions;
  readonly logger?: RelayLogger;
  readonly now?: () => Date;
  readonly random?: () => number;
}

/** idle: not started. supervising: the relay runs. restarting: it failed and is started again after a delay. */
export type SupervisorState = 'idle' | 'supervising' | 'restarting' | 'stopped';

export interface SupervisorStatus {
  readonly state: SupervisorState;
  /** Restarts after a failure since start(). */
  readonly restarts: number;
  /** Failures in a row, counting only those with no progress of the checkpoint in between (sets the delay). */
  readonly consecutiveFailures: number;
  /** The error of the last failure (of the relay or of starting it), or null. */
  readonly lastFailure: RelayError | null;
  /** When the pending restart is due (ISO-8601), or null. */
  readonly nextRestartAt: string | null;
}

export const DEFAULT_RESTART_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000 };

/**
 * Restarts a relay that ended `failed` (the event store or the checkpoint store failed under it), after a capped,
 * growing delay, until stop(). Nothing is lost meanwhile: the relay continues after its stored checkpoint. A relay
 * that stopped without failing (stop(), or its subscription ended because the store closed) is left stopped.
 */
export class RelaySupervisor {
  private readonly backoff: BackoffOptions;
  private readonly logger: RelayLogger;
  private readonly now: () => Date;
  private readonly random: () => number;
  private state: SupervisorState = 'idle';
  private stopper = new AbortController();
  private watching: Promise<void> | null = null;
  private restarts = 0;
  private consecutiveFailures = 0;
  private lastFailure: RelayError | null = null;
  private nextRestartAt: Date | null = null;
  private stopOptions: StopOptions | undefined;

  constructor(
    private readonly relay: SupervisedRelay,
    options: RelaySupervisorOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
    this.logger = options.logger ?? stderrRelayLogger;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Starts the relay (a failure to start is retried like a failure later) and watches it. */
  async start(): Promise<void> {
    if (this.watching) return;
    this.stopper = new AbortController();
    this.state = 'supervising';
    this.restarts = 0;
    this.consecutiveFailures = 0;
    this.lastFailure = null;
    const started = await this.tryStart();
    this.watching = this.watch(started);
  }

  /** Stops restarting (a pending restart is cancelled at once), then stops the relay. */
  async stop(options?: StopOptions): Promise<void> {
    this.stopOptions = options;
    this.stopper.abort();
    await this.relay.stop(options);
    await this.watching;
    this.watching = null;
    this.nextRestartAt = null;
    this.state = 'stopped';
  }

  status(): SupervisorStatus {
    return {
      state: this.state,
      restarts: this.restarts,
      consecutiveFailures: this.consecutiveFailures,
      lastFailure: this.lastFailure,
      nextRestartAt: this.nextRestartAt?.toISOString() ?? null,
    };
  }

  private async watch(started: boolean): Promise<void> {
    let running = started;
    let checkpointAtStart = this.relay.status().checkpoint;
    for (;;) {
      if (running) {
        await this.relay.finished();
        if (this.stopper.signal.aborted) return;
        const status = this.relay.status();
        if (status.state !== 'failed') {
          this.state = 'stopped';
          return;
        }
        if (status.checkpoint > checkpointAtStart) this.consecutiveFailures = 0;
        this.failed(status.lastError);
      }
      const delay = backoffDelay(this.consecutiveFailures - 1, this.backoff, this.random);
      this.state = 'restarting';
      this.nextRestartAt = new Date(this.now().getTime() + delay);
      this.logger.warn(
        {
          relay: this.relay.name,
          restartInMs: delay,
          failures: this.consecutiveFailures,
          error: this.lastFailure?.name,
        },
        `Relay ${this.relay.name} failed; restarting in ${delay} ms`,
      );
      if (!(await sleep(delay, this.stopper.signal))) return;
      this.nextRestartAt = null;
      this.restarts++;
      checkpointAtStart = this.relay.status().checkpoint;
      running = await this.tryStart();
      // stop() came while the relay was starting: its stop() found nothing to stop yet.
      if (this.stopper.signal.aborted) {
        if (running) await this.relay.stop(this.stopOptions);
        return;
      }
      if (running) this.state = 'supervising';
    }
  }

  /** False when starting failed (the store cannot load the checkpoint): counted as a failure. */
  private async tryStart(): Promise<boolean> {
    try {
      await this.relay.start();
      return true;
    } catch (error) {
      this.failed({
        name: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message : String(error),
        at: this.now().toISOString(),
      });
      return false;
    }
  }

  private failed(error: RelayError | null): void {
    this.consecutiveFailures++;
    this.lastFailure = error ?? { name: 'Error', message: 'the relay failed', at: this.now().toISOString() };
  }
}
