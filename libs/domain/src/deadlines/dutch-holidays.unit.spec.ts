import { dutchHolidays, easterSunday, isDutchHoliday } from './dutch-holidays';

describe('Dutch public holidays (Algemene termijnenwet art. 3)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('given %i, when computing Easter, then Easter Sunday is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('given 2026, when listing the holidays, then all eleven are there in calendar order', () => {
    expect(dutchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it.each([
    ['2025-04-26', 'Koningsdag on Saturday 26 April because 27 April 2025 is a Sunday'],
    ['2031-04-26', 'Koningsdag on Saturday 26 April because 27 April 2031 is a Sunday'],
    ['2024-04-27', 'Koningsdag on its own date'],
    ['2013-04-30', 'Koninginnedag before 2014'],
    ['2006-04-29', 'Koninginnedag moved to Saturday because 30 April 2006 is a Sunday'],
    ['2027-05-05', 'Bevrijdingsdag in a non-lustrum year'],
    ['2025-04-18', 'Goede Vrijdag'],
  ])('given %s, when asking whether it is a holiday, then it is (%s)', (date) => {
    expect(isDutchHoliday(date)).toBe(true);
  });

  it.each([
    ['2025-04-27', 'Sunday 27 April 2025 is not Koningsdag (it moved to the 26th)'],
    ['2014-04-30', 'Koninginnedag no longer exists'],
    ['2025-12-24', 'Kerstavond'],
    ['2025-12-31', 'Oudejaarsdag'],
  ])('given %s, when asking whether it is a holiday, then it is not (%s)', (date) => {
    expect(isDutchHoliday(date)).toBe(false);
  });

  it('given an instant late in the evening, when asking, then the Dutch calendar day decides', () => {
    // 2025-04-25T22:30Z is already Saturday 26 April (Koningsdag) 00:30 in the Netherlands.
    expect(isDutchHoliday('2025-04-25T22:30:00Z')).toBe(true);
    expect(isDutchHoliday('2025-04-25T21:30:00Z')).toBe(false);
  });
});
