/**
 * The 18-/18+ milestones of a transition case, relative to the date the client turns 18 ("T").
 * The rules and their sources are in `transition-rules.ts`.
 */

import { formatEpochDay, fromEpochDay, isLeapYear, toEpochDay } from './calendar';
import { createDeadline } from './create-deadline';
import type { Deadline, TransitionKind } from './deadline-model';
import { TRANSITION_KINDS } from './deadline-model';
import { parseIsoTime } from './iso-time';
import type { IsoDate } from './iso-time';
import { TRANSITION_MILESTONE_RULES, milestoneDueEpochDay } from './transition-rules';

export interface TransitionMilestoneOptions {
  /**
   * When the clock starts (normally the moment the case was registered or its birthday recorded). Defaults to
   * T−24 months, the start of the transition window.
   */
  readonly startedAt?: string;
  /** Only these milestones (e.g. leave out the CIZ aanvraag when no Wlz need exists). Defaults to all five. */
  readonly kinds?: readonly TransitionKind[];
}

/**
 * The five milestones in chronological order: toekomstplan started (T−24 months), route decided (T−12), Wmo
 * melding (T−3), CIZ aanvraag (T−2), verlengde jeugdhulp decided (the day before T). Ids are
 * `${kind}:${birthday18}`, so a corrected birthday yields new ids (the decider closes the old ones).
 * Milestones whose date has already passed when the case is registered come out as they are: missed.
 */
export function transitionMilestones(
  birthday18: string,
  responsibleOrganisationIds: readonly string[],
  options: TransitionMilestoneOptions = {},
): Deadline[] {
  const birthday = parseIsoTime(birthday18, '18th birthday').day;
  const birthdayDate = formatEpochDay(birthday);
  const wanted = options.kinds ?? TRANSITION_KINDS;
  const startedAt =
    options.startedAt ??
    formatEpochDay(milestoneDueEpochDay(TRANSITION_MILESTONE_RULES['transition-plan-started'], birthday));
  return TRANSITION_KINDS.filter((kind) => wanted.includes(kind)).map((kind) =>
    createDeadline({ kind, birthday18: birthdayDate, startedAt, responsibleOrganisationIds }),
  );
}

/**
 * The date a person born on `birthDate` turns 18. Someone born on 29 February turns 18 on 1 March when that year
 * has no 29 February (the usual Dutch legal reading [VERIFY]:
 * https://www.volkskrant.nl/nieuws-achtergrond/op-schrikkeldag-jarig-taart-met-korting-en-veel-mensen-op-je-feestje~b1730e8b/).
 * Note that this is the opposite of the milestone month arithmetic, which clamps to the end of February: a person
 * is not of age before the day, while a "by" date may not slip into the next month.
 */
export function dateOfTurning18(birthDate: string): IsoDate {
  const { year, month, day } = fromEpochDay(parseIsoTime(birthDate, 'birth date').day);
  const target = year + 18;
  if (month === 2 && day === 29 && !isLeapYear(target)) return formatEpochDay(toEpochDay(target, 3, 1));
  return formatEpochDay(toEpochDay(target, month, day));
}
