import { CaseError } from '../errors';
import type { CaseErrorCode, CaseErrorKind } from '../errors';

/** A check for `thenThrows`: a CaseError with this code (and therefore its kind), and a non-empty message. */
export function refusedWith(code: CaseErrorCode, kind?: CaseErrorKind) {
  return (error: unknown): boolean => {
    if (!(error instanceof CaseError)) throw error;
    if (error.code !== code) {
      throw new Error(`Expected refusal ${code}, got ${error.code}: ${error.message}`);
    }
    if (kind !== undefined && error.kind !== kind)
      throw new Error(`Expected kind ${kind}, got ${error.kind}`);
    return error.message.length > 0;
  };
}
