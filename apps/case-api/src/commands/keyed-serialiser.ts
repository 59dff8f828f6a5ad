/**
 * Runs tasks with the same key one after another (and tasks with different keys concurrently). Commands on one
 * case are serialised inside the process this way, so concurrent requests do not all read the same version and
 * lose the race to each other; the expected-version check still guards against other processes.
 */
export class KeyedSerialiser {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
