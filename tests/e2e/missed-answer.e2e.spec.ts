import type { InboxItem } from '@casusregie/projections';
import { until } from '../../libs/messaging/test-support/relay-fixtures';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { type Caller, JourneyClient, coordinatorUtrecht, liaisonOf } from './support/journey/http';
import { steps } from './support/journey/responsibility-view';
import { readiness, watcherTicksNow } from './support/processors-readiness';

/** IJssel-Vecht escalates a missed answer automatically (libs/reference-data/data); Utrecht does not. */
const IJSSEL_VECHT = 'mwt-ijssel-vecht';
const coordinatorZwolle: Caller = { role: 'coordinator', org: 'GM0193', tables: [IJSSEL_VECHT] };
const MENZIS = liaisonOf('3332');
const ZILVEREN_KRUIS = liaisonOf('3311');

const APPROACHING = 'casus.DeadlineApproaching.v1';
const MISSED = 'casus.DeadlineMissed.v1';
const ESCALATED = 'casus.CaseEscalated.v1';

interface InboxPage {
  readonly organisationId: string;
  readonly items: InboxItem[];
}

interface DeadlineView {
  readonly deadlineId: string;
  readonly kind: string;
  readonly effectiveDueOn: string;
  readonly missed: boolean | null;
  readonly responsibleOrganisationIds: readonly string[];
}

interface CaseView {
  readonly version: number;
  readonly deadlines: readonly DeadlineView[];
  readonly escalations: ReadonlyArray<{
    readonly escalationId: string;
    readonly level: string;
    readonly reason: string;
    readonly status: string;
    readonly decisionOwner: { readonly organisationId: string };
    readonly mandateHolder: { readonly organisationId: string };
    readonly openedAt: string;
    readonly needIds: readonly string[];
  }>;
}

/** One unanswered responsibility request in a case of its own. */
interface Asked {
  readonly casus: CaseJourney;
  readonly coordinator: Caller;
  readonly financier: Caller;
  readonly needId: string;
  readonly requestId: string;
}

/**
 * A responsibility request nobody answers, at a table that escalates a missed answer automatically (IJssel-Vecht)
 * and at one that does not (Utrecht). The embedded default runs its deadline watcher in-process on its own
 * schedule (WATCHER_ENABLED, WATCH_INTERVAL_MS, DEADLINE_APPROACHING_DAYS); the test only moves the clock and waits
 * for what the watcher appends, read over HTTP: the case's steps, GET /cases/{id} and the inboxes of both sides.
 */
describe('a responsibility request left unanswered past its due date', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;
  let escalating: Asked;
  let plain: Asked;

  const watchTypes = async ({ casus, coordinator }: Asked) =>
    (await steps(client, casus.caseId, coordinator))
      .map((s) => s.after!)
      .filter((e) => e.type === APPROACHING || e.type === MISSED || e.type === ESCALATED);

  /** GET /cases/{id} with the read model at the log's head (read-your-writes, the watcher's included). */
  const caseView = async ({ casus, coordinator }: Asked) => {
    const head = await embedded.store.headPosition();
    return client.read<CaseView>(coordinator, `/cases/${casus.caseId}?minPosition=${head}`);
  };

  const inbox = async (caller: Caller, query = '') => {
    const head = await embedded.store.headPosition();
    return client.read<InboxPage>(caller, `/inbox?minPosition=${head}${query}`);
  };

  /** Waits (bounded) until the watcher has appended an event of `type` to every case given. */
  const appended = (type: string, ...cases: Asked[]) =>
    until(
      async () => {
        for (const asked of cases) if (!(await watchTypes(asked)).some((e) => e.type === type)) return false;
        return true;
      },
      `${type} in ${cases.length} case(s)`,
      15_000,
    );

  /** A grensvlak case at `tableId`, triaged and on the agenda of Thursday 5 March. */
  const registerAt = async (coordinator: Caller, tableId: string): Promise<CaseJourney> => {
    const casus = await CaseJourney.register(
      client,
      {
        caseType: 'grensvlak',
        summary: 'Thuiswonend na ziekenhuisopname; de verpleging moet geregeld worden.',
        tableId,
        aanbrengerCode: coordinator.org,
        regiehouderCode: coordinator.org,
      },
      coordinator,
    );
    await casus.triage();
    await casus.putOnAgenda('2026-03-05');
    return casus;
  };

  /** Discusses the case (5 March) and asks `financier` to take the verpleging; nobody will answer. */
  const askAndLeave = async (casus: CaseJourney, coordinator: Caller, financier: Caller): Promise<Asked> => {
    const [needId] = await casus.discuss({
      sessionId: 'session-2026-03-05',
      present: [coordinator.org, financier.org],
      needs: ['verpleging'],
    });
    const { responsibilityId } = await casus.propose(needId, 'Zvw', financier.org, {
      wlzIndication: false,
      ageOnDate: 79,
      setting: 'thuis',
      medicalContext: true,
    });
    const requestId = await casus.requestFinancier(needId, responsibilityId, 'Neemt u de wijkverpleging op?');
    return { casus, coordinator, financier, needId, requestId };
  };

  beforeAll(async () => {
    // Monday 2 March 2026. The watcher ticks every 50 ms from the start; deadlines approach 2 days ahead.
    embedded = await startEmbeddedApp({
      start: '2026-03-02T09:00:00.000Z',
      env: { WATCHER_ENABLED: 'true', WATCH_INTERVAL_MS: '50', DEADLINE_APPROACHING_DAYS: '2' },
    });
    client = new JourneyClient(embedded);
    const atIjsselVecht = await registerAt(coordinatorZwolle, IJSSEL_VECHT);
    const atUtrecht = await registerAt(coordinatorUtrecht, 'mwt-utrecht');
    embedded.clock.set('2026-03-05T10:00:00.000Z');
    escalating = await askAndLeave(atIjsselVecht, coordinatorZwolle, MENZIS);
    plain = await askAndLeave(atUtrecht, coordinatorUtrecht, ZILVEREN_KRUIS);
  }, 30_000);
  afterAll(() => embedded.close({ removeData: true }));

  it('notes the deadline approaching and missed once each, escalates only where configured, and shows it to both sides', async () => {
    // The answers are due five working days after the request: Thursday 12 March.
    for (const asked of [escalating, plain]) {
      expect(liaisonAnswerOf(await caseView(asked), asked)).toMatchObject({
        effectiveDueOn: '2026-03-12',
        missed: false,
        responsibleOrganisationIds: [asked.financier.org],
      });
    }
    expect(await watchTypes(escalating)).toEqual([]);

    // ---- Wednesday 11 March: within the lead time, the deadline approaches ----
    embedded.clock.set('2026-03-11T09:00:00.000Z');
    await appended(APPROACHING, escalating, plain);
    for (const asked of [escalating, plain]) {
      const [approaching] = (await inbox(asked.financier, '&kind=deadline-approaching')).items;
      expect(approaching).toMatchObject({
        caseId: asked.casus.caseId,
        asked: 'answer-responsibility-request',
        dueDate: '2026-03-12',
        overdue: false,
      });
    }

    // ---- Friday 13 March: the answer is missed; IJssel-Vecht escalates, Utrecht does not ----
    embedded.clock.set('2026-03-13T09:00:00.000Z');
    await appended(MISSED, escalating, plain);
    await appended(ESCALATED, escalating);
    // Later ticks, that day and the next, add nothing to either case.
    const versions = [(await caseView(escalating)).version, (await caseView(plain)).version];
    await watcherTicksNow(embedded, 2);
    embedded.clock.set('2026-03-14T09:00:00.000Z');
    const watcher = await watcherTicksNow(embedded, 2);
    expect(watcher).toMatchObject({
      status: 'up',
      lastTick: { today: '2026-03-14', eventsAppended: 0, error: null },
    });
    expect([(await caseView(escalating)).version, (await caseView(plain)).version]).toEqual(versions);

    // ---- Exactly one DeadlineApproaching and one DeadlineMissed per deadline, in each case's stream ----
    for (const asked of [escalating, plain]) {
      const watched = await watchTypes(asked);
      const expected = asked === escalating ? [APPROACHING, MISSED, ESCALATED] : [APPROACHING, MISSED];
      expect(watched.map((e) => e.type)).toEqual(expected);
      // The steps name the events; the store (through its port) has which deadline each one notes.
      const stream = await embedded.store.readStream(`case-${asked.casus.caseId}`);
      const noted = watched
        .filter((e) => e.type !== ESCALATED)
        .map((e) => stream.find((stored) => stored.eventId === e.eventId)!)
        .map((stored) => [
          stored.type,
          (stored.data as { deadlineId: string }).deadlineId,
          (stored.data as { dueOn: string }).dueOn,
        ]);
      expect(noted).toEqual([
        [APPROACHING, `liaison-answer:${asked.requestId}`, '2026-03-12'],
        [MISSED, `liaison-answer:${asked.requestId}`, '2026-03-12'],
      ]);
      expect(liaisonAnswerOf(await caseView(asked), asked)).toMatchObject({ missed: true });
    }

    // ---- The automatic escalation: the IJssel-Vecht case is at the opschaaltafel, the Utrecht case is not ----
    expect((await caseView(escalating)).escalations).toEqual([
      expect.objectContaining({
        level: 'opschaaltafel',
        reason: 'deadline-missed',
        status: 'open',
        mandateHolder: expect.objectContaining({ organisationId: 'GM0193' }),
        decisionOwner: expect.objectContaining({ organisationId: 'GM0193' }),
        openedAt: '2026-03-13T09:00:00.000Z',
        needIds: [escalating.needId],
      }),
    ]);
    expect((await caseView(plain)).escalations).toEqual([]);

    // ---- Both sides see the missed answer in their inbox, overdue; nobody else does ----
    for (const asked of [escalating, plain]) {
      const other = asked === escalating ? plain : escalating;
      const missedFor = async (caller: Caller, query = '') =>
        (await inbox(caller, `&kind=deadline-missed${query}`)).items.filter(
          (n) => n.caseId === asked.casus.caseId,
        );
      const financierSees = await missedFor(asked.financier);
      expect(financierSees).toEqual([
        expect.objectContaining({
          asked: 'answer-responsibility-request',
          dueDate: '2026-03-12',
          overdue: true,
        }),
      ]);
      const coordinatorsSee = await missedFor(asked.coordinator);
      expect(coordinatorsSee).toEqual([
        expect.objectContaining({ asked: 'follow-up-missed-deadline', dueDate: '2026-03-12', overdue: true }),
      ]);
      expect(await missedFor(asked.financier, '&overdue=true')).toEqual(financierSees);
      expect(await missedFor(asked.coordinator, '&overdue=true')).toEqual(coordinatorsSee);
      expect(await missedFor(asked.financier, '&overdue=false')).toEqual([]);
      expect(await missedFor(asked.coordinator, '&overdue=false')).toEqual([]);
      expect(await missedFor(other.financier)).toEqual([]);
      expect(await missedFor(other.coordinator)).toEqual([]);
    }
    // The escalation reaches the decision owner (the table's coordinating gemeente) and the financier asked.
    const escalationKinds = async (caller: Caller, asked: Asked) =>
      (await inbox(caller)).items
        .filter((n) => n.caseId === asked.casus.caseId && /escalat/.test(n.kind))
        .map((n) => n.kind);
    expect(await escalationKinds(coordinatorZwolle, escalating)).toEqual(['escalation-decision-requested']);
    expect(await escalationKinds(MENZIS, escalating)).toEqual(['case-escalated']);
    expect(await escalationKinds(coordinatorUtrecht, plain)).toEqual([]);
    expect(await escalationKinds(ZILVEREN_KRUIS, plain)).toEqual([]);
    const health = await readiness(embedded);
    expect(health.watcher).toMatchObject({ status: 'up', failedTicks: 0 });
  }, 60_000);
});

function liaisonAnswerOf(view: CaseView, asked: Asked): DeadlineView | undefined {
  return view.deadlines.find((d) => d.deadlineId === `liaison-answer:${asked.requestId}`);
}
