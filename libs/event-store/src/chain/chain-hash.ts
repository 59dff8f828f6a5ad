import { createHash } from 'node:crypto';

/** The chain hash before the first event. */
export const GENESIS_CHAIN_HASH = '0'.repeat(64);

/** The stored form of an event as the chain sees it: data and metadata exactly as stored (JSON text). */
export interface ChainedRecord {
  readonly globalPosition: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * Canonical bytes of a stored event: a JSON array in a fixed order, holding data and metadata as the exact
 * stored text. Hashing the stored text (not a re-serialisation of parsed values) means any changed byte shows.
 */
export function canonicalBytes(record: ChainedRecord): Buffer {
  return Buffer.from(
    JSON.stringify([
      'casusregie.event.v1',
      record.globalPosition,
      record.eventId,
      record.streamId,
      record.streamVersion,
      record.type,
      record.dataJson,
      record.metadataJson,
    ]),
    'utf8',
  );
}

/** sha256(previous chain hash ‖ sha256(canonical bytes)), both as raw 32-byte values; returned as hex. */
export function nextChainHash(previousChainHash: string, record: ChainedRecord): string {
  const eventDigest = createHash('sha256').update(canonicalBytes(record)).digest();
  return createHash('sha256').update(Buffer.from(previousChainHash, 'hex')).update(eventDigest).digest('hex');
}
