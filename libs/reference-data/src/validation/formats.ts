/** The formats of identifiers and Dutch codes in the reference data. */

import type { OrganisationCodeName, OrganisationKind } from '../types';

export interface Format {
  readonly pattern: RegExp;
  /** Completes "… is not …". */
  readonly expected: string;
}

/** Same as the API's organisation-code rule, so every code here can appear in a token or a request. */
export const ORGANISATION_CODE_FORMAT: Format = {
  pattern: /^[A-Za-z0-9-]{2,32}$/,
  expected: 'an organisation code (2–32 letters, digits or hyphens)',
};

/** Ids of regions, tables and sessions; the table rule is the API's. */
export const ID_FORMAT: Format = {
  pattern: /^(?=.{2,64}$)[a-z0-9]+(-[a-z0-9]+)*$/,
  expected: 'an id (2–64 lower-case letters and digits, with single hyphens between them)',
};

export const CODE_FORMATS: Readonly<Record<OrganisationCodeName, Format>> = {
  cbs: { pattern: /^GM\d{4}$/, expected: 'a CBS gemeentecode (GM followed by four digits, e.g. GM0344)' },
  uzovi: { pattern: /^\d{4}$/, expected: 'a UZOVI code (four digits, e.g. 3311)' },
  agb: { pattern: /^\d{8}$/, expected: 'an AGB code (eight digits)' },
  zorgkantoorregio: {
    pattern: /^[A-Za-z][A-Za-z' -]{0,62}[A-Za-z]$/,
    expected: "a zorgkantoorregio name (letters, spaces, hyphens and apostrophes, e.g. 'Midden-Brabant')",
  },
};

/** How a code is named in messages, with its article ("an AGB code", "a UZOVI code"). */
export const CODE_LABELS: Readonly<
  Record<OrganisationCodeName, { readonly a: string; readonly noun: string }>
> = {
  cbs: { a: 'a', noun: 'CBS code' },
  uzovi: { a: 'a', noun: 'UZOVI code' },
  agb: { a: 'an', noun: 'AGB code' },
  zorgkantoorregio: { a: 'a', noun: 'zorgkantoorregio' },
};

export interface CodeRule {
  /** Codes an organisation of this kind must have. */
  readonly required: readonly OrganisationCodeName[];
  /** Codes it may have (including the required ones). */
  readonly allowed: readonly OrganisationCodeName[];
  /** The code the organisation's own `code` must equal, if any. */
  readonly codeIs?: OrganisationCodeName;
}

export const CODE_RULES: Readonly<Record<OrganisationKind, CodeRule>> = {
  gemeente: { required: ['cbs'], allowed: ['cbs', 'zorgkantoorregio'], codeIs: 'cbs' },
  zorgverzekeraar: { required: ['uzovi'], allowed: ['uzovi'], codeIs: 'uzovi' },
  zorgkantoor: { required: ['zorgkantoorregio'], allowed: ['zorgkantoorregio'] },
  aanbieder: { required: ['agb'], allowed: ['agb'], codeIs: 'agb' },
  GGD: { required: [], allowed: ['agb'] },
  CIZ: { required: [], allowed: [] },
  GI: { required: [], allowed: ['agb'] },
  overig: { required: [], allowed: ['agb'] },
};
