import type { ChainVerification } from '../port/envelope';
import { type ChainedRecord, nextChainHash } from './chain-hash';

export interface StoredChainedRecord extends ChainedRecord {
  readonly chainHash: string;
}

/**
 * Recomputes the chain over records given in global order, starting from the stored hash of the record
 * before the range. With `densePositions`, a missing position (a deleted row) is reported as the break.
 */
export function verifyChainRecords(
  records: Iterable<StoredChainedRecord>,
  previousChainHash: string,
  range: { fromPosition: number; toPosition: number },
  densePositions: boolean,
): ChainVerification {
  let previous = previousChainHash;
  let expectedPosition = range.fromPosition;
  let checkedEvents = 0;
  const broken = (position: number, reason: string): ChainVerification => ({
    ok: false,
    ...range,
    checkedEvents,
    firstBrokenPosition: position,
    reason,
  });
  for (const record of records) {
    if (densePositions && record.globalPosition !== expectedPosition) {
      return broken(expectedPosition, `position ${expectedPosition} is missing from the log`);
    }
    const recomputed = nextChainHash(previous, record);
    if (recomputed !== record.chainHash) {
      return broken(record.globalPosition, 'stored chain hash does not match the event as stored');
    }
    previous = record.chainHash;
    expectedPosition = record.globalPosition + 1;
    checkedEvents++;
  }
  if (densePositions && range.toPosition >= range.fromPosition && expectedPosition !== range.toPosition + 1) {
    return broken(expectedPosition, `position ${expectedPosition} is missing from the log`);
  }
  return { ok: true, ...range, checkedEvents };
}
