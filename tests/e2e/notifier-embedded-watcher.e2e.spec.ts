import type { StoredEvent } from '@casusregie/event-store';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { JourneyClient, coordinatorUtrecht } from './support/journey/http';
import { readiness, watcherTicksNow } from './support/processors-readiness';

/** The watcher in-process, on its own short schedule; lead time 2 calendar days. */
const WATCHER_ON = { WATCHER_ENABLED: 'true', WATCH_INTERVAL_MS: '25', DEADLINE_APPROACHING_DAYS: '2' };
const WATCHER_TYPES = new Set([
  'casus.DeadlineApproaching.v1',
  'casus.DeadlineMissed.v1',
  'casus.EighteenthBirthdayPassed.v1',
  'casus.CaseEscalated.v1',
]);

/** `type fact`: the deadline and due date, or the birthday, a watcher event records. */
function factOf(event: StoredEvent): string {
  const data = event.data as Record<string, string>;
  return `${event.type} ${data.deadlineId ? `${data.deadlineId}@${data.dueOn}` : data.birthday18}`;
}

/**
 * The embedded default with its deadline watcher on its own schedule (WATCHER_ENABLED, WATCH_INTERVAL_MS): the
 * test only moves the clock and reads the case streams. Facts independent of the inbox: which events the watcher
 * appended, on which day, once each — also when the service restarts in the middle of the calendar.
 */
describe('the embedded default turns passing time into case events', () => {
  let embedded: EmbeddedApp;

  afterEach(() => embedded?.close({ removeData: true }));

  it('notes an unanswered request approaching and missed, and the 18th birthday, once each, across a restart', async () => {
    embedded = await startEmbeddedApp({ start: '2026-03-02T09:00:00.000Z', env: WATCHER_ON });
    const client = new JourneyClient(embedded);

    // A grensvlak at the Utrecht table (no automatic escalation): the insurer is asked on 4 March, due the 11th.
    const grensvlak = await CaseJourney.register(client, {
      caseType: 'grensvlak',
      summary: 'Grensvlak wijkverpleging en persoonlijke verzorging.',
    });
    await grensvlak.triage();
    const sessionId = await grensvlak.putOnAgenda('2026-03-04');
    embedded.clock.set('2026-03-04T10:00:00.000Z');
    const [needId] = await grensvlak.discuss({
      sessionId,
      present: ['GM0344', '3311'],
      needs: ['verpleging'],
    });
    const { responsibilityId } = await grensvlak.propose(needId, 'Zvw', '3311', { wlzIndication: false });
    const requestId = await grensvlak.requestFinancier(
      needId,
      responsibilityId,
      'Neemt de verzekeraar dit op?',
    );

    // An 18-/18+ case: the client (registered with a birth date, kept encrypted) turns 18 on 15 April 2026.
    const subject = await client.post<{ subjectId: string }>(coordinatorUtrecht, '/subjects', {
      name: 'Sanne de Proef',
      bsn: '999990019',
      birthDate: '2008-04-15',
    });
    expect(subject.status).toBe(201);
    const transition = await CaseJourney.register(client, {
      caseType: 'transitie-18-min-18-plus',
      summary: 'Jongere met begeleiding; de Jeugdwet stopt bij 18 jaar.',
      subjectId: subject.body.subjectId,
    });

    const days: Array<{ at: string; restartFirst?: boolean }> = [
      { at: '2026-03-04T12:00:00.000Z' }, // the day both were registered
      { at: '2026-03-08T08:00:00.000Z' },
      { at: '2026-03-09T08:00:00.000Z' }, // the answer approaches (due the 11th, lead time 2 days)
      { at: '2026-03-09T18:00:00.000Z' },
      { at: '2026-03-12T08:00:00.000Z', restartFirst: true }, // missed; the service restarted just before
      { at: '2026-03-13T08:00:00.000Z' },
      { at: '2026-04-14T08:00:00.000Z' },
      { at: '2026-04-15T08:00:00.000Z' }, // the 18th birthday
      { at: '2026-04-16T08:00:00.000Z', restartFirst: true },
    ];
    for (const { at, restartFirst } of days) {
      if (restartFirst) {
        await embedded.close();
        embedded = await startEmbeddedApp({ dataDir: embedded.dataDir, start: at, env: WATCHER_ON });
      }
      embedded.clock.set(at);
      // Two ticks at this instant: the second finds nothing left to note.
      const watcher = await watcherTicksNow(embedded, 2);
      expect(watcher).toMatchObject({ status: 'up', lastTick: { today: at.slice(0, 10), error: null } });
    }

    const streamOf = async (casus: CaseJourney) =>
      (await embedded.store.readStream(`case-${casus.caseId}`)).filter((e) => WATCHER_TYPES.has(e.type));
    const noted = (events: StoredEvent[]) =>
      events.map((e) => `${e.metadata.occurredAt.slice(0, 10)} ${factOf(e)}`);

    expect(noted(await streamOf(grensvlak))).toEqual([
      `2026-03-09 casus.DeadlineApproaching.v1 liaison-answer:${requestId}@2026-03-11`,
      `2026-03-12 casus.DeadlineMissed.v1 liaison-answer:${requestId}@2026-03-11`,
    ]);
    const transitionEvents = await streamOf(transition);
    const facts = noted(transitionEvents);
    expect(new Set(facts).size).toBe(facts.length);
    expect(facts).toEqual(
      expect.arrayContaining([
        '2026-04-15 casus.EighteenthBirthdayPassed.v1 2026-04-15',
        // Milestones already past when the case was registered (4 March) are missed at the next tick.
        '2026-03-04 casus.DeadlineMissed.v1 transition-plan-started:2026-04-15@2024-04-15',
        '2026-03-04 casus.DeadlineMissed.v1 transition-route-decided:2026-04-15@2025-04-15',
        // The decision on verlengde jeugdhulp is due the day before the birthday.
        '2026-04-14 casus.DeadlineApproaching.v1 transition-verlengde-jeugdhulp-decision:2026-04-15@2026-04-14',
      ]),
    );
    for (const event of [...(await streamOf(grensvlak)), ...transitionEvents]) {
      expect(event.metadata.actor).toEqual({
        userId: 'deadline-watcher',
        role: 'system',
        organisationId: 'casusregie',
      });
    }
    // The birth date itself is nowhere in the log: only the date of the 18th birthday, as registered.
    expect(JSON.stringify(transitionEvents)).not.toContain('2008-04-15');

    const ready = await readiness(embedded);
    expect(ready.status).toBe('ok');
    expect(ready.relay).toBeUndefined(); // KAFKA_BROKERS is not set
  }, 90_000);
});
