import {
  type AutoEscalationConfig,
  type CaseEvent,
  type CaseState,
  type CommandMetadata,
  DeadlineError,
  decide,
  eighteenthBirthdayDueOn,
  evolve,
  isCaseError,
  isEighteenthBirthdayDue,
  nextDeadlineWatchDate,
} from '@casusregie/domain';

export interface WatchDecisionInput {
  readonly metadata: CommandMetadata;
  /** The Dutch calendar date of `metadata.now`. */
  readonly today: string;
  readonly approachingWithinDays: number;
  /** The table's automatic escalation of a missed liaison answer, or null where the table has none. */
  readonly autoEscalation: AutoEscalationConfig | null;
}

/** A business refusal of one of the watcher's commands: its code only (messages may name case facts). */
export interface WatchRefusal {
  readonly command: 'PassEighteenthBirthday' | 'WatchDeadlines';
  readonly code: string;
}

export interface WatchDecision {
  readonly events: CaseEvent[];
  readonly refusals: WatchRefusal[];
  /** The state after the events: what the next watch date is computed from. */
  readonly state: CaseState;
}

/**
 * What the watcher decides for one case on `today`: the 18th birthday of an 18-/18+ case once it has come (the
 * PassEighteenthBirthday command), then WatchDeadlines on the state after it (approaching and missed deadlines,
 * and an automatic escalation where the table has one). A refusal of one command does not hold up the other.
 */
export function decideWatch(state: CaseState, input: WatchDecisionInput): WatchDecision {
  const events: CaseEvent[] = [];
  const refusals: WatchRefusal[] = [];
  let current = state;
  const apply = (command: Parameters<typeof decide>[0], name: WatchRefusal['command']) => {
    try {
      for (const event of decide(command, current)) {
        events.push(event);
        current = evolve(current, event);
      }
    } catch (error) {
      const code = refusalCode(error);
      if (code === null) throw error;
      refusals.push({ command: name, code });
    }
  };
  const caseId = state.caseId!;
  if (isEighteenthBirthdayDue(state, input.today)) {
    apply(
      { type: 'PassEighteenthBirthday', data: { caseId }, metadata: input.metadata },
      'PassEighteenthBirthday',
    );
  }
  apply(
    {
      type: 'WatchDeadlines',
      data: {
        caseId,
        today: input.today,
        approachingWithinDays: input.approachingWithinDays,
        autoEscalation: input.autoEscalation,
      },
      metadata: input.metadata,
    },
    'WatchDeadlines',
  );
  return { events, refusals, state: current };
}

/**
 * The first date after `today` on which the watcher has something to decide for this state: a deadline to note,
 * or the 18th birthday; null when nothing will come without a new event on the case.
 */
export function nextWatchDate(state: CaseState, today: string, approachingWithinDays: number): string | null {
  const dates = [nextDeadlineWatchDate(state, today, approachingWithinDays), eighteenthBirthdayDueOn(state)];
  const upcoming = dates.filter((date): date is string => date !== null);
  return upcoming.length === 0 ? null : upcoming.reduce((a, b) => (b < a ? b : a));
}

/** The code of a domain refusal (CaseError, DeadlineError), or null for anything else. */
function refusalCode(error: unknown): string | null {
  return isCaseError(error) || error instanceof DeadlineError ? error.code : null;
}
