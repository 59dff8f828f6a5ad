/** Capped exponential backoff with jitter, for retrying a publish while the broker is unreachable. */
export interface BackoffOptions {
  /** Delay before the first retry (default 200 ms). */
  readonly initialMs?: number;
  /** Upper bound of any delay (default 30 s). */
  readonly maxMs?: number;
  /** Growth per attempt (default 2). */
  readonly multiplier?: number;
  /** Relative jitter: each delay is scaled by a random factor in [1 - jitter, 1 + jitter] (default 0.2). */
  readonly jitter?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialMs: 200,
  maxMs: 30_000,
  multiplier: 2,
  jitter: 0.2,
};

/** The delay before retry number `attempt` (0 = the first retry), never above `maxMs`. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs, multiplier, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 64);
  const base = Math.min(maxMs, initialMs * multiplier ** exponent);
  const factor = 1 - jitter + 2 * jitter * random();
  return Math.max(0, Math.min(maxMs, Math.round(base * factor)));
}

/** Resolves after `ms`, or at once when `signal` aborts (then it resolves false). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
