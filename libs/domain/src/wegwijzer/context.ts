import type { Setting } from '../vocabulary';

/** Why a client needs vervoer: the grensvlak table decides vervoer by purpose (research 1.3, "Vervoer"). */
export const VERVOER_PURPOSES = ['medisch', 'dagbesteding', 'sociaal', 'jeugdhulp'] as const;
export type VervoerPurpose = (typeof VERVOER_PURPOSES)[number];

/**
 * Kind of hulpmiddel (research 1.3, "Hulpmiddelen"): `persoonsgebonden` (e.g. orthopedische
 * schoenen, prothesen), `mobiliteit` (rolstoel, scootmobiel, aangepaste fiets) and
 * `woonvoorziening` (woningaanpassing, roerende woonvoorzieningen).
 */
export const HULPMIDDEL_TYPES = ['persoonsgebonden', 'mobiliteit', 'woonvoorziening'] as const;
export type HulpmiddelType = (typeof HULPMIDDEL_TYPES)[number];

/**
 * What the coordinator knows about the client on the date of evaluation. Every optional field may be
 * left out when it is not known: the wegwijzer then does not assume a value. If the answer depends on
 * it, the suggestion names it in `missingFacts` instead of guessing.
 */
export interface WegwijzerContext {
  /** ISO date; the age on the date of evaluation is computed from it (birthday arithmetic, 29 Feb → 1 Mar). */
  readonly birthDate?: string;
  /** Age in completed years on the date of evaluation, when the birth date is not at hand. */
  readonly ageOnDate?: number;
  /** A CIZ indicatiebesluit for the Wlz exists (used or not). This is the Wlz aanspraak. */
  readonly wlzIndication: boolean;
  /**
   * Where the client lives: `thuis` (at home, including Wlz care at home via VPT, MPT or pgb),
   * `instelling` (living in an institution, e.g. a Wlz-instelling), `verblijf` (a residential or
   * clinical stay). For GGZ behandeling both `instelling` and `verblijf` count as "met verblijf".
   */
  readonly setting?: Setting;
  /**
   * Geneeskundige context: a need for geneeskundige zorg or a high risk of it (Zvw wijkverpleging).
   * For kortdurend verblijf: medisch instabiel, onplanbare verpleging or overname of ADL (LHV
   * afwegingsinstrument for eerstelijnsverblijf).
   */
  readonly medicalContext?: boolean;
  /**
   * The client blijvend (for life) needs permanent toezicht or 24-hour zorg in de nabijheid because of
   * a diagnosed aandoening, stoornis or handicap: the Wlz access criteria, before or without a CIZ
   * besluit.
   */
  readonly blijvend?: boolean;
  /** The help follows from a strafrechtelijke beslissing (jeugdreclassering, jeugdstrafrecht, adolescentenstrafrecht). */
  readonly strafrechtelijk?: boolean;
  /** The jeugdhulp is pleegzorg. */
  readonly pleegzorg?: boolean;
  /** The gemeente has decided that the conditions for verlengde jeugdhulp (18 to 23) are met. */
  readonly verlengdeJeugdhulp?: boolean;
  /** The client meets (or, as an adult, met as a minor) the criteria for intensieve kindzorg (IKZ). */
  readonly ikz?: boolean;
  /** The verpleging is given under direct aansturing of a medisch specialist. */
  readonly medischSpecialistAansturing?: boolean;
  /** The (Wlz-)instelling the client lives in provides behandeling. */
  readonly instellingMetBehandeling?: boolean;
  /** Only for need `vervoer`: its purpose. */
  readonly vervoerPurpose?: VervoerPurpose;
  /** Only for need `hulpmiddel`: its kind. */
  readonly hulpmiddelType?: HulpmiddelType;
  /** ISO date on which the current, uninterrupted GGZ verblijf with behandeling under the Zvw started (T2: 1095 days). */
  readonly zvwGgzVerblijfStartDate?: string;
}
