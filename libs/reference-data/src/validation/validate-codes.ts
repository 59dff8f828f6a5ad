/** `$.organisations[i].codes`: the Dutch codes, their formats, and which kinds may or must carry which code. */

import { ORGANISATION_CODE_NAMES } from '../types';
import type { OrganisationCodeName, OrganisationCodes, OrganisationKind } from '../types';
import { CODE_FORMATS, CODE_LABELS, CODE_RULES } from './formats';
import { expectObject, expectString, rejectUnknownFields } from './primitives';
import { Problems, childPath } from './problems';

export function validateCodes(
  value: unknown,
  path: string,
  kind: OrganisationKind | undefined,
  problems: Problems,
): OrganisationCodes | undefined {
  if (value === undefined) {
    problems.add(path, 'required field is missing (use {} for an organisation without codes)');
    return undefined;
  }
  const obj = expectObject(value, path, problems);
  if (!obj) return undefined;
  rejectUnknownFields(obj, ORGANISATION_CODE_NAMES, path, problems);

  const codes: Partial<Record<OrganisationCodeName, string>> = {};
  for (const name of ORGANISATION_CODE_NAMES) {
    const code = expectString(obj, name, path, problems, { optional: true, ...CODE_FORMATS[name] });
    if (code !== undefined) codes[name] = code;
  }
  if (kind === undefined) return codes;

  const rule = CODE_RULES[kind];
  for (const name of rule.required) {
    if (obj[name] === undefined) {
      problems.add(
        childPath(path, name),
        `an organisation of kind ${kind} must have ${CODE_LABELS[name].a} ${CODE_LABELS[name].noun}`,
      );
    }
  }
  for (const name of ORGANISATION_CODE_NAMES) {
    if (obj[name] !== undefined && !rule.allowed.includes(name)) {
      const allowed = rule.allowed.length === 0 ? 'none' : rule.allowed.join(', ');
      problems.add(
        childPath(path, name),
        `an organisation of kind ${kind} cannot have ${CODE_LABELS[name].a} ${CODE_LABELS[name].noun} (allowed codes: ${allowed})`,
      );
    }
  }
  return codes;
}
