import { ageOn } from './age';
import type { WegwijzerContext } from './context';
import { WegwijzerInputError } from './errors';
import type { Facts } from './facts';
import { type CalendarDate, daysBetween, parseIsoDate } from './iso-date';

/**
 * Turns what the coordinator knows into the facts on `date`: the age from the birth date (or the
 * given age), and the day number of the Zvw GGZ verblijf. Contradictions are refused, not resolved.
 */
export function resolveFacts(context: WegwijzerContext, date: CalendarDate): Facts {
  const { birthDate, ageOnDate, zvwGgzVerblijfStartDate, ...rest } = context;
  return {
    ...rest,
    age: resolveAge(birthDate, ageOnDate, date),
    zvwGgzVerblijfDay: resolveGgzVerblijfDay(zvwGgzVerblijfStartDate, date),
  };
}

function resolveAge(birthDate: string | undefined, ageOnDate: number | undefined, date: CalendarDate) {
  if (ageOnDate !== undefined && (!Number.isInteger(ageOnDate) || ageOnDate < 0)) {
    throw new WegwijzerInputError(
      'invalid-age',
      `ageOnDate must be a whole number of years >= 0, got ${ageOnDate}`,
    );
  }
  if (birthDate === undefined) return ageOnDate;
  const computed = ageOn(parseIsoDate(birthDate, 'birthDate'), date);
  if (ageOnDate !== undefined && ageOnDate !== computed) {
    throw new WegwijzerInputError(
      'age-mismatch',
      `ageOnDate ${ageOnDate} contradicts birthDate ${birthDate}, which gives age ${computed} on the date of evaluation`,
    );
  }
  return computed;
}

function resolveGgzVerblijfDay(start: string | undefined, date: CalendarDate): number | undefined {
  if (start === undefined) return undefined;
  const day = daysBetween(parseIsoDate(start, 'zvwGgzVerblijfStartDate'), date) + 1;
  if (day < 1) {
    throw new WegwijzerInputError(
      'ggz-verblijf-start-after-date',
      `zvwGgzVerblijfStartDate ${start} is after the date of evaluation`,
    );
  }
  return day;
}
