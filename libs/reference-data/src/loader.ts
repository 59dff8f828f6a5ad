/**
 * Reading the reference data file. Without a path the shipped file is used, found relative to this module so that
 * it does not matter from which directory the process was started.
 */

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ReferenceDataError } from './reference-data-error';
import type { ReferenceDataProblem } from './reference-data-error';
import type { ReferenceData } from './types';
import { checkReferenceData } from './validation/validate-reference-data';

/** The shipped file; its name carries the version (see README.md, "Changing the data"). */
export const REFERENCE_DATA_FILE_NAME = 'reference-data.v1.json';

/** The absolute path of the shipped file. */
export function defaultReferenceDataPath(): string {
  const beside = resolve(__dirname, '..', 'data', REFERENCE_DATA_FILE_NAME);
  if (existsSync(beside)) return beside;
  // Compiled output (dist/...) has no data folder: look for the repository's copy above it.
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'reference-data', 'data', REFERENCE_DATA_FILE_NAME);
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}

/**
 * Reads and validates a reference data file (default: the shipped one; a relative path is taken from the current
 * directory). Throws a `ReferenceDataError` that lists every problem when the file cannot be read, is not JSON, or
 * is not valid reference data.
 */
export function loadReferenceData(path?: string): ReferenceData {
  const file = path === undefined ? defaultReferenceDataPath() : resolve(path);
  const json = parseJson(readText(file), file);
  const { data, problems } = checkReferenceData(json);
  const all = [...problems, ...versionMatchesFileName(file, json)];
  if (!data || all.length > 0) throw new ReferenceDataError(all, file);
  return data;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ReferenceDataError([{ path: '$', message: `cannot read the file: ${reason(error)}` }], file);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReferenceDataError([{ path: '$', message: `not valid JSON: ${reason(error)}` }], file);
  }
}

/** `reference-data.v2.json` must hold version 2, so a bumped version cannot hide behind an old name. */
function versionMatchesFileName(file: string, json: unknown): ReferenceDataProblem[] {
  const match = /\.v(\d+)\.json$/.exec(basename(file));
  const version = (json as { version?: unknown } | null)?.version;
  if (!match || typeof version !== 'number' || version === Number(match[1])) return [];
  return [
    {
      path: '$.version',
      message: `the file name ${basename(file)} says version ${match[1]}, but the file holds version ${version}`,
    },
  ];
}

function reason(error: unknown): string {
  // Not `instanceof Error`: errors from another realm (a test sandbox) would fail that check.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
