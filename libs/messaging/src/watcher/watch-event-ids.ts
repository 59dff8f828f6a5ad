import { createHash } from 'node:crypto';

/** What the watcher's events carry that identifies the fact they record. */
interface WatchEventLike {
  readonly type: string;
  readonly data: unknown;
}

/** A UUID-shaped (version 8, RFC 9562 "custom") id from the sha256 of the parts. */
export function idFromParts(parts: readonly string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

function field(data: unknown, name: string): string | undefined {
  const value = (data as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The fact an event of the watcher records, independent of when or by which watcher it was decided:
 * - DeadlineApproaching / DeadlineMissed: the deadline and its due date;
 * - EighteenthBirthdayPassed: the birthday;
 * - an automatic escalation: its escalation id (the domain derives it from the case state).
 * Anything else falls back to the stream version it is appended at, which two watchers deciding on the same
 * version also agree on.
 */
function factOf(event: WatchEventLike, streamVersion: number): string[] {
  const deadlineId = field(event.data, 'deadlineId');
  const dueOn = field(event.data, 'dueOn');
  if (deadlineId && dueOn) return ['deadline', deadlineId, dueOn];
  const birthday18 = field(event.data, 'birthday18');
  if (birthday18) return ['birthday18', birthday18];
  const escalationId = field(event.data, 'escalationId');
  if (escalationId) return ['escalation', escalationId];
  return ['version', String(streamVersion)];
}

/**
 * Deterministic event ids for what the watcher appends to a case: the same fact always gets the same id (case id,
 * fact, event type), never a random one. Two watchers that decide the same events append the same ids, so the
 * store takes the second append as a retry of the first; an event for a fact already stored cannot be stored twice.
 */
export function watchEventIds(
  caseId: string,
  events: readonly WatchEventLike[],
  firstStreamVersion: number,
): string[] {
  return events.map((event, index) =>
    idFromParts([
      'casusregie.deadline-watcher',
      caseId,
      ...factOf(event, firstStreamVersion + index),
      event.type,
    ]),
  );
}
