import { type CaseState, initialState } from '@casusregie/domain';
import { CaseStateCache } from './case-states';

const stateOf = (caseId: string): CaseState => ({ ...initialState(), caseId });
const at = (streamId: string, streamVersion: number) => ({ streamId, streamVersion });

describe('CaseStateCache', () => {
  it('gives the initial state before the first event of a stream', () => {
    expect(new CaseStateCache(1).before(at('case-a', 0))).toEqual(initialState());
  });

  it('gives a remembered state only to the event right after it', () => {
    const cache = new CaseStateCache(10);
    cache.remember(at('case-a', 3), stateOf('a'));
    expect(cache.before(at('case-a', 4))).toEqual(stateOf('a'));
    expect(cache.before(at('case-a', 5))).toBeUndefined();
    expect(cache.before(at('case-a', 3))).toBeUndefined();
    expect(cache.before(at('case-b', 4))).toBeUndefined();
  });

  it('evicts the least recently remembered stream first, and forgets everything on clear', () => {
    const cache = new CaseStateCache(2);
    cache.remember(at('case-a', 0), stateOf('a'));
    cache.remember(at('case-b', 0), stateOf('b'));
    cache.remember(at('case-a', 1), stateOf('a1'));
    cache.remember(at('case-c', 0), stateOf('c'));
    expect(cache.before(at('case-b', 1))).toBeUndefined();
    expect(cache.before(at('case-a', 2))).toEqual(stateOf('a1'));
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.before(at('case-c', 1))).toBeUndefined();
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new CaseStateCache(0)).toThrow(RangeError);
    expect(() => new CaseStateCache(1.5)).toThrow(RangeError);
  });
});
