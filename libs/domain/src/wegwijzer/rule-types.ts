import type { LawDomain, NeedCategory, OrganisationKind, Setting } from '../vocabulary';
import type { HulpmiddelType, VervoerPurpose } from './context';
import type { ResearchRow } from './research-rows';

/** `min <= age < below`, in completed years on the date of evaluation. */
export interface AgeRange {
  readonly min?: number;
  readonly below?: number;
}

/** Inclusive range of day numbers (day 1 is the first day of the GGZ verblijf). */
export interface DayRange {
  readonly min?: number;
  readonly max?: number;
}

/**
 * When a rule applies. Every field that is present must hold; a field that is absent does not
 * matter for this rule. `categories` is always present and never empty.
 */
export interface RuleConditions {
  readonly categories: readonly NeedCategory[];
  readonly age?: AgeRange;
  readonly wlzIndication?: boolean;
  readonly settings?: readonly Setting[];
  readonly medicalContext?: boolean;
  readonly blijvend?: boolean;
  readonly strafrechtelijk?: boolean;
  readonly pleegzorg?: boolean;
  readonly verlengdeJeugdhulp?: boolean;
  readonly ikz?: boolean;
  readonly medischSpecialistAansturing?: boolean;
  readonly instellingMetBehandeling?: boolean;
  readonly vervoerPurposes?: readonly VervoerPurpose[];
  readonly hulpmiddelTypes?: readonly HulpmiddelType[];
  /** Day number of the Zvw GGZ verblijf on the date of evaluation (see `zvwGgzVerblijfStartDate`). */
  readonly zvwGgzVerblijfDay?: DayRange;
}

interface RuleBase {
  /** Stable id; versions of one rule share it. */
  readonly id: string;
  /** 1, 2, ...: a new version when the law (or our reading of it) changes; old versions stay for replay. */
  readonly version: number;
  /** ISO date, inclusive; null: not dated in the research (no claim is made about earlier law). */
  readonly validFrom: string | null;
  /** ISO date, inclusive; null: open-ended. */
  readonly validTo: string | null;
  /** The rows of ../shared/research/domain.md this rule encodes. */
  readonly researchRefs: readonly ResearchRow[];
  /** The source(s) as cited in the research, verbatim (markdown links). */
  readonly source: string;
  /** False for rows marked [VERIFY] in the research and for our own inferences; see `verifyNote`. */
  readonly verified: boolean;
  /** Required when `verified` is false: what is not confirmed. */
  readonly verifyNote?: string;
  /** One or two sentences a coordinator can read. */
  readonly explanation: string;
}

export interface AssignOutcome {
  readonly kind: 'assign';
  readonly lawDomain: LawDomain;
  readonly financierKind: OrganisationKind;
  /** Required when `financierKind` differs from FINANCIER_KIND_BY_DOMAIN[lawDomain]. */
  readonly financierKindReason?: string;
}

/** The responsibility ends and no law domain takes it over (e.g. jeugdbescherming at 18). */
export interface EndsOutcome {
  readonly kind: 'ends';
}

/** Assigns a need to a law domain (or says it ends). Several may match; priority rules settle it. */
export interface AssignmentRule extends RuleBase {
  readonly kind: 'assignment';
  readonly when: RuleConditions;
  readonly outcome: AssignOutcome | EndsOutcome;
}

/**
 * Settles a clash between assignment rules: when its conditions hold and at least one candidate of a
 * `prefer` domain and one of an `over` domain are both still standing, the `over` candidates are
 * dropped. Priority rules run one by one in ascending `rank` (unique numbers), each on what the
 * previous ones left.
 */
export interface PriorityRule extends RuleBase {
  readonly kind: 'priority';
  readonly rank: number;
  readonly when: RuleConditions;
  readonly prefer: readonly LawDomain[];
  readonly over: readonly LawDomain[];
}

/** Adds information to a suggestion whose outcome is `whenOutcome`; it never changes the outcome. */
export interface AnnotationRule extends RuleBase {
  readonly kind: 'annotation';
  readonly when: RuleConditions;
  readonly whenOutcome: LawDomain;
}

export type WegwijzerRule = AssignmentRule | PriorityRule | AnnotationRule;
