import type { WatchDeadlines } from '../commands/deadlines';
import { noteOn, requireLeadTime, watchedDeadlines } from '../deadline-watch';
import type { WatchedDeadline } from '../deadline-watch';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { DeadlineApproaching, DeadlineMissed } from '../events/deadlines';
import type { CaseState } from '../state';
import { toDutchDate } from '../time';
import { requireDate } from '../validation';
import { autoEscalationOnMissedAnswers, requireAutoEscalation } from './auto-escalation';

function noted(
  watched: WatchedDeadline,
  type: DeadlineApproaching['type'] | DeadlineMissed['type'],
  caseId: string,
  at: string,
): DeadlineApproaching | DeadlineMissed {
  const { deadline, dueOn } = watched;
  return {
    type,
    data: {
      caseId,
      deadlineId: deadline.id,
      kind: deadline.kind,
      dueOn,
      responsibleOrganisationIds: [...deadline.responsibleOrganisationIds],
      occurredAt: at,
    },
  };
}

/**
 * The deadline watcher's command: notes every open deadline that approaches or was missed, once per due date, and
 * escalates missed liaison answers when the table says so. Only the watcher (role `system`) sends it; no HTTP role
 * can. Nothing to note is no error: the answer is an empty list. A closed case gives nothing.
 */
export function watchDeadlines(command: WatchDeadlines, state: CaseState): CaseEvent[] {
  const { metadata, data } = command;
  if (metadata.role !== 'system') {
    refuse(
      'role-not-allowed',
      'Only the deadline watcher (role system) notes approaching and missed deadlines.',
    );
  }
  const today = requireDate(data.today, 'Today (the date of the watch)');
  const nowDate = toDutchDate(metadata.now);
  if (today !== nowDate) {
    refuse(
      'invalid-date',
      `Today (${today}) must be the Dutch calendar date of the command's time (${nowDate}).`,
    );
  }
  const lead = requireLeadTime(data.approachingWithinDays);
  const config = data.autoEscalation == null ? null : requireAutoEscalation(data.autoEscalation);
  const caseId = state.caseId!;
  const events: (DeadlineApproaching | DeadlineMissed)[] = [];
  for (const watched of watchedDeadlines(state, metadata.now, lead)) {
    const note = noteOn(watched, today);
    if (note === 'missed') events.push(noted(watched, 'casus.DeadlineMissed.v1', caseId, metadata.now));
    if (note === 'approaching') {
      events.push(noted(watched, 'casus.DeadlineApproaching.v1', caseId, metadata.now));
    }
  }
  const missedAnswers = events
    .filter((e) => e.type === 'casus.DeadlineMissed.v1' && e.data.kind === 'liaison-answer')
    .map((e) => state.deadlines[e.data.deadlineId]);
  return [...events, ...autoEscalationOnMissedAnswers(state, missedAnswers, config, metadata.now)];
}
