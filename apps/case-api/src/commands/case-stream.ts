/** Case streams are named by the case's opaque id only: never anything personal. */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

export const CASE_STREAM_PREFIX = 'case-';
