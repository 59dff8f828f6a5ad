import { amsterdamOffsetMs } from './amsterdam-time';
import { parseIsoTime, startOfDutchDate, toDutchDate } from './iso-time';

describe('Dutch civil time', () => {
  it.each([
    ['2025-03-30T00:59:59Z', 1, 'just before summer time starts'],
    ['2025-03-30T01:00:00Z', 2, 'summer time from 02:00 local on the last Sunday of March'],
    ['2025-10-26T00:59:59Z', 2, 'just before summer time ends'],
    ['2025-10-26T01:00:00Z', 1, 'winter time from 03:00 local on the last Sunday of October'],
    ['2026-07-01T12:00:00Z', 2, 'midsummer'],
    ['2026-01-15T12:00:00Z', 1, 'midwinter'],
  ])('given %s, then the offset is UTC+%i (%s)', (instant, hours) => {
    expect(amsterdamOffsetMs(parseIsoTime(instant).ms)).toBe(hours * 3_600_000);
  });

  it.each([
    ['2025-06-10', '2025-06-10'],
    ['2025-06-10T21:59:59Z', '2025-06-10'],
    ['2025-06-10T22:00:00Z', '2025-06-11'],
    ['2025-12-31T22:59:59.999Z', '2025-12-31'],
    ['2025-12-31T23:00:00Z', '2026-01-01'],
    ['2026-01-01T00:30:00+01:00', '2026-01-01'],
    ['2025-06-10T08:00:00-05:00', '2025-06-10'],
    ['2025-06-10T23:30+00:00', '2025-06-11'],
    ['2025-06-10T12:00:00.123456789Z', '2025-06-10'],
  ])('given %s, then the Dutch calendar date is %s', (value, expected) => {
    expect(toDutchDate(value)).toBe(expected);
  });

  it.each([
    ['2025-06-10', '2025-06-09T22:00:00.000Z'],
    ['2025-12-10', '2025-12-09T23:00:00.000Z'],
    ['2025-03-30', '2025-03-29T23:00:00.000Z'],
    ['2025-03-31', '2025-03-30T22:00:00.000Z'],
    ['2025-10-26', '2025-10-25T22:00:00.000Z'],
    ['2025-10-27', '2025-10-26T23:00:00.000Z'],
  ])('given the date %s, then its Dutch day starts at %s', (date, expected) => {
    expect(startOfDutchDate(date)).toBe(expected);
  });

  it.each([
    '',
    '2025-6-1',
    '2025-06-10T12:00Z+',
    '2025-06-10 12:00:00Z',
    '2025-06-10T12:00:00+25:00',
    '10000-01-01',
    '1979-12-31',
  ])('given the unusable value "%s", then parsing is refused with deadline.invalid-date', (value) => {
    expect(() => parseIsoTime(value)).toThrow(expect.objectContaining({ code: 'deadline.invalid-date' }));
  });
});
