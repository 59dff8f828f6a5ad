import type { ExpectedVersion } from './envelope';

export function isValidExpectedVersion(expected: unknown): expected is ExpectedVersion {
  return (
    expected === 'any' ||
    expected === 'no_stream' ||
    expected === 'stream_exists' ||
    (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
  );
}

/** Whether a stream at `actual` (number of events; 0 = absent) satisfies the expectation. */
export function satisfiesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 0;
    case 'stream_exists':
      return actual > 0;
    default:
      return actual === expected;
  }
}
