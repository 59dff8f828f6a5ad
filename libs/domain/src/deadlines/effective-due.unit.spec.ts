import { close, extend, resume, suspend } from './deadline-lifecycle';
import { liaisonAnswerDeadline } from './deadline-constructors';
import { effectiveDueAt, isSuspendedAt, missedFrom, suspendedDays } from './effective-due';

// Requested on Monday 2 June 2025; 5 working days (Tweede Pinksterdag 9 June is skipped): due Tuesday 10 June.
const requested = liaisonAnswerDeadline('req-1', '2025-06-02T09:00:00Z', 'org-zilveren-kruis');

describe('effectiveDueAt', () => {
  it('given a fresh deadline, then the effective due date is the original one', () => {
    expect(requested.originalDueAt).toBe('2025-06-10');
    expect(effectiveDueAt(requested)).toBe('2025-06-10');
    expect(effectiveDueAt(requested, '2025-06-05T12:00:00Z')).toBe('2025-06-10');
  });

  it('given a suspension from Wednesday to Friday, then the due date moves by 2 calendar days', () => {
    const d = resume(
      suspend(requested, '2025-06-04T10:00:00Z', 'wachten op stukken'),
      '2025-06-06T15:00:00Z',
    );
    expect(suspendedDays(d)).toBe(2);
    expect(effectiveDueAt(d)).toBe('2025-06-12');
    expect(effectiveDueAt(d, '2025-06-20T00:00:00Z')).toBe('2025-06-12');
  });

  it('given a suspension resumed the same day, then it counts 0 days', () => {
    const d = resume(suspend(requested, '2025-06-04T08:00:00Z', 'kort overleg'), '2025-06-04T16:00:00Z');
    expect(effectiveDueAt(d)).toBe('2025-06-10');
  });

  it('given an open suspension, then it counts up to the day of `at`, and 0 days without `at`', () => {
    const d = suspend(requested, '2025-06-04T10:00:00Z', 'wachten op stukken');
    expect(effectiveDueAt(d)).toBe('2025-06-10');
    expect(effectiveDueAt(d, '2025-06-04T18:00:00Z')).toBe('2025-06-10');
    expect(effectiveDueAt(d, '2025-06-05T09:00:00Z')).toBe('2025-06-11');
    expect(effectiveDueAt(d, '2025-06-30T09:00:00Z')).toBe('2025-07-06');
    expect(suspendedDays(d, '2025-06-30T09:00:00Z')).toBe(26);
  });

  it('given a past point of view, then later suspensions and the part after `at` are ignored', () => {
    const d = resume(
      suspend(requested, '2025-06-04T10:00:00Z', 'wachten op stukken'),
      '2025-06-09T10:00:00Z',
    );
    expect(effectiveDueAt(d, '2025-06-03T10:00:00Z')).toBe('2025-06-10');
    expect(effectiveDueAt(d, '2025-06-06T10:00:00Z')).toBe('2025-06-12');
    expect(effectiveDueAt(d, '2025-06-09T10:00:00Z')).toBe('2025-06-15');
  });

  it('given two suspensions, then both move the due date', () => {
    const once = resume(suspend(requested, '2025-06-03T10:00:00Z', 'stukken'), '2025-06-05T10:00:00Z');
    const twice = resume(suspend(once, '2025-06-05T11:00:00Z', 'cliënt ziek'), '2025-06-08T11:00:00Z');
    expect(suspendedDays(twice)).toBe(5);
    expect(effectiveDueAt(twice)).toBe('2025-06-15');
  });

  it('given an extension after a suspension, then the new date stands and the earlier suspension is absorbed', () => {
    const suspended = resume(suspend(requested, '2025-06-03T10:00:00Z', 'stukken'), '2025-06-05T10:00:00Z');
    const extended = extend(suspended, '2025-06-20', 'wachtlijst aanbieder', '2025-06-06T10:00:00Z');
    expect(effectiveDueAt(extended)).toBe('2025-06-20');
    expect(effectiveDueAt(extended, '2025-06-05T12:00:00Z')).toBe('2025-06-12');
  });

  it('given a suspension after an extension, then it moves the extended date', () => {
    const extended = extend(requested, '2025-06-20', 'wachtlijst aanbieder', '2025-06-04T10:00:00Z');
    const d = resume(suspend(extended, '2025-06-10T10:00:00Z', 'stukken'), '2025-06-13T10:00:00Z');
    expect(effectiveDueAt(d)).toBe('2025-06-23');
  });
});

describe('isSuspendedAt and missedFrom', () => {
  const d = resume(suspend(requested, '2025-06-04T10:00:00Z', 'stukken'), '2025-06-06T10:00:00Z');

  it('given a closed suspension, then the clock is stopped from `from` (inclusive) to `until` (exclusive)', () => {
    expect(isSuspendedAt(d, '2025-06-04T09:59:59Z')).toBe(false);
    expect(isSuspendedAt(d, '2025-06-04T10:00:00Z')).toBe(true);
    expect(isSuspendedAt(d, '2025-06-06T09:59:59Z')).toBe(true);
    expect(isSuspendedAt(d, '2025-06-06T10:00:00Z')).toBe(false);
  });

  it('given a deadline due on 12 June, then it is missed from 00:00 Dutch summer time on 13 June', () => {
    expect(missedFrom(d)).toBe('2025-06-12T22:00:00.000Z');
  });

  it('given a deadline due in winter, then it is missed from 00:00 Dutch winter time', () => {
    const winter = liaisonAnswerDeadline('req-2', '2025-12-01T09:00:00Z', 'org-vgz');
    expect(winter.originalDueAt).toBe('2025-12-08');
    expect(missedFrom(winter)).toBe('2025-12-08T23:00:00.000Z');
  });

  it('given a deadline closed while suspended, then the suspension ends at the closing moment', () => {
    const closed = close(suspend(requested, '2025-06-04T10:00:00Z', 'stukken'), '2025-06-07T10:00:00Z');
    expect(closed.suspensions).toEqual([
      { from: '2025-06-04T10:00:00Z', until: '2025-06-07T10:00:00Z', reason: 'stukken' },
    ]);
    expect(effectiveDueAt(closed)).toBe('2025-06-13');
  });
});
