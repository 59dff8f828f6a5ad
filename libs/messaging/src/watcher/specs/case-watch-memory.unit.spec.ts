import { CaseWatchMemory } from '../case-watch-memory';

describe('CaseWatchMemory', () => {
  it('wants an unknown case read', () => {
    expect(new CaseWatchMemory().needsWatch('c1', 4, '2026-03-02')).toBe(true);
  });

  it('spares a case until its next watch date, or until the read model shows a newer version', () => {
    const memory = new CaseWatchMemory();
    memory.remember('c1', 5, '2026-03-02', '2026-03-09');
    expect(memory.needsWatch('c1', 5, '2026-03-08')).toBe(false);
    expect(memory.needsWatch('c1', 4, '2026-03-08')).toBe(false); // the read model lags the watcher's own append
    expect(memory.needsWatch('c1', 6, '2026-03-08')).toBe(true);
    expect(memory.needsWatch('c1', 5, '2026-03-09')).toBe(true);
    expect(memory.needsWatch('c1', 5, '2026-03-20')).toBe(true);
  });

  it('never reads an unchanged case twice on one day, and never again without a next watch date', () => {
    const memory = new CaseWatchMemory();
    memory.remember('c1', 5, '2026-03-09', '2026-03-09');
    expect(memory.needsWatch('c1', 5, '2026-03-09')).toBe(false);
    memory.remember('c2', 3, '2026-03-09', null);
    expect(memory.needsWatch('c2', 3, '2030-01-01')).toBe(false);
    expect(memory.needsWatch('c2', 4, '2026-03-09')).toBe(true);
  });

  it('forgets the least recently remembered case beyond its capacity', () => {
    const memory = new CaseWatchMemory(2);
    memory.remember('c1', 1, '2026-03-02', null);
    memory.remember('c2', 1, '2026-03-02', null);
    memory.remember('c1', 2, '2026-03-02', null);
    memory.remember('c3', 1, '2026-03-02', null);
    expect(memory.size).toBe(2);
    expect(memory.needsWatch('c2', 1, '2026-03-02')).toBe(true);
    expect(memory.needsWatch('c1', 2, '2026-03-02')).toBe(false);
    expect(() => new CaseWatchMemory(0)).toThrow(RangeError);
  });
});
