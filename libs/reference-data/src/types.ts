/**
 * The shape of casusregie's reference data: the regions, the organisations with their Dutch codes, and the tables
 * (maatwerktafels and opschaaltafels) with their service levels and sessions. Everything is read-only: the loader
 * returns a deeply frozen value.
 */

import type { OrganisationKind, ServiceLevels } from './from-domain';

export type { OrganisationKind, ServiceLevels };

export const TABLE_KINDS = ['maatwerktafel', 'opschaaltafel'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** The Dutch codes an organisation can carry. Which ones are required or allowed depends on its kind. */
export const ORGANISATION_CODE_NAMES = ['cbs', 'uzovi', 'zorgkantoorregio', 'agb'] as const;
export type OrganisationCodeName = (typeof ORGANISATION_CODE_NAMES)[number];

export interface OrganisationCodes {
  /** CBS gemeentecode, `GM` and four digits (gemeenten). */
  readonly cbs?: string;
  /** UZOVI code, four digits (zorgverzekeraars). */
  readonly uzovi?: string;
  /**
   * Zorgkantoorregio: the region a zorgkantoor holds the Wlz concession for, or, on a gemeente, the
   * zorgkantoorregio the gemeente lies in.
   */
  readonly zorgkantoorregio?: string;
  /** AGB code, eight digits (aanbieders; optional for GGD, GI and overig). */
  readonly agb?: string;
}

export interface Region {
  /** Lower-case id, e.g. `ijssel-vecht`. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
}

export interface Organisation {
  /**
   * The organisation's code in casusregie (the `organisation code` claim of a token). For a gemeente it is its CBS
   * code, for a zorgverzekeraar its UZOVI code, for an aanbieder its AGB code; other kinds use a mnemonic such as
   * `ZK-UTRECHT`.
   */
  readonly code: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly codes: OrganisationCodes;
  /** Id of a region of the same file. */
  readonly region: string;
  /** `false` when a code or another fact about this organisation has not been confirmed in a reliable source. */
  readonly verified?: boolean;
  /** Why the organisation is unverified, or anything else a maintainer should know. */
  readonly note?: string;
}

export interface TableSession {
  /** Unique within its table, e.g. `mwt-utrecht-2026-12-03`. */
  readonly id: string;
  /** The Dutch calendar date of the session, `YYYY-MM-DD`; always a working day. */
  readonly date: string;
}

/** A functionaris by organisation and function title (e.g. "wethouder zorg"): never a person's name. */
export interface TableFunctionaris {
  readonly organisationCode: string;
  readonly functionTitle: string;
}

/** Who carries an automatic escalation of a missed liaison answer (the domain's mandate holder and decision owner). */
export interface TableAutoEscalation {
  readonly mandateHolder: TableFunctionaris;
  readonly decisionOwner: TableFunctionaris;
}

export interface Table {
  /** Lower-case id, e.g. `mwt-utrecht`. */
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly kind: TableKind;
  readonly memberOrganisationCodes: readonly string[];
  readonly serviceLevels: ServiceLevels;
  /** Whether a missed liaison answer escalates the case to the opschaaltafel without a coordinator's decision. */
  readonly autoEscalateOnMissedAnswer: boolean;
  /** Required when `autoEscalateOnMissedAnswer` is true (maatwerktafel only); ignored while it is false. */
  readonly autoEscalation?: TableAutoEscalation;
  /** For a maatwerktafel: the id of the opschaaltafel its cases escalate to. */
  readonly escalatesTo?: string;
  readonly sessions: readonly TableSession[];
}

export interface ReferenceData {
  /** Positive whole number; bumped on every change of the file (see README.md). */
  readonly version: number;
  /** The date from which this version applies, `YYYY-MM-DD`. */
  readonly validFrom: string;
  readonly regions: readonly Region[];
  readonly organisations: readonly Organisation[];
  readonly tables: readonly Table[];
}
