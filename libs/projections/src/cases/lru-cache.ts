/**
 * An approximate least-recently-used cache in two generations: new and recently used entries live in `young`;
 * when `young` holds half the capacity it becomes `old`, and whatever `old` held and nobody used since is pushed
 * out. A hit in `young` costs one Map lookup (an exact LRU reorders on every hit, which showed in rebuild profiles).
 * Holds at most `capacity` entries.
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 2) throw new RangeError('capacity must be 2 or more');
    this.half = Math.floor(capacity / 2);
  }

  /** The value; it now counts as recently used. */
  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.young.set(key, aged);
    }
    return aged;
  }

  /** The value, without changing its recency. */
  peek(key: K): V | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  /** Stores the value as recently used; returns the entries this pushed out. */
  set(key: K, value: V): [K, V][] {
    this.old.delete(key);
    this.young.set(key, value);
    if (this.young.size < this.half) return [];
    const evicted = [...this.old];
    this.old = this.young;
    this.young = new Map();
    return evicted;
  }

  /** Replaces the value of a key that is present, without changing its recency. */
  replace(key: K, value: V): void {
    if (this.young.has(key)) this.young.set(key, value);
    else if (this.old.has(key)) this.old.set(key, value);
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  *values(): IterableIterator<V> {
    yield* this.old.values();
    yield* this.young.values();
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
