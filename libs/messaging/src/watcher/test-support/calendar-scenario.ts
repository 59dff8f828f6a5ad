import type { StoredEvent } from '@casusregie/event-store';
import { CaseScript, ORG, after } from '../../../../projections/src/testing';
import { metadata } from '../../../../projections/src/testing/case-log';
import type { WatcherWorld } from './watcher-world';

export const T0 = '2026-03-02T08:00:00.000Z';
export const FIRST_DAY = '2026-03-02';
export const LAST_DAY = '2026-04-20';

/** Event types the watcher appends. */
export const WATCHER_TYPES = new Set([
  'casus.DeadlineApproaching.v1',
  'casus.DeadlineMissed.v1',
  'casus.EighteenthBirthdayPassed.v1',
  'casus.CaseEscalated.v1',
]);

/**
 * A grensvlak whose insurer never answers the responsibility request (asked 4 March, due 11 March), at `tableId`.
 */
async function unanswered(world: WatcherWorld, caseId: string, tableId: string): Promise<void> {
  const s = new CaseScript(world.log, caseId);
  await s.register({ tableId }, T0);
  await s.acceptAtTriage(after(T0, 0, 1));
  await s.putOnAgenda('s1', '2026-03-04', after(T0, 0, 2));
  await s.discuss('s1', { needs: [{ needId: 'need-vp', category: 'verpleging' }] }, after(T0, 2));
  await s.propose('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, after(T0, 2, 1));
  await s.requestFinancier('resp-vp', 'req-vp', after(T0, 2, 2));
}

/**
 * The cases of the calendar run:
 * - `esc`: unanswered at mwt-ijssel-vecht, whose table escalates a missed answer automatically;
 * - `plain`: unanswered at mwt-utrecht, whose table does not; its deadline is extended after it was missed;
 * - `turns18`: an 18-/18+ case whose client turns 18 on 15 April 2026 (milestones partly missed at registration).
 */
export async function scriptCases(world: WatcherWorld): Promise<void> {
  await unanswered(world, 'esc', 'mwt-ijssel-vecht');
  await unanswered(world, 'plain', 'mwt-utrecht');
  await new CaseScript(world.log, 'turns18').register(
    { caseType: 'transitie-18-min-18-plus', birthday18: '2026-04-15', tableId: 'mwt-utrecht' },
    T0,
  );
}

/** What happens on a day before the watcher's ticks: the coordinator of `plain` extends the missed answer. */
export async function commandsOn(world: WatcherWorld, day: string): Promise<void> {
  if (day !== '2026-03-13') return;
  await world.log.execute({
    type: 'ExtendDeadline',
    data: {
      caseId: 'plain',
      deadlineId: 'liaison-answer:req-vp',
      reason: 'Verzekeraar vraagt een week uitstel.',
      newDueDate: '2026-03-20',
    },
    metadata: metadata(ORG.utrecht.organisationId, `${day}T06:00:00.000Z`),
  });
}

/** Two moments on each Dutch calendar day from FIRST_DAY to LAST_DAY: 07:30 and 21:00 or 22:00 Dutch time. */
export function calendar(): { day: string; instants: string[] }[] {
  const days: { day: string; instants: string[] }[] = [];
  for (
    let t = Date.parse(`${FIRST_DAY}T00:00:00Z`);
    t <= Date.parse(`${LAST_DAY}T00:00:00Z`);
    t += 86_400_000
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, instants: [`${day}T06:30:00.000Z`, `${day}T20:00:00.000Z`] });
  }
  return days;
}

/** The fact a watcher event records: stream, type, and deadline + due date, birthday or escalation id. */
export function factKey(event: StoredEvent): string {
  const data = event.data as Record<string, string>;
  const fact = data.deadlineId ? `${data.deadlineId}@${data.dueOn}` : (data.birthday18 ?? data.escalationId);
  return `${event.streamId} ${event.type} ${fact}`;
}

/** The Dutch calendar date an event's occurredAt falls on (the run only uses instants that agree with UTC). */
export function dayOf(event: StoredEvent): string {
  return event.metadata.occurredAt.slice(0, 10);
}

export function watcherEvents(events: readonly StoredEvent[]): StoredEvent[] {
  return events.filter((event) => event.metadata.actor.role === 'system' && WATCHER_TYPES.has(event.type));
}
