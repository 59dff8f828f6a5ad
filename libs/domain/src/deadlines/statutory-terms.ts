/**
 * Statutory terms (wettelijke termijnen) as data, each with its source.
 *
 * Decision: these terms are counted in calendar weeks, not working days, as the statutes state them ("binnen zes
 * weken"). Counting starts the day after the melding or aanvraag, so the term ends on the same weekday N weeks
 * later (start day + 7·N days). When that day is a Saturday, Sunday or algemeen erkende feestdag, the term is
 * extended to the next working day (Algemene termijnenwet art. 1 lid 1) [VERIFY that the Atw applies to these
 * beslistermijnen; it is the general rule for terms set in a wet].
 * Sources are copies of the research (../shared/research/domain.md §1.1): rows marked unverified there stay
 * `verified: false` here.
 */

import type { StatutoryKind } from './deadline-model';
import { firstWorkingEpochDayOnOrAfter } from './working-days';

export const STATUTORY_TERM_IDS = [
  'ciz-decision',
  'ciz-decision-urgent',
  'wmo-research',
  'wmo-decision',
] as const;
export type StatutoryTermId = (typeof STATUTORY_TERM_IDS)[number];

export interface StatutoryTerm {
  readonly id: StatutoryTermId;
  readonly kind: StatutoryKind;
  readonly weeks: number;
  readonly description: string;
  readonly citation: string;
  readonly source: string;
  /** False while the research marks the rule [VERIFY]. */
  readonly verified: boolean;
}

export const ALGEMENE_TERMIJNENWET_SOURCE = 'https://wetten.overheid.nl/BWBR0002448';
const WMO_2015_SOURCE = 'https://wetten.overheid.nl/BWBR0035362';
const CIZ_TERM_SOURCE = 'https://ciz.nl/client';

export const STATUTORY_TERMS: Readonly<Record<StatutoryTermId, StatutoryTerm>> = {
  'ciz-decision': {
    id: 'ciz-decision',
    kind: 'ciz-decision',
    weeks: 6,
    description: 'CIZ decides on a regular Wlz-aanvraag within 6 weeks',
    citation: 'Wlz; CIZ: "zes weken ... voor een reguliere aanvraag"',
    source: CIZ_TERM_SOURCE,
    verified: true,
  },
  'ciz-decision-urgent': {
    id: 'ciz-decision-urgent',
    kind: 'ciz-decision',
    weeks: 2,
    description: 'CIZ decides within 2 weeks on an aanvraag in bijzondere omstandigheden',
    citation: 'Wlz; CIZ: "twee weken ... in het kader van bijzondere omstandigheden"',
    source: CIZ_TERM_SOURCE,
    verified: true,
  },
  'wmo-research': {
    id: 'wmo-research',
    kind: 'wmo-research',
    weeks: 6,
    description: 'the college completes the Wmo onderzoek within 6 weeks of the melding',
    citation: 'Wmo 2015 art. 2.3.2 lid 1 [VERIFY]',
    source: WMO_2015_SOURCE,
    verified: false,
  },
  'wmo-decision': {
    id: 'wmo-decision',
    kind: 'wmo-decision',
    weeks: 2,
    description: 'the college gives the Wmo beschikking within 2 weeks of the aanvraag',
    citation: 'Wmo 2015 art. 2.3.5 lid 1 [VERIFY]',
    source: WMO_2015_SOURCE,
    verified: false,
  },
};

/** Due day (epoch day) of a statutory term that starts on `startEpochDay` (the day of the melding/aanvraag). */
export function statutoryDueEpochDay(startEpochDay: number, weeks: number): number {
  return firstWorkingEpochDayOnOrAfter(startEpochDay + 7 * weeks);
}
