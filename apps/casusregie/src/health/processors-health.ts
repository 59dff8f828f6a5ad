import type { DeadlineWatcher, KafkaRelay, WatchTickReport } from '@casusregie/messaging';

export interface RelayReadiness {
  /**
   * up: publishing or waiting for events; retrying: the broker does not acknowledge; restarting: the relay failed
   * (the store under it) and is started again after a delay; else the relay's state.
   */
  readonly status: 'up' | 'retrying' | 'restarting' | 'idle' | 'stopping' | 'stopped' | 'failed';
  /** Every event up to this global position is acknowledged by the broker. */
  readonly checkpoint: number;
  readonly head: number;
  /** Events in the log not yet acknowledged by the broker. */
  readonly lag: number;
  readonly consecutiveFailures: number;
  readonly failingSince: string | null;
  readonly lastError: { readonly name: string; readonly at: string } | null;
  readonly lastAcknowledgedAt: string | null;
  /** Restarts after a failure since the process started, the last failure (name and time) and the next restart. */
  readonly restarts: number;
  readonly lastFailure: { readonly name: string; readonly at: string } | null;
  readonly nextRestartAt: string | null;
}

export interface WatcherReadiness {
  /** up: scheduled and the last tick went well (or none ran yet); failing: the last tick failed. */
  readonly status: 'up' | 'failing' | 'idle' | 'stopping' | 'stopped';
  readonly intervalMs: number;
  readonly approachingWithinDays: number;
  readonly ticks: number;
  readonly failedTicks: number;
  readonly lastTick: LastTick | null;
  /** The watcher's clock at the start of the last tick that went well. */
  readonly lastSuccessfulTickAt: string | null;
}

type LastTick = Pick<
  WatchTickReport,
  'startedAt' | 'today' | 'durationMs' | 'candidates' | 'casesRead' | 'eventsAppended' | 'conflicts'
> & { readonly error: string | null };

/** The relay's part of /health/ready: its state and lag (the error's name and time only, never a message). */
export async function relayReadiness(relay: KafkaRelay): Promise<RelayReadiness> {
  const health = await relay.health();
  const { supervisor } = health;
  const status =
    supervisor.state === 'restarting' ? 'restarting' : health.state === 'running' ? 'up' : health.state;
  return {
    status,
    checkpoint: health.checkpoint,
    head: health.head,
    lag: health.lag,
    consecutiveFailures: health.consecutiveFailures,
    failingSince: health.failingSince,
    lastError: health.lastError && { name: health.lastError.name, at: health.lastError.at },
    lastAcknowledgedAt: health.lastAcknowledgedAt,
    restarts: supervisor.restarts,
    lastFailure: supervisor.lastFailure && {
      name: supervisor.lastFailure.name,
      at: supervisor.lastFailure.at,
    },
    nextRestartAt: supervisor.nextRestartAt,
  };
}

/** The watcher's part of /health/ready: its schedule and its last tick. */
export function watcherReadiness(watcher: DeadlineWatcher): WatcherReadiness {
  const status = watcher.status();
  const last = status.lastTick;
  return {
    status: status.state === 'running' ? (last?.error ? 'failing' : 'up') : status.state,
    intervalMs: status.intervalMs,
    approachingWithinDays: status.approachingWithinDays,
    ticks: status.ticks,
    failedTicks: status.failedTicks,
    lastTick: last && {
      startedAt: last.startedAt,
      today: last.today,
      durationMs: last.durationMs,
      candidates: last.candidates,
      casesRead: last.casesRead,
      eventsAppended: last.eventsAppended,
      conflicts: last.conflicts,
      error: last.error?.name ?? null,
    },
    lastSuccessfulTickAt: status.lastSuccessfulTick?.startedAt ?? null,
  };
}
