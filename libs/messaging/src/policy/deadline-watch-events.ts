/**
 * The two events the deadline watcher (apps/notifier) gets appended to a case stream when time passes. They are
 * domain events (`WatchDeadlines` in libs/domain decides them, once per deadline and due date); this module keeps
 * the contract's names for the messaging library and checks that stored data has what the mapping needs.
 *
 * Data (no free text): `caseId`; `deadlineId` (the id in `state.deadlines`, e.g. `liaison-answer:<requestId>`);
 * `kind` (its `DeadlineKind`); `dueOn` (the effective due date, `YYYY-MM-DD`, after suspensions and an extension);
 * `responsibleOrganisationIds` (who must act); `occurredAt` (the watch's instant).
 */
import {
  DEADLINE_APPROACHING,
  DEADLINE_MISSED,
  type DeadlineApproaching,
  type DeadlineMissed,
  type DeadlineWatchFacts,
} from '@casusregie/domain';

export { DEADLINE_APPROACHING, DEADLINE_MISSED };
export type { DeadlineApproaching, DeadlineMissed };

export const DEADLINE_WATCH_EVENT_TYPES = [DEADLINE_APPROACHING, DEADLINE_MISSED] as const;
export type DeadlineWatchEventType = (typeof DEADLINE_WATCH_EVENT_TYPES)[number];
export type DeadlineWatchData = DeadlineWatchFacts;
export type DeadlineWatchEvent = DeadlineApproaching | DeadlineMissed;

export function isDeadlineWatchEventType(type: string): type is DeadlineWatchEventType {
  return (DEADLINE_WATCH_EVENT_TYPES as readonly string[]).includes(type);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** What is wrong with the data of a watch event for the mapping, or null when it has every field it needs. */
export function deadlineWatchDataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'the data is not an object';
  const d = data as Record<string, unknown>;
  for (const field of ['caseId', 'deadlineId', 'kind'] as const) {
    if (!isNonEmptyString(d[field])) return `${field} is not a non-empty string`;
  }
  if (typeof d.dueOn !== 'string' || !DATE.test(d.dueOn)) return 'dueOn is not a date (YYYY-MM-DD)';
  const responsible = d.responsibleOrganisationIds;
  if (!Array.isArray(responsible) || !responsible.every(isNonEmptyString)) {
    return 'responsibleOrganisationIds is not a list of organisation ids';
  }
  return null;
}

/** The event as the domain types it, or a description of what is wrong with its data. */
export function readDeadlineWatchEvent(
  type: DeadlineWatchEventType,
  data: unknown,
): DeadlineWatchEvent | string {
  const problem = deadlineWatchDataProblem(data);
  return problem ?? ({ type, data } as DeadlineWatchEvent);
}
