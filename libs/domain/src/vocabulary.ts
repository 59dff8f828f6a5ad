/**
 * The ubiquitous language of casusregie as closed sets of values. Dutch terms of art stay Dutch
 * (see docs/DOMAIN.md for the glossary). Every set is a readonly tuple so that DTOs and
 * property-based tests can enumerate it.
 */

export const CASE_TYPES = ['moeilijk-plaatsbaar', 'transitie-18-min-18-plus', 'grensvlak', 'overig'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const URGENCIES = ['normaal', 'hoog', 'spoed'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ORGANISATION_KINDS = [
  'gemeente',
  'zorgverzekeraar',
  'zorgkantoor',
  'aanbieder',
  'GGD',
  'CIZ',
  'GI',
  'overig',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PARTY_ROLES = ['aanbrenger', 'regiehouder', 'financier', 'aanbieder', 'adviseur'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const NEED_CATEGORIES = [
  'begeleiding',
  'persoonlijke-verzorging',
  'verpleging',
  'behandeling-ggz',
  'verblijf',
  'beschermd-wonen',
  'dagbesteding',
  'vervoer',
  'hulpmiddel',
  'huishoudelijke-hulp',
  'kortdurend-verblijf',
  'jeugdhulp',
  'jeugdbescherming',
  'schuldhulp',
  'inkomen',
  'wonen',
  'overig',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const LAW_DOMAINS = [
  'Jeugdwet',
  'Wmo',
  'Zvw',
  'Wlz',
  'Wpg',
  'Participatiewet',
  'Wgs',
  'justitie',
  'onderwijs',
  'overig',
] as const;
export type LawDomain = (typeof LAW_DOMAINS)[number];

/** Which kind of organisation normally finances a law domain (the wegwijzer's "kind of financier"). */
export const FINANCIER_KIND_BY_DOMAIN: Readonly<Record<LawDomain, OrganisationKind>> = {
  Jeugdwet: 'gemeente',
  Wmo: 'gemeente',
  Zvw: 'zorgverzekeraar',
  Wlz: 'zorgkantoor',
  Wpg: 'GGD',
  Participatiewet: 'gemeente',
  Wgs: 'gemeente',
  justitie: 'GI',
  onderwijs: 'overig',
  overig: 'overig',
};

export const RESPONSIBILITY_STATUSES = [
  'proposed',
  'requested',
  'accepted',
  'rejected',
  'disputed',
  'provisional',
  'transferred',
  'ended',
] as const;
export type ResponsibilityStatus = (typeof RESPONSIBILITY_STATUSES)[number];

/** Statuses in which a financier actually holds the need (anything else leaves a gap). */
export const HOLDING_STATUSES: readonly ResponsibilityStatus[] = ['accepted', 'provisional'];

export const RESPONSIBILITY_BASES = [
  'wegwijzer-rule',
  'table-agreement',
  'opschaaltafel-decision',
  'statutory-handover',
] as const;
export type ResponsibilityBasisKind = (typeof RESPONSIBILITY_BASES)[number];

export const ESCALATION_LEVELS = ['opschaaltafel', 'bestuurlijk-overleg', 'landelijk-maatwerkloket'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_REASONS = [
  'dispute-between-financiers',
  'no-suitable-offer',
  'deadline-missed',
  'care-refusal',
  'other',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const SETTINGS = ['thuis', 'instelling', 'verblijf'] as const;
export type Setting = (typeof SETTINGS)[number];

export const ACTOR_ROLES = ['coordinator', 'liaison', 'auditor', 'admin', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who issues a command and when. Time is always passed in: the domain never reads a clock. */
export interface CommandMetadata {
  readonly userId: string;
  readonly role: ActorRole;
  readonly organisationId: string;
  /** ISO-8601 instant. */
  readonly now: string;
}
