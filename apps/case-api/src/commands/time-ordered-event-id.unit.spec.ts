import { timeOrderedEventId } from './time-ordered-event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedEventId', () => {
  it('is a version 7 UUID whose first 48 bits are the milliseconds', () => {
    const id = timeOrderedEventId(Date.UTC(2026, 10, 25, 9, 30));

    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 10, 25, 9, 30));
  });

  it('sorts by time, so new ids land at the end of an index', () => {
    const earlier = timeOrderedEventId(1_764_000_000_000);
    const later = timeOrderedEventId(1_764_000_000_001);

    expect(earlier < later).toBe(true);
  });

  it('differs between two ids of the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedEventId(1_764_000_000_000)));

    expect(ids.size).toBe(1000);
  });
});
