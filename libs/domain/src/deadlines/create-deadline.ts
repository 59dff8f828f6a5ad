/**
 * The one constructor behind all deadlines. It computes the original due date per basis:
 * - servicenorm: N working days after the Dutch day of `startedAt` (see `addWorkingDays`), N from the table's
 *   `ServiceLevels`;
 * - wettelijk: N calendar weeks after the day of `startedAt`, moved to the next working day when it ends on a
 *   weekend or holiday (see `statutory-terms.ts`);
 * - transitie: relative to the 18th birthday (see `transition-rules.ts`);
 * - afspraak: the agreed `dueAt` (a date; an instant is reduced to its Dutch calendar date).
 *
 * The id is `${kind}:${key}`, where the key is the explicit `key`, else the first of requestId, escalationId,
 * actionId, needId in `ref`, else (transition) the 18th birthday. Same input, same id: stable across replays.
 */

import { formatEpochDay } from './calendar';
import { DeadlineError } from './deadline-error';
import { DEADLINE_BASIS_BY_KIND } from './deadline-model';
import type {
  AgreedKind,
  Deadline,
  DeadlineKind,
  DeadlineRef,
  ServiceLevelKind,
  TransitionKind,
} from './deadline-model';
import { parseIsoTime } from './iso-time';
import { DEFAULT_SERVICE_LEVELS, assertValidServiceLevels } from './service-levels';
import type { ServiceLevels } from './service-levels';
import { STATUTORY_TERMS, statutoryDueEpochDay } from './statutory-terms';
import { TRANSITION_MILESTONE_RULES, milestoneDueEpochDay } from './transition-rules';
import { addWorkingEpochDays } from './working-days';

interface DeadlineInputBase {
  /** ISO instant (or date) at which the clock starts: the registration, request, escalation, ... */
  readonly startedAt: string;
  readonly responsibleOrganisationIds: readonly string[];
  readonly ref?: DeadlineRef;
  /** Distinguishes deadlines of one kind within a case; defaults to the id in `ref`. */
  readonly key?: string;
}

export type CreateDeadlineInput =
  | (DeadlineInputBase & { readonly kind: ServiceLevelKind; readonly levels?: ServiceLevels })
  | (DeadlineInputBase & { readonly kind: 'ciz-decision'; readonly urgent?: boolean })
  | (DeadlineInputBase & { readonly kind: 'wmo-research' | 'wmo-decision' })
  | (DeadlineInputBase & { readonly kind: TransitionKind; readonly birthday18: string })
  | (DeadlineInputBase & { readonly kind: AgreedKind; readonly dueAt: string });

const SERVICE_LEVEL_FIELD: Readonly<Record<ServiceLevelKind, keyof ServiceLevels>> = {
  'discussion-after-registration': 'discussionWorkingDays',
  'liaison-answer': 'liaisonAnswerWorkingDays',
  'escalation-decision': 'escalationDecisionWorkingDays',
};

interface Due {
  readonly day: number;
  readonly source?: string;
  readonly defaultKey?: string;
}

function dueOf(input: CreateDeadlineInput, startDay: number): Due {
  switch (input.kind) {
    case 'discussion-after-registration':
    case 'liaison-answer':
    case 'escalation-decision': {
      const levels = input.levels ?? DEFAULT_SERVICE_LEVELS;
      assertValidServiceLevels(levels);
      return { day: addWorkingEpochDays(startDay, levels[SERVICE_LEVEL_FIELD[input.kind]]) };
    }
    case 'ciz-decision':
    case 'wmo-research':
    case 'wmo-decision': {
      const term =
        STATUTORY_TERMS[input.kind === 'ciz-decision' && input.urgent ? 'ciz-decision-urgent' : input.kind];
      return { day: statutoryDueEpochDay(startDay, term.weeks), source: term.source };
    }
    case 'transition-plan-started':
    case 'transition-route-decided':
    case 'transition-wmo-melding':
    case 'transition-ciz-aanvraag':
    case 'transition-verlengde-jeugdhulp-decision': {
      const birthday = parseIsoTime(input.birthday18, '18th birthday').day;
      const rule = TRANSITION_MILESTONE_RULES[input.kind];
      return {
        day: milestoneDueEpochDay(rule, birthday),
        source: rule.source,
        defaultKey: formatEpochDay(birthday),
      };
    }
    case 'action-due':
    case 'escalation-due': {
      const day = parseIsoTime(input.dueAt, 'agreed due date').day;
      if (day < startDay) {
        throw new DeadlineError(
          'deadline.due-before-start',
          `The agreed due date ${formatEpochDay(day)} lies before the day it was agreed (${formatEpochDay(startDay)}).`,
        );
      }
      return { day };
    }
  }
}

function cleanRef(ref: DeadlineRef | undefined): DeadlineRef | undefined {
  if (!ref) return undefined;
  const entries = Object.entries(ref).filter(([, value]) => typeof value === 'string' && value.trim() !== '');
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as DeadlineRef);
}

function keyOf(
  kind: DeadlineKind,
  explicit: string | undefined,
  ref: DeadlineRef | undefined,
  due: Due,
): string {
  const key =
    explicit ?? ref?.requestId ?? ref?.escalationId ?? ref?.actionId ?? ref?.needId ?? due.defaultKey;
  if (key === undefined || key.trim() === '') {
    throw new DeadlineError(
      'deadline.invalid-input',
      `A ${kind} deadline needs a key or a reference (need, request, escalation or action) to be identified.`,
    );
  }
  return key;
}

function organisationsOf(kind: DeadlineKind, ids: readonly string[]): string[] {
  const cleaned = [
    ...new Set((Array.isArray(ids) ? ids : []).filter((id) => typeof id === 'string' && id !== '')),
  ];
  if (cleaned.length === 0) {
    throw new DeadlineError(
      'deadline.no-responsible-organisation',
      `A ${kind} deadline must name at least one organisation that has to act.`,
    );
  }
  return cleaned;
}

export function createDeadline(input: CreateDeadlineInput): Deadline {
  const start = parseIsoTime(input.startedAt, 'start');
  const due = dueOf(input, start.day);
  const ref = cleanRef(input.ref);
  return {
    id: `${input.kind}:${keyOf(input.kind, input.key, ref, due)}`,
    kind: input.kind,
    basis: DEADLINE_BASIS_BY_KIND[input.kind],
    startedAt: input.startedAt,
    originalDueAt: formatEpochDay(due.day),
    ...(ref ? { ref } : {}),
    responsibleOrganisationIds: organisationsOf(input.kind, input.responsibleOrganisationIds),
    suspensions: [],
    ...(due.source ? { source: due.source } : {}),
  };
}
