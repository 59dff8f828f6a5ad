import { compareDates, type CalendarDate, formatIsoDate, isLeapYear, parseIsoDate } from './iso-date';
import { WegwijzerInputError } from './errors';

/**
 * The day in `year` on which someone born on `birth` has their birthday. Someone born on 29 February
 * has their birthday on 1 March in a year without 29 February: "Juridisch gezien ben je als
 * schrikkelkind overigens pas op 1 maart een jaar ouder" (Volkskrant, 29 Feb 2020,
 * https://www.volkskrant.nl/nieuws-achtergrond/op-schrikkeldag-jarig-taart-met-korting-en-veel-mensen-op-je-feestje~b1730e8b/).
 * That is a secondary source; no statute text was checked [VERIFY].
 */
export function birthdayInYear(birth: CalendarDate, year: number): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) {
    return { year, month: 3, day: 1 };
  }
  return { year, month: birth.month, day: birth.day };
}

/** Age in completed years on `on`. Throws when `on` is before the birth date. */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  if (compareDates(on, birth) < 0) {
    throw new WegwijzerInputError(
      'birth-after-date',
      `the birth date ${formatIsoDate(birth)} is after the date of evaluation ${formatIsoDate(on)}`,
    );
  }
  const years = on.year - birth.year;
  return compareDates(on, birthdayInYear(birth, on.year)) < 0 ? years - 1 : years;
}

/** Age in completed years, both dates as ISO strings (`YYYY-MM-DD`). */
export function ageOnDate(birthDate: string, date: string): number {
  return ageOn(parseIsoDate(birthDate, 'birthDate'), parseIsoDate(date, 'date'));
}

/** The date on which someone born on `birthDate` turns `years` old (ISO date). */
export function dateOfTurning(birthDate: string, years: number): string {
  const birth = parseIsoDate(birthDate, 'birthDate');
  return formatIsoDate(birthdayInYear(birth, birth.year + years));
}

/**
 * T11: the Zvw premieplicht starts on the first day of the month after the 18th birthday
 * ([DSW](https://www.dsw.nl/Consumenten/klantenservice/veelgesteldevragen/18_jaar_eigenrisico)).
 */
export function zvwPremieplichtStartDate(birthDate: string): string {
  const eighteenth = parseIsoDate(dateOfTurning(birthDate, 18), 'birthDate');
  const next =
    eighteenth.month === 12
      ? { year: eighteenth.year + 1, month: 1, day: 1 }
      : { year: eighteenth.year, month: eighteenth.month + 1, day: 1 };
  return formatIsoDate(next);
}
