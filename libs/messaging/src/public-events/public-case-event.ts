import { readEnvelope, type StoredCaseEventEnvelope } from '../policy/envelope';
import { publicData } from './public-data';

export const CASE_EVENT_SCHEMA = 'casusregie.case-event.v1';

/**
 * The public, versioned form of a case event, for topic `casusregie.case-events.v1`: the event's coordinates and
 * its data without free text and without the subject's identifiers (see `PUBLIC_DATA_RULES`). `type` is the current
 * version of the event type (stored older versions are upcast first).
 */
export interface PublicCaseEvent {
  readonly schema: typeof CASE_EVENT_SCHEMA;
  readonly eventId: string;
  readonly type: string;
  readonly caseId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Maps a stored case event to its public form. Pure. Throws `UnmappableEventError` for an event whose type has no
 * public form (unknown, or not a case event) or whose data lacks a case id; the relay dead-letters those.
 * The signature keeps `| null` for types that are deliberately not published; today every case event type is.
 */
export function toPublicCaseEvent(envelope: StoredCaseEventEnvelope): PublicCaseEvent | null {
  const read = readEnvelope(envelope);
  return {
    schema: CASE_EVENT_SCHEMA,
    eventId: envelope.eventId,
    type: read.event.type,
    caseId: read.event.data.caseId,
    streamVersion: envelope.streamVersion,
    globalPosition: envelope.globalPosition,
    occurredAt: envelope.metadata.occurredAt,
    correlationId: envelope.metadata.correlationId,
    data: publicData(read.event.type, read.event.data),
  };
}
