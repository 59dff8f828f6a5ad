/**
 * Strict validation of reference data given as parsed JSON. Every problem is reported with its JSON path, all in one
 * `ReferenceDataError`; unknown fields are problems too. The result is a fresh, deeply frozen copy that holds only the
 * known fields.
 */

import { ReferenceDataError } from '../reference-data-error';
import type { ReferenceDataProblem } from '../reference-data-error';
import type { ReferenceData } from '../types';
import { deepFreeze } from './deep-freeze';
import {
  expectArray,
  expectIsoDate,
  expectObject,
  expectPositiveInteger,
  rejectUnknownFields,
} from './primitives';
import { Problems } from './problems';
import { validateOrganisations } from './validate-organisations';
import { validateRegions } from './validate-regions';
import { validateTables } from './validate-tables';

const TOP_LEVEL_FIELDS = ['version', 'validFrom', 'regions', 'organisations', 'tables'] as const;
const ROOT = '$';

export interface CheckResult {
  /** Present only when there are no problems. */
  readonly data?: ReferenceData;
  readonly problems: readonly ReferenceDataProblem[];
}

/** Validates without throwing: the data when it is valid, and every problem found. */
export function checkReferenceData(input: unknown): CheckResult {
  const problems = new Problems();
  const data = collect(input, problems);
  return problems.isEmpty && data ? { data: deepFreeze(data), problems: [] } : { problems: problems.list };
}

/** Validates and returns the data, or throws a `ReferenceDataError` listing every problem. */
export function validateReferenceData(input: unknown, source?: string): ReferenceData {
  const { data, problems } = checkReferenceData(input);
  if (!data) throw new ReferenceDataError(problems, source);
  return data;
}

function collect(input: unknown, problems: Problems): ReferenceData | undefined {
  const root = expectObject(input, ROOT, problems);
  if (!root) return undefined;
  rejectUnknownFields(root, TOP_LEVEL_FIELDS, ROOT, problems);
  const version = expectPositiveInteger(root, 'version', ROOT, problems, 'the version');
  const validFrom = expectIsoDate(root, 'validFrom', ROOT, problems);

  // When a whole list is unreadable, references into it are not checked (that would only repeat the problem).
  const regionItems = expectArray(root, 'regions', ROOT, problems);
  const { regions, knownIds: regionIds } = regionItems
    ? validateRegions(regionItems, '$.regions', problems)
    : { regions: [], knownIds: undefined };

  const organisationItems = expectArray(root, 'organisations', ROOT, problems);
  const { organisations, knownCodes } = organisationItems
    ? validateOrganisations(organisationItems, '$.organisations', regionIds, problems)
    : { organisations: [], knownCodes: undefined };

  const tableItems = expectArray(root, 'tables', ROOT, problems);
  const tables = tableItems
    ? validateTables(tableItems, '$.tables', { regionIds, organisationCodes: knownCodes }, problems)
    : [];

  if (version === undefined || validFrom === undefined) return undefined;
  return { version, validFrom, regions, organisations, tables };
}
