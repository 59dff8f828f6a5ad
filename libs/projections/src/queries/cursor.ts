import { ReadModelQueryError } from './query-error';

/**
 * Opaque keyset cursors: the sort and the key of the last row returned, base64url-encoded JSON. Paging continues
 * strictly after that key, so rows inserted meanwhile never shift a page (no duplicates, no gaps).
 */
export function encodeCursor(kind: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** The key, if the cursor was made for `kind` with `length` key values; otherwise an invalid-cursor error. */
export function decodeCursor(cursor: string, kind: string, length: number): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== length + 1) throw invalid();
  const key = parsed.slice(1);
  if (!key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    throw invalid();
  }
  return key as (string | number)[];
}

function invalid(): ReadModelQueryError {
  return new ReadModelQueryError(
    'invalid-cursor',
    'The cursor is not valid for this query (it belongs to another sort or was altered).',
  );
}
