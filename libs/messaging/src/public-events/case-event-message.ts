import type { PublicCaseEvent } from './public-case-event';

export const CASE_EVENTS_TOPIC = 'casusregie.case-events.v1';

/** The Kafka key of a public case event: the case id (per-case order on one partition). */
export function caseEventKey(event: PublicCaseEvent): string {
  return event.caseId;
}

/**
 * The headers that belong to a public case event message, on top of the relay's event headers (`event-id`,
 * `event-type`, `correlation-id`...; docs/MESSAGES.md lists them all).
 */
export function caseEventHeaders(event: PublicCaseEvent): Record<string, string> {
  return { 'case-id': event.caseId, schema: event.schema };
}
