import type { RunnerStatus } from './projection-runner';

/**
 * What a host needs of a running projection, whether it runs in this thread (ProjectionRunner) or in a worker
 * thread (WorkerProjectionRunner): start and stop it, how far the read model is, read-your-writes and status.
 */
export interface ProjectionProcessor {
  readonly name: string;
  /** Starts (or restarts, after stop() or a failure) from the stored checkpoint. */
  start(): void;
  /** Stops after the batch in progress (which commits or rolls back as a whole). */
  stop(): Promise<void>;
  /** Resolves when the processor has stopped, by stop() or by a failure. */
  finished(): Promise<void>;
  /** The global position up to which the read model is complete. */
  position(): number;
  /** The stored checkpoint: the global position of the last event committed. */
  checkpoint(): number;
  /** How many positions the read model is behind `head`; 0 when caught up. */
  lag(head: number): number;
  /** true once position() reached `position`; false after `timeoutMs`, or at once when not running. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  status(): RunnerStatus;
}
