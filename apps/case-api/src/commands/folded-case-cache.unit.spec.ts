import { initialState } from '@casusregie/domain';
import { type FoldedCase, FoldedCaseCache, eventIdHash } from './folded-case-cache';

const entry = (version: number): FoldedCase => ({
  version,
  state: initialState(),
  lastPosition: version,
  eventIdHashes: [],
});

describe('FoldedCaseCache', () => {
  it('holds at most its capacity and drops the least recently used case first', () => {
    const cache = new FoldedCaseCache(2);
    cache.set('case-a', entry(1));
    cache.set('case-b', entry(2));
    expect(cache.get('case-a')?.version).toBe(1); // a is now more recent than b
    cache.set('case-c', entry(3));
    expect(cache.size).toBe(2);
    expect(cache.get('case-b')).toBeUndefined();
    expect(cache.get('case-a')?.version).toBe(1);
    expect(cache.get('case-c')?.version).toBe(3);
  });

  it('replaces and deletes entries; capacity 0 keeps nothing', () => {
    const cache = new FoldedCaseCache(2);
    cache.set('case-a', entry(1));
    cache.set('case-a', entry(2));
    expect(cache.get('case-a')?.version).toBe(2);
    cache.delete('case-a');
    expect(cache.get('case-a')).toBeUndefined();
    const none = new FoldedCaseCache(0);
    none.set('case-a', entry(1));
    expect(none.size).toBe(0);
  });

  it('hashes event ids to 32-bit numbers, equal for equal ids', () => {
    const id = '6f1d2c1e-9a0b-5c3d-8e4f-112233445566';
    expect(eventIdHash(id)).toBe(eventIdHash(`${id}`));
    expect(eventIdHash(id)).not.toBe(eventIdHash(id.replace('6f', '6e')));
    expect(Number.isInteger(eventIdHash(id)) && eventIdHash(id) >= 0 && eventIdHash(id) < 2 ** 32).toBe(true);
  });
});
