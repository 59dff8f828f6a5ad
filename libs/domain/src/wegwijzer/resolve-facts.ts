import { ageOn } from './age';
import { HULPMIDDEL_TYPES, VERVOER_PURPOSES, type WegwijzerContext } from './context';
import { WegwijzerInputError } from './errors';
import { BOOLEAN_FACTS, type Facts } from './facts';
import { SETTINGS } from '../vocabulary';
import { type CalendarDate, daysBetween, parseIsoDate } from './iso-date';

/**
 * Turns what the coordinator knows into the facts on `date`: the age from the birth date (or the
 * given age), and the day number of the Zvw GGZ verblijf. Contradictions are refused, not resolved.
 */
export function resolveFacts(context: WegwijzerContext, date: CalendarDate): Facts {
  checkFactTypes(context);
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

/** Context usually arrives from outside (API, stored events): a wrong type must not read as "no". */
function checkFactTypes(context: WegwijzerContext): void {
  const invalid = (field: string, value: unknown) =>
    new WegwijzerInputError('invalid-fact', `${field} has an invalid value: ${JSON.stringify(value)}`);
  if (typeof context.wlzIndication !== 'boolean') throw invalid('wlzIndication', context.wlzIndication);
  for (const field of BOOLEAN_FACTS) {
    const value: unknown = context[field];
    if (value !== undefined && typeof value !== 'boolean') throw invalid(field, value);
  }
  const closedSets = [
    ['setting', context.setting, SETTINGS],
    ['vervoerPurpose', context.vervoerPurpose, VERVOER_PURPOSES],
    ['hulpmiddelType', context.hulpmiddelType, HULPMIDDEL_TYPES],
  ] as const;
  for (const [field, value, allowed] of closedSets) {
    if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) throw invalid(field, value);
  }
}
