import type { StoredChainedRecord } from '../chain/verify-chain';
import type { EventMetadata, StoredEvent } from '../port/envelope';

/** Column order of every event SELECT (statements run in raw mode for speed). */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, data, metadata, chain_hash';

export type EventRow = [number, string, string, number, string, string, string, string];

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: row[0],
    eventId: row[1],
    streamId: row[2],
    streamVersion: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as unknown,
    metadata: JSON.parse(row[6]) as EventMetadata,
    chainHash: row[7],
  };
}

export function toChainedRecord(row: EventRow): StoredChainedRecord {
  return {
    globalPosition: row[0],
    eventId: row[1],
    streamId: row[2],
    streamVersion: row[3],
    type: row[4],
    dataJson: row[5],
    metadataJson: row[6],
    chainHash: row[7],
  };
}
