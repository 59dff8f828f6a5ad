import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('pushes out the least recently used entries beyond its capacity and returns them', () => {
    const cache = new LruCache<string, number>(2);
    expect(cache.set('a', 1)).toEqual([]);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    expect(cache.set('c', 3)).toEqual([['b', 2]]);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
    expect(cache.set('a', 10)).toEqual([]); // replacing keeps one entry
    expect([cache.get('a'), cache.size]).toEqual([10, 2]);
  });

  it('peeks and replaces without changing recency', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.replace('a', 5);
    cache.replace('x', 9);
    expect(cache.set('c', 3)).toEqual([['a', 5]]);
    expect([...cache.values()]).toEqual([2, 3]);
    cache.delete('b');
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
