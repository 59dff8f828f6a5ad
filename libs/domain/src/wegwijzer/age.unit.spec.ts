import { ageOnDate, dateOfTurning, zvwPremieplichtStartDate } from './age';
import { WegwijzerInputError } from './errors';

describe('age on the date of evaluation', () => {
  it('given a birth date, when the birthday has not yet come this year, then the age is one less', () => {
    expect(ageOnDate('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOnDate('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOnDate('2008-06-15', '2026-12-31')).toBe(18);
  });

  it('given someone born on 29 February, when the year has no 29 February, then they turn a year older on 1 March', () => {
    expect(ageOnDate('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOnDate('2008-02-29', '2026-03-01')).toBe(18);
    expect(dateOfTurning('2008-02-29', 18)).toBe('2026-03-01');
  });

  it('given someone born on 29 February, when the year is a leap year, then the birthday is on 29 February', () => {
    expect(ageOnDate('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOnDate('2008-02-29', '2028-02-29')).toBe(20);
    expect(dateOfTurning('2008-02-29', 20)).toBe('2028-02-29');
  });

  it('given the century rule, when 2100 is not a leap year, then a 29 February birthday falls on 1 March 2100', () => {
    expect(ageOnDate('2096-02-29', '2100-02-28')).toBe(3);
    expect(ageOnDate('2096-02-29', '2100-03-01')).toBe(4);
  });

  it('given a date before the birth date, when the age is asked, then it is refused', () => {
    expect(() => ageOnDate('2008-06-15', '2008-06-14')).toThrow(WegwijzerInputError);
  });

  it('given a malformed or impossible date, when the age is asked, then it is refused with code invalid-date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-6-1', '2026-06-01T10:00:00Z', '']) {
      expect(() => ageOnDate('2008-06-15', bad)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    }
  });
});

describe('T11: Zvw premieplicht starts on the 1st of the month after the 18th birthday', () => {
  it('given a birthday mid-month, then the premieplicht starts on the 1st of the next month', () => {
    expect(zvwPremieplichtStartDate('2008-06-15')).toBe('2026-07-01');
  });

  it('given a birthday on the 1st, then the premieplicht still starts a month later', () => {
    expect(zvwPremieplichtStartDate('2008-03-01')).toBe('2026-04-01');
  });

  it('given a birthday in December, then the premieplicht starts on 1 January of the next year', () => {
    expect(zvwPremieplichtStartDate('2008-12-31')).toBe('2027-01-01');
  });

  it('given a 29 February birth date, then the 18th birthday is 1 March and the premieplicht starts 1 April', () => {
    expect(zvwPremieplichtStartDate('2008-02-29')).toBe('2026-04-01');
  });
});
