import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const middle = () => 0.5;

  it('doubles from the initial delay and stops at the cap', () => {
    const delays = Array.from({ length: 10 }, (_, attempt) =>
      backoffDelay(attempt, { initialMs: 100, maxMs: 5_000 }, middle),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000, 5_000]);
  });

  it('spreads delays by the jitter, never above the cap', () => {
    expect(backoffDelay(2, { initialMs: 100, jitter: 0.2 }, () => 0)).toBe(320);
    expect(backoffDelay(2, { initialMs: 100, jitter: 0.2 }, () => 1)).toBe(480);
    expect(backoffDelay(50, { initialMs: 100, maxMs: 1_000, jitter: 0.2 }, () => 1)).toBe(1_000);
  });

  it('defaults to 200 ms doubling up to 30 s', () => {
    expect(backoffDelay(0, {}, middle)).toBe(200);
    expect(backoffDelay(1_000_000, {}, middle)).toBe(30_000);
  });
});

describe('sleep', () => {
  it('resolves true after the delay, false at once when aborted', async () => {
    await expect(sleep(5, new AbortController().signal)).resolves.toBe(true);
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
