import { LruCache } from './lru-cache';

describe('LruCache (two generations)', () => {
  it('pushes out, at most `capacity` entries on, what nobody used since the last generation', () => {
    const cache = new LruCache<string, number>(4);
    expect(cache.set('a', 1)).toEqual([]);
    expect(cache.set('b', 2)).toEqual([]); // young is full (2): it becomes old
    expect(cache.get('a')).toBe(1); // used again: back to young
    expect(cache.set('c', 3)).toEqual([['b', 2]]); // young full again: old (b) goes, young (a, c) ages
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c'), cache.size]).toEqual([1, undefined, 3, 2]);
    expect(cache.set('a', 10)).toEqual([]); // replacing keeps one entry
    expect([cache.get('a'), cache.size]).toEqual([10, 2]);
  });

  it('never holds more than its capacity', () => {
    const cache = new LruCache<number, number>(10);
    for (let i = 0; i < 1000; i++) {
      cache.set(i, i);
      if (i % 3 === 0) cache.get(i - 1);
      expect(cache.size).toBeLessThanOrEqual(10);
    }
  });

  it('peeks and replaces without changing recency, deletes and clears', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.replace('a', 5);
    cache.replace('x', 9);
    expect(cache.peek('x')).toBeUndefined();
    expect(cache.set('c', 3)).toEqual([]);
    expect(cache.set('d', 4)).toEqual([
      ['a', 5],
      ['b', 2],
    ]);
    expect([...cache.values()]).toEqual([3, 4]);
    cache.delete('c');
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => new LruCache(1)).toThrow(RangeError);
  });
});
