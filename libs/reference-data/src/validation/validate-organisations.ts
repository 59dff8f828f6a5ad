/**
 * `$.organisations`: each organisation on its own, then the rules across organisations (unique codes, one
 * zorgkantoor per zorgkantoorregio, a gemeente's zorgkantoorregio has a zorgkantoor).
 */

import { ORGANISATION_KINDS } from '../from-domain';
import type { Organisation } from '../types';
import { CODE_LABELS, CODE_RULES, ORGANISATION_CODE_FORMAT } from './formats';
import {
  checkUnique,
  expectBoolean,
  expectObject,
  expectOneOf,
  expectString,
  rejectUnknownFields,
  type JsonObject,
} from './primitives';
import { Problems, childPath } from './problems';
import { validateCodes } from './validate-codes';

const ORGANISATION_FIELDS = ['code', 'kind', 'name', 'codes', 'region', 'verified', 'note'] as const;

export interface ValidatedOrganisations {
  readonly organisations: Organisation[];
  /** Every organisation code that was well-formed, also of organisations with other problems. */
  readonly knownCodes: ReadonlySet<string>;
}

export function validateOrganisations(
  items: readonly unknown[],
  path: string,
  regionIds: ReadonlySet<string> | undefined,
  problems: Problems,
): ValidatedOrganisations {
  if (items.length === 0) problems.add(path, 'at least one organisation is needed');
  const organisations: Organisation[] = [];
  const paths = new Map<Organisation, string>();
  const knownCodes = new Set<string>();
  items.forEach((item, index) => {
    const at = childPath(path, index);
    const obj = expectObject(item, at, problems);
    if (!obj) return;
    const code = expectString(obj, 'code', at, problems, ORGANISATION_CODE_FORMAT);
    if (code !== undefined) knownCodes.add(code);
    const organisation = validateOrganisation(obj, at, code, regionIds, problems);
    if (organisation) {
      organisations.push(organisation);
      paths.set(organisation, at);
    }
  });
  checkAcrossOrganisations(organisations, paths, problems);
  return { organisations, knownCodes };
}

function validateOrganisation(
  obj: JsonObject,
  at: string,
  code: string | undefined,
  regionIds: ReadonlySet<string> | undefined,
  problems: Problems,
): Organisation | undefined {
  rejectUnknownFields(obj, ORGANISATION_FIELDS, at, problems);
  const kind = expectOneOf(obj, 'kind', at, problems, ORGANISATION_KINDS, 'organisation kind');
  const name = expectString(obj, 'name', at, problems);
  const region = expectString(obj, 'region', at, problems);
  if (region !== undefined && regionIds && !regionIds.has(region)) {
    problems.add(childPath(at, 'region'), `unknown region "${region}" (not in $.regions)`);
  }
  const verified = expectBoolean(obj, 'verified', at, problems, true);
  const note = expectString(obj, 'note', at, problems, { optional: true, maxLength: 1000 });
  const codes = validateCodes(obj.codes, childPath(at, 'codes'), kind, problems);

  const ownCode = kind === undefined ? undefined : CODE_RULES[kind].codeIs;
  if (
    code !== undefined &&
    ownCode !== undefined &&
    codes?.[ownCode] !== undefined &&
    codes[ownCode] !== code
  ) {
    problems.add(
      childPath(at, 'code'),
      `"${code}" must equal codes.${ownCode} ("${codes[ownCode]}"): the code of a ${kind} is its ${CODE_LABELS[ownCode].noun}`,
    );
  }
  if (code === undefined || kind === undefined || name === undefined || region === undefined || !codes) {
    return undefined;
  }
  return {
    code,
    kind,
    name,
    codes,
    region,
    ...(verified === undefined ? {} : { verified }),
    ...(note === undefined ? {} : { note }),
  };
}

function checkAcrossOrganisations(
  organisations: readonly Organisation[],
  paths: ReadonlyMap<Organisation, string>,
  problems: Problems,
): void {
  const codes = new Map<string, string>();
  const cbs = new Map<string, string>();
  const uzovi = new Map<string, string>();
  const agb = new Map<string, string>();
  const regios = new Map<string, string>();
  for (const org of organisations) {
    const at = paths.get(org) as string;
    // Codes differ by more than case, so that a token's claim cannot match two organisations.
    checkUnique(
      codes,
      org.code.toUpperCase(),
      org.code,
      childPath(at, 'code'),
      problems,
      'organisation code',
    );
    const codesAt = childPath(at, 'codes');
    if (org.codes.cbs) checkUnique(cbs, org.codes.cbs, org.codes.cbs, `${codesAt}.cbs`, problems, 'CBS code');
    if (org.codes.uzovi) {
      checkUnique(uzovi, org.codes.uzovi, org.codes.uzovi, `${codesAt}.uzovi`, problems, 'UZOVI code');
    }
    if (org.codes.agb) checkUnique(agb, org.codes.agb, org.codes.agb, `${codesAt}.agb`, problems, 'AGB code');
    const regio = org.codes.zorgkantoorregio;
    if (org.kind === 'zorgkantoor' && regio) {
      checkUnique(
        regios,
        regio,
        regio,
        `${codesAt}.zorgkantoorregio`,
        problems,
        'zorgkantoor for zorgkantoorregio',
      );
    }
  }
  for (const org of organisations) {
    const regio = org.codes.zorgkantoorregio;
    if (org.kind === 'gemeente' && regio !== undefined && !regios.has(regio)) {
      problems.add(
        `${childPath(paths.get(org) as string, 'codes')}.zorgkantoorregio`,
        `no zorgkantoor in this file holds zorgkantoorregio "${regio}"`,
      );
    }
  }
}
