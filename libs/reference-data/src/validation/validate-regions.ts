/** `$.regions`: the regions organisations and tables belong to. */

import type { Region } from '../types';
import { ID_FORMAT } from './formats';
import { checkUnique, expectObject, expectString, rejectUnknownFields } from './primitives';
import { Problems, childPath } from './problems';

const REGION_FIELDS = ['id', 'name', 'description'] as const;

export interface ValidatedRegions {
  readonly regions: Region[];
  /** Every well-formed region id, also of regions with other problems. */
  readonly knownIds: ReadonlySet<string>;
}

export function validateRegions(
  items: readonly unknown[],
  path: string,
  problems: Problems,
): ValidatedRegions {
  if (items.length === 0) problems.add(path, 'at least one region is needed');
  const seen = new Map<string, string>();
  const regions: Region[] = [];
  const knownIds = new Set<string>();
  items.forEach((item, index) => {
    const at = childPath(path, index);
    const obj = expectObject(item, at, problems);
    if (!obj) return;
    rejectUnknownFields(obj, REGION_FIELDS, at, problems);
    const id = expectString(obj, 'id', at, problems, ID_FORMAT);
    if (id !== undefined) knownIds.add(id);
    const name = expectString(obj, 'name', at, problems);
    const description = expectString(obj, 'description', at, problems, { optional: true, maxLength: 1000 });
    if (id === undefined || name === undefined) return;
    if (!checkUnique(seen, id, id, childPath(at, 'id'), problems, 'region id')) return;
    regions.push(description === undefined ? { id, name } : { id, name, description });
  });
  return { regions, knownIds };
}
