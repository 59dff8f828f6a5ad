/** A small least-recently-used cache over a Map (insertion order is recency order). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('capacity must be 1 or more');
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The value, without changing its recency. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Stores the value as the most recently used; returns the entries this pushed out (oldest first). */
  set(key: K, value: V): [K, V][] {
    this.entries.delete(key);
    this.entries.set(key, value);
    const evicted: [K, V][] = [];
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldestValue] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      evicted.push([oldestKey, oldestValue]);
    }
    return evicted;
  }

  /** Replaces the value of a key that is present, without changing its recency. */
  replace(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.set(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
