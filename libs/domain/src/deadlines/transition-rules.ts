/**
 * The 18-/18+ preparation timeline as data ("T" = the 18th birthday), from ../shared/research/domain.md §1.2,
 * "Recommended preparation timeline". Every milestone is a "by this date" deadline.
 *
 * Month arithmetic: T − n months keeps the day of the month and clamps to the last day of a shorter month
 * (T = 31 Aug: T−24 = 31 Aug two years earlier, T−2 = 30 Jun; T = 29 Feb 2028: T−24 = 28 Feb 2026). Clamping only
 * ever moves a milestone earlier, never into the next month. "Before T" is the day before the birthday.
 * The dates are planning dates, not statutory terms, so they are not moved off weekends or holidays.
 */

import { addMonthsClamped } from './calendar';
import type { TransitionKind } from './deadline-model';

export interface TransitionMilestoneRule {
  readonly kind: TransitionKind;
  /** Months before the 18th birthday; `undefined` for "before T" (the day before the birthday). */
  readonly monthsBeforeT?: number;
  readonly description: string;
  readonly source: string;
}

export const TRANSITION_MILESTONE_RULES: Readonly<Record<TransitionKind, TransitionMilestoneRule>> = {
  'transition-plan-started': {
    kind: 'transition-plan-started',
    monthsBeforeT: 24,
    description: 'start the toekomstplan / perspectiefplan at 16 (T−24 months)',
    source:
      'http://nji.nl/nl/Kennis/Dossier/van-jeugd-naar-volwassenheid/Stappenplan-voor-gemeenten/Stap-negen-Toekomstplan',
  },
  'transition-route-decided': {
    kind: 'transition-route-decided',
    monthsBeforeT: 12,
    description: 'decide the route per function after 18 and appoint a transitiecoördinator (T−12 months)',
    source:
      'https://kenniscentrum-kjp.nl/professionals-jongvolwassenen-beschrijving-transitie-jeugdhulp-volwassenenzorg/',
  },
  'transition-wmo-melding': {
    kind: 'transition-wmo-melding',
    monthsBeforeT: 3,
    description:
      'make the Wmo melding by T−3 months (6 weeks onderzoek + 2 weeks beschikking + wachtlijst margin)',
    source:
      'https://kenniscentrum-kjp.nl/professionals-jongvolwassenen-beschrijving-transitie-jeugdhulp-volwassenenzorg/',
  },
  'transition-ciz-aanvraag': {
    kind: 'transition-ciz-aanvraag',
    monthsBeforeT: 2,
    description:
      'file the CIZ Wlz-aanvraag by T−2 months when permanent toezicht is needed (6-week term + buffer)',
    source: 'https://ciz.nl/client/veelgestelde-vragen-clienten/van-aanvraag-tot-besluit',
  },
  'transition-verlengde-jeugdhulp-decision': {
    kind: 'transition-verlengde-jeugdhulp-decision',
    description:
      'decide on verlengde jeugdhulp before the 18th birthday (condition ii: "voor het 18e jaar bepaald")',
    source: 'https://www.regelhulp.nl/onderwerpen/van-jeugd-naar-18/vanuit-de-jeugdwet',
  },
};

/** Due day (epoch day) of a milestone for the given 18th birthday (epoch day). */
export function milestoneDueEpochDay(rule: TransitionMilestoneRule, birthday18EpochDay: number): number {
  return rule.monthsBeforeT === undefined
    ? birthday18EpochDay - 1
    : addMonthsClamped(birthday18EpochDay, -rule.monthsBeforeT);
}
