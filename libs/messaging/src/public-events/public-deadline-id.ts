import { idFromParts } from '../watcher/watch-event-ids';

/**
 * The id of a deadline as it leaves the service (public case events on Kafka): an opaque, deterministic UUID from
 * the sha256 of the case id and the deadline's id in the service. The service's own ids can carry dates that date
 * the person (a transition milestone is `${kind}:${birthday18}`); this form carries nothing but identity. The same
 * deadline of the same case always gets the same public id, so consumers can follow it across events.
 */
export function publicDeadlineId(caseId: string, deadlineId: string): string {
  return idFromParts(['casusregie.deadline', caseId, deadlineId]);
}
