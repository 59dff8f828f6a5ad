import type {
  LawDomain,
  OrganisationKind,
  ResponsibilityBasisKind,
  ResponsibilityStatus,
} from '../vocabulary';
import type { WegwijzerVerdict } from '../wegwijzer';

/** A plain-data event: a stable, versioned type name and JSON data. Optional values are `null`, never missing. */
export interface DomainEvent<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<Data>;
}

/** An organisation as the case knows it: its id, its kind and its Dutch code (CBS, UZOVI, zorgkantoorregio, AGB). */
export interface OrganisationRef {
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly code: string;
}

/**
 * A functionaris with a mandate, named by organisation and function title only (e.g. "wethouder zorg",
 * "manager zorginkoop"): never by a person's name.
 */
export interface Functionaris {
  readonly organisationId: string;
  readonly functionTitle: string;
}

/**
 * When a responsibility takes effect. Successors planned in a toekomstplan are proposed, requested and even
 * accepted before the 18th birthday, but only hold the need from the birthday on.
 */
export const TAKES_EFFECT = ['immediately', 'at-18th-birthday'] as const;
export type TakesEffect = (typeof TAKES_EFFECT)[number];

/**
 * Jeugdhulp that continues after 18 by law or by default: 'strafrechtelijk' (jeugdhulp following a
 * strafrechtelijke beslissing, no age limit, T9) and 'pleegzorg' (standard to 21, T8).
 */
export const JEUGDHULP_KADERS = ['pleegzorg', 'strafrechtelijk'] as const;
export type JeugdhulpKader = (typeof JEUGDHULP_KADERS)[number];

/** What the wegwijzer suggested when a responsibility was proposed, as recorded in the proposal event. */
export interface WegwijzerAdvice {
  readonly ruleIds: readonly string[];
  readonly ruleTableVersion: string;
  readonly suggestedLawDomain: LawDomain | null;
  readonly suggestedFinancierKind: OrganisationKind | null;
  /** 'suggested', 'ends', 'no-rule-applies', 'needs-facts' or 'conflict' (see the wegwijzer). */
  readonly verdict: WegwijzerVerdict;
  readonly noRuleApplies: boolean;
  /** Facts whose value would change the answer, when the verdict is 'needs-facts'. */
  readonly missingFacts: readonly string[];
  readonly unverified: boolean;
  /** The date the rules were evaluated for (the proposal date, or the 18th birthday for a planned successor). */
  readonly evaluatedOn: string;
}

/** One responsibility (claim) of a financier for a need, as the decider state holds it. */
export interface ResponsibilityRecord {
  readonly responsibilityId: string;
  readonly needId: string;
  readonly lawDomain: LawDomain;
  readonly financierOrganisationId: string;
  readonly financierKind: OrganisationKind;
  readonly status: ResponsibilityStatus;
  readonly basis: ResponsibilityBasisKind;
  readonly takesEffect: TakesEffect;
  readonly openRequestId: string | null;
}
