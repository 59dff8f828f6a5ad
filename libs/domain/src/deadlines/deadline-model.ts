/**
 * The deadline data model shared with the case decider. A `Deadline` is plain, serialisable data kept in the case
 * state; every change returns a new value (nothing is mutated).
 *
 * Time fields: `startedAt`, suspension `from`/`until`, extension `at` and `closedAt` are ISO-8601 instants as they
 * were given (normally the command's `now`). `originalDueAt` and `extension.newDueAt` are Dutch calendar dates
 * (`YYYY-MM-DD`): a deadline is due *by the end of that day, Dutch time*, like a Dutch statutory term, and is missed
 * from the start of the next Dutch day.
 *
 * Properties are `readonly` and the library never mutates a deadline; arrays are typed as in the shared contract.
 */

export const DEADLINE_BASES = ['servicenorm', 'wettelijk', 'transitie', 'afspraak'] as const;
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

export const SERVICE_LEVEL_KINDS = [
  'discussion-after-registration',
  'liaison-answer',
  'escalation-decision',
] as const;
export type ServiceLevelKind = (typeof SERVICE_LEVEL_KINDS)[number];

export const STATUTORY_KINDS = ['ciz-decision', 'wmo-research', 'wmo-decision'] as const;
export type StatutoryKind = (typeof STATUTORY_KINDS)[number];

export const TRANSITION_KINDS = [
  'transition-plan-started',
  'transition-route-decided',
  'transition-wmo-melding',
  'transition-ciz-aanvraag',
  'transition-verlengde-jeugdhulp-decision',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const AGREED_KINDS = ['action-due', 'escalation-due'] as const;
export type AgreedKind = (typeof AGREED_KINDS)[number];

export const DEADLINE_KINDS = [
  ...SERVICE_LEVEL_KINDS,
  ...STATUTORY_KINDS,
  ...TRANSITION_KINDS,
  ...AGREED_KINDS,
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_BASIS_BY_KIND: Readonly<Record<DeadlineKind, DeadlineBasis>> = {
  'discussion-after-registration': 'servicenorm',
  'liaison-answer': 'servicenorm',
  'escalation-decision': 'servicenorm',
  'ciz-decision': 'wettelijk',
  'wmo-research': 'wettelijk',
  'wmo-decision': 'wettelijk',
  'transition-plan-started': 'transitie',
  'transition-route-decided': 'transitie',
  'transition-wmo-melding': 'transitie',
  'transition-ciz-aanvraag': 'transitie',
  'transition-verlengde-jeugdhulp-decision': 'transitie',
  'action-due': 'afspraak',
  'escalation-due': 'afspraak',
};

/** Short names for messages and screens. */
export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  'discussion-after-registration': 'discussion at the maatwerktafel after aanmelding',
  'liaison-answer': "financier's answer to the responsibility request",
  'escalation-decision': 'decision on the escalation',
  'ciz-decision': 'CIZ indicatiebesluit',
  'wmo-research': 'Wmo onderzoek after the melding',
  'wmo-decision': 'Wmo beschikking after the aanvraag',
  'transition-plan-started': 'toekomstplan started (T−24 months)',
  'transition-route-decided': 'route after 18 decided (T−12 months)',
  'transition-wmo-melding': 'Wmo melding made (T−3 months)',
  'transition-ciz-aanvraag': 'CIZ Wlz-aanvraag made (T−2 months)',
  'transition-verlengde-jeugdhulp-decision': 'decision on verlengde jeugdhulp (before the 18th birthday)',
  'action-due': 'agreed action',
  'escalation-due': 'agreed due date of the escalation',
};

export interface DeadlineRef {
  readonly needId?: string;
  readonly requestId?: string;
  readonly escalationId?: string;
  readonly actionId?: string;
}

/** The clock is stopped from `from` until `until` (open while `until` is absent). */
export interface DeadlineSuspension {
  readonly from: string;
  readonly until?: string;
  readonly reason: string;
}

/** The one extension a deadline can get: a new due date (Dutch calendar date), decided at `at`. */
export interface DeadlineExtension {
  readonly newDueAt: string;
  readonly reason: string;
  readonly at: string;
}

export interface Deadline {
  /** Deterministic, e.g. `liaison-answer:${requestId}`; stable across replays. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly basis: DeadlineBasis;
  readonly startedAt: string;
  /** Dutch calendar date `YYYY-MM-DD`; due by the end of that day. */
  readonly originalDueAt: string;
  readonly ref?: DeadlineRef;
  /** Who must act. */
  readonly responsibleOrganisationIds: string[];
  /** In chronological order; at most the last one is open. */
  readonly suspensions: DeadlineSuspension[];
  /** At most one. */
  readonly extension?: DeadlineExtension;
  /** Met, or no longer relevant. */
  readonly closedAt?: string;
  /** URL of the rule for statutory and transition deadlines. */
  readonly source?: string;
}

export type DeadlineState = 'open' | 'approaching' | 'missed' | 'closed';
