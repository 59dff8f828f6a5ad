import { GroupCommitQueue, type Outcome } from './group-commit-queue';

describe('GroupCommitQueue', () => {
  it('hands requests made in the same turn of the event loop to one batch, each with its own outcome', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, number>((requests) => {
      batches.push([...requests]);
      return requests.map((n): Outcome<number> =>
        n % 2 === 0 ? { ok: true, value: n * 10 } : { ok: false, error: n },
      );
    }, 100);

    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((n) => queue.enqueue(n)));

    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: 1 },
      { status: 'fulfilled', value: 20 },
      { status: 'rejected', reason: 3 },
      { status: 'fulfilled', value: 40 },
    ]);
  });

  it('splits a burst into batches of at most maxBatchSize', async () => {
    const sizes: number[] = [];
    const queue = new GroupCommitQueue<number, number>((requests) => {
      sizes.push(requests.length);
      return requests.map((n) => ({ ok: true, value: n }));
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, n) => queue.enqueue(n)));
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('fails every request of a batch whose write throws, and keeps serving later batches', async () => {
    let fail = true;
    const queue = new GroupCommitQueue<number, number>((requests) => {
      if (fail) throw new Error('disk full');
      return requests.map((n) => ({ ok: true, value: n }));
    }, 10);
    const failed = await Promise.allSettled([queue.enqueue(1), queue.enqueue(2)]);
    expect(failed.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(queue.enqueue(3)).resolves.toBe(3);
  });

  it('drain writes what is queued synchronously', async () => {
    const written: number[] = [];
    const queue = new GroupCommitQueue<number, number>((requests) => {
      written.push(...requests);
      return requests.map((n) => ({ ok: true, value: n }));
    }, 10);
    const pending = queue.enqueue(7);
    queue.drain();
    expect(written).toEqual([7]);
    await expect(pending).resolves.toBe(7);
  });

  it('keeps one batch in flight with a writer that answers later; what arrives meanwhile is the next batch', async () => {
    const batches: number[][] = [];
    const answers: (() => void)[] = [];
    const queue = new GroupCommitQueue<number, number>(
      (requests) =>
        new Promise((resolve) => {
          batches.push([...requests]);
          answers.push(() => resolve(requests.map((n) => ({ ok: true, value: n * 2 }))));
        }),
      100,
    );
    const first = [queue.enqueue(1), queue.enqueue(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [queue.enqueue(3), queue.enqueue(4), queue.enqueue(5)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2]]); // the first batch is still out
    answers[0]();
    await expect(Promise.all(first)).resolves.toEqual([2, 4]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    const settled = queue.settled();
    answers[1]();
    await settled;
    await expect(Promise.all(second)).resolves.toEqual([6, 8, 10]);
  });

  it('fails a whole batch whose asynchronous write fails', async () => {
    const queue = new GroupCommitQueue<number, number>(() => Promise.reject(new Error('writer gone')), 10);
    const outcomes = await Promise.allSettled([queue.enqueue(1), queue.enqueue(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await queue.settled();
  });
});
