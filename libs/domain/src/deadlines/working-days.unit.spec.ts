import { DeadlineError } from './deadline-error';
import { addWorkingDays, isWorkingDay } from './working-days';

describe('addWorkingDays', () => {
  it.each([
    // given start, n, then expected, why
    ['2025-05-05', 0, '2025-05-05', 'n = 0 is the start day itself, even a holiday'],
    ['2025-06-02', 1, '2025-06-03', 'an ordinary Monday to Tuesday'],
    ['2025-06-06', 1, '2025-06-10', 'Friday + 1 skips the weekend and Tweede Pinksterdag'],
    ['2025-06-07', 1, '2025-06-10', 'a Saturday start counts from the next working day'],
    ['2025-04-25', 1, '2025-04-28', 'across Koningsdag on Saturday 26 April 2025'],
    ['2026-04-24', 1, '2026-04-28', 'across Koningsdag on Monday 27 April 2026'],
    ['2025-04-25', 5, '2025-05-02', 'five working days from the Friday before Koningsdag 2025'],
    ['2025-04-16', 1, '2025-04-17', 'Wednesday to Witte Donderdag'],
    ['2025-04-17', 1, '2025-04-22', 'across Goede Vrijdag, the Easter weekend and Tweede Paasdag'],
    ['2025-05-02', 1, '2025-05-06', 'across the weekend and Bevrijdingsdag (5 May, every year)'],
    ['2025-05-28', 1, '2025-05-30', 'across Hemelvaartsdag'],
    ['2025-12-23', 3, '2025-12-30', 'across Eerste and Tweede Kerstdag and a weekend'],
    ['2025-12-24', 1, '2025-12-29', 'from Kerstavond over Christmas and the weekend'],
    ['2025-12-31', 1, '2026-01-02', 'across the year boundary and Nieuwjaarsdag'],
    [
      '2026-12-24',
      5,
      '2027-01-04',
      'over Christmas, Nieuwjaarsdag on a Friday and two weekends into the next year',
    ],
    ['2025-06-10', 10, '2025-06-24', 'a table service level of 10 working days'],
    ['2025-05-06', -1, '2025-05-02', 'backwards across Bevrijdingsdag and the weekend'],
  ])('given %s, when adding %i working days, then the result is %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  it('given an instant, when adding working days, then the Dutch calendar day of the instant is the start', () => {
    // Friday 23:30 Dutch summer time is still Friday in the Netherlands (21:30Z) ...
    expect(addWorkingDays('2025-06-06T21:30:00Z', 1)).toBe('2025-06-10');
    // ... and 00:30 on Saturday Dutch time (22:30Z on Friday) is Saturday: the same answer, counted from Saturday.
    expect(addWorkingDays('2025-06-06T22:30:00Z', 1)).toBe('2025-06-10');
    // Monday 00:30 Dutch winter time is 23:30Z on Sunday: the start is Monday, so one working day is Tuesday.
    expect(addWorkingDays('2025-12-14T23:30:00Z', 1)).toBe('2025-12-16');
    expect(addWorkingDays('2025-12-15T00:30:00+01:00', 1)).toBe('2025-12-16');
  });

  it('given a fractional number of days, when adding, then it is refused with a code', () => {
    expect(() => addWorkingDays('2025-06-02', 1.5)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid-input' }) as DeadlineError,
    );
  });

  it.each(['2025-02-30', '2025-06-02T10:00:00', '02-06-2025', '2025-06-02T25:00:00Z', '1970-01-01'])(
    'given the unusable date %s, when adding working days, then it is refused with deadline.invalid-date',
    (bad) => {
      expect(() => addWorkingDays(bad, 1)).toThrow(
        expect.objectContaining({ code: 'deadline.invalid-date' }),
      );
    },
  );
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-06-02', true],
    ['2025-06-07', false],
    ['2025-06-08', false],
    ['2025-06-09', false],
    ['2025-12-26', false],
    ['2026-01-02', true],
  ])('given %s, then isWorkingDay is %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});
