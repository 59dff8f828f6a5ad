/**
 * The contract of the two events the deadline watcher (apps/notifier) appends to a case stream when time passes.
 * The domain has no command for them: the watcher derives them from `state.deadlines` (`deadlinesAt`) and appends
 * them with deterministic event ids, once per deadline and due date. The messaging library maps them to
 * notifications and public case events like any other case event.
 *
 * Data (every field required; no free text):
 * - `caseId`: the case;
 * - `deadlineId`: the id of the deadline in `state.deadlines` (e.g. `liaison-answer:<requestId>`);
 * - `kind`: its `DeadlineKind` (e.g. `liaison-answer`, `transition-plan-started`);
 * - `dueOn`: the effective due date (`YYYY-MM-DD`, Dutch calendar day, after suspensions and an extension);
 * - `responsibleOrganisationIds`: who must act (the deadline's `responsibleOrganisationIds`).
 * An `occurredAt` instant may be present as in every domain event; the envelope's `occurredAt` is used either way.
 */

export const DEADLINE_APPROACHING = 'casus.DeadlineApproaching.v1';
export const DEADLINE_MISSED = 'casus.DeadlineMissed.v1';

export const DEADLINE_WATCH_EVENT_TYPES = [DEADLINE_APPROACHING, DEADLINE_MISSED] as const;
export type DeadlineWatchEventType = (typeof DEADLINE_WATCH_EVENT_TYPES)[number];

export interface DeadlineWatchData {
  readonly caseId: string;
  readonly deadlineId: string;
  readonly kind: string;
  readonly dueOn: string;
  readonly responsibleOrganisationIds: readonly string[];
}

export interface DeadlineApproaching {
  readonly type: typeof DEADLINE_APPROACHING;
  readonly data: DeadlineWatchData;
}

export interface DeadlineMissed {
  readonly type: typeof DEADLINE_MISSED;
  readonly data: DeadlineWatchData;
}

export type DeadlineWatchEvent = DeadlineApproaching | DeadlineMissed;

export function isDeadlineWatchEventType(type: string): type is DeadlineWatchEventType {
  return (DEADLINE_WATCH_EVENT_TYPES as readonly string[]).includes(type);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The event with exactly the contract's fields, or a description of what is wrong with its data. */
export function readDeadlineWatchEvent(
  type: DeadlineWatchEventType,
  data: unknown,
): DeadlineWatchEvent | string {
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
  return {
    type,
    data: {
      caseId: d.caseId as string,
      deadlineId: d.deadlineId as string,
      kind: d.kind as string,
      dueOn: d.dueOn,
      responsibleOrganisationIds: [...(responsible as string[])],
    },
  } as DeadlineWatchEvent;
}
