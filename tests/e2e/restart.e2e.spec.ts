import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import {
  type CommandAnswer,
  type HttpAnswer,
  JourneyClient,
  type Problem,
  coordinatorUtrecht,
} from './support/journey/http';
import {
  checkedView,
  readModelsAgree,
  responsibility,
  steps,
  summarise,
} from './support/journey/responsibility-view';

/**
 * Nothing is lost: concurrent commands on one case (each lost race retried on fresh state), and a restart of the
 * embedded default on the same DATA_DIR (events, idempotency records, the client's encrypted personal data).
 */
describe('concurrent commands on one case lose no update', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;

  beforeAll(async () => {
    embedded = await startEmbeddedApp();
    client = new JourneyClient(embedded);
  });
  afterAll(() => embedded.close({ removeData: true }));

  const triagedCase = async () => {
    const casus = await CaseJourney.register(client, {
      caseType: 'overig',
      summary: 'Gelijktijdige commando’s.',
    });
    await casus.triage();
    return casus;
  };
  const eventTypes = async (caseId: string) =>
    (await embedded.store.readStream(`case-${caseId}`)).map((e) => e.type);

  const PARTIES: ReadonlyArray<readonly [string, string]> = [
    ['GM0312', 'adviseur'],
    ['GM0310', 'adviseur'],
    ['GM0321', 'adviseur'],
    ['GM1581', 'adviseur'],
    ['GM0352', 'adviseur'],
    ['GM0355', 'adviseur'],
    ['GM0148', 'adviseur'],
    ['GM0160', 'adviseur'],
    ['GM0166', 'adviseur'],
    ['GM0175', 'adviseur'],
    ['3311', 'financier'],
    ['7095', 'financier'],
    ['3332', 'financier'],
    ['9664', 'financier'],
    ['7085', 'financier'],
    ['ZK-UTRECHT', 'financier'],
    ['GGD-UTRECHT', 'adviseur'],
    ['CIZ', 'adviseur'],
    ['99000001', 'aanbieder'],
    ['99000002', 'aanbieder'],
  ];
  const addAllParties = (casus: CaseJourney) =>
    Promise.all(
      PARTIES.map(([organisationCode, role]) =>
        client.post<CommandAnswer & Problem>(coordinatorUtrecht, casus.path('/parties'), {
          organisationCode,
          role,
        }),
      ),
    );

  it('20 parties added at once: every success is stored once, every refusal stored nothing, versions are contiguous', async () => {
    const casus = await triagedCase();
    const answers = await addAllParties(casus);
    const succeeded = answers.filter((a) => a.status === 200);
    // A command that does not succeed says so: 409 concurrent-update (problem+json), never a silent loss.
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual(
      Array.from({ length: 20 - succeeded.length }, () => [409, 'concurrent-update']),
    );
    const stream = await embedded.store.readStream(`case-${casus.caseId}`);
    const joined = stream.filter((e) => e.type === 'casus.PartyJoined.v1');
    expect(joined).toHaveLength(succeeded.length);
    expect(new Set(succeeded.map((a) => a.body.events[0].eventId))).toEqual(
      new Set(joined.map((e) => e.eventId)),
    );
    expect(succeeded.map((a) => a.body.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: succeeded.length }, (_, i) => i + 3),
    );
    expect(stream).toHaveLength(2 + succeeded.length);
  });

  // The domain allows all 20 (distinct organisations), so all 20 must succeed: a lost race is retried on fresh
  // state until it wins, not given up after a fixed number of lock-step attempts. Three bursts, because whether a
  // burst races depends on timing.
  it('20 parties added at once, three times over: all 60 that the domain allows succeed', async () => {
    const outcomes: string[] = [];
    for (let burst = 0; burst < 3; burst++) {
      const casus = await triagedCase();
      const answers = await addAllParties(casus);
      outcomes.push(...answers.map((a) => `${a.status}${a.body.code ? ` ${a.body.code}` : ''}`));
      expect(await eventTypes(casus.caseId)).toHaveLength(2 + answers.filter((a) => a.status === 200).length);
    }
    const counted: Record<string, number> = {};
    for (const outcome of outcomes) counted[outcome] = (counted[outcome] ?? 0) + 1;
    expect(counted).toEqual({ '200': 60 });
  });

  it('20 discussions at once, each identifying a need: every need of a successful discussion is there, and a gap', async () => {
    const casus = await triagedCase();
    const sessions: string[] = [];
    for (let day = 1; day <= 20; day++)
      sessions.push(await casus.putOnAgenda(`2026-04-${String(day).padStart(2, '0')}`));
    const categories = ['begeleiding', 'verpleging', 'dagbesteding', 'huishoudelijke-hulp', 'vervoer'];
    const discussed = await Promise.all(
      sessions.map((sessionId, i) =>
        client.post<CommandAnswer & Problem & { ids: { needIds: string[] } }>(
          coordinatorUtrecht,
          casus.path('/discussions'),
          {
            sessionId,
            presentOrganisationCodes: ['GM0344'],
            needsIdentified: [{ category: categories[i % categories.length] }],
          },
        ),
      ),
    );
    const succeeded = discussed.filter((a) => a.status === 200);
    expect(discussed.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual(
      Array.from({ length: 20 - succeeded.length }, () => [409, 'concurrent-update']),
    );
    const types = await eventTypes(casus.caseId);
    expect(types.filter((t) => t === 'casus.NeedIdentified.v1')).toHaveLength(succeeded.length);
    expect(types).toHaveLength(2 + 20 + 2 * succeeded.length);
    const view = await responsibility(client, casus.caseId);
    const needIds = succeeded.flatMap((a) => a.body.ids.needIds);
    expect(view.needs.map((n) => n.needId).sort()).toEqual([...needIds].sort());
    expect(view.gaps.map((g) => g.needId).sort()).toEqual([...needIds].sort());
    expect(await steps(client, casus.caseId)).toHaveLength(types.length);
  });

  it('the same party 20 times at once: one joins, 19 are refused on fresh state (409), none twice', async () => {
    const casus = await triagedCase();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.post<Problem>(coordinatorUtrecht, casus.path('/parties'), {
          organisationCode: '3311',
          role: 'financier',
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual(
      Array.from({ length: 19 }, () => [409, 'party-already-in-role']),
    );
    expect((await eventTypes(casus.caseId)).filter((t) => t === 'casus.PartyJoined.v1')).toHaveLength(1);
  });

  it('20 commands at once with the same If-Match: one wins, 19 get 412, and the ETag is the new version', async () => {
    const casus = await triagedCase();
    const seen = casus.last.version;
    const dates = Array.from({ length: 20 }, (_, i) => `2026-05-${String(i + 1).padStart(2, '0')}`);
    const answers: Array<HttpAnswer<CommandAnswer & Problem>> = await Promise.all(
      dates.map((sessionDate) =>
        client.post<CommandAnswer & Problem>(
          coordinatorUtrecht,
          casus.path('/agenda'),
          { sessionDate },
          { 'if-match': `"${seen}"` },
        ),
      ),
    );
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0].body.version).toBe(seen + 1);
    expect(winners[0].headers.get('etag')).toContain(String(seen + 1));
    expect(answers.filter((a) => a.status === 412)).toHaveLength(19);
    expect(await eventTypes(casus.caseId)).toHaveLength(seen + 1);
  });
});

describe('a restart on the same DATA_DIR keeps everything, and commands continue', () => {
  let dataDir: string;
  let first: EmbeddedApp | undefined;
  let second: EmbeddedApp | undefined;

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'casusregie-restart-'))));
  afterAll(async () => {
    await first?.close().catch(() => undefined);
    await second?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the same responsibility steps, replays idempotent commands, reads the client and carries on', async () => {
    // ---- The first process: part of a moeilijk plaatsbaar journey ----
    first = await startEmbeddedApp({ dataDir, start: '2026-03-02T09:00:00.000Z' });
    const before = new JourneyClient(first);
    const subject = await before.post<{ subjectId: string }>(coordinatorUtrecht, '/subjects', {
      name: 'Sam de Voorbeeld',
      bsn: '999990019',
      birthDate: '1991-07-14',
    });
    expect(subject.status).toBe(201);
    const { subjectId } = subject.body;
    const casus = await CaseJourney.register(before, {
      caseType: 'moeilijk-plaatsbaar',
      summary: 'Geen passende plek na ontslag uit de kliniek.',
      subjectId,
    });
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-05');
    first.clock.set('2026-03-05T10:00:00.000Z');
    const [ggz, wonen] = await casus.discuss({
      sessionId,
      present: ['GM0344', '3311', 'ZK-UTRECHT'],
      needs: ['behandeling-ggz', 'beschermd-wonen'],
    });
    const needs = { ggz, wonen };
    const ggzProposal = await casus.propose(ggz, 'Zvw', '3311', {
      wlzIndication: false,
      medicalContext: true,
    });
    const wonenProposal = await casus.propose(
      wonen,
      'Wlz',
      'ZK-UTRECHT',
      { wlzIndication: false, setting: 'instelling' },
      'CIZ-aanvraag wordt voorbereid.',
    );
    const ggzRequest = await casus.requestFinancier(ggz, ggzProposal.responsibilityId, 'Neemt u dit op?');
    const wonenRequest = await casus.requestFinancier(
      wonen,
      wonenProposal.responsibilityId,
      'Valt dit onder de Wlz?',
    );
    await casus.acceptAs('3311', ggz, ggzRequest);
    const rejectPath = casus.path(`/needs/${wonen}/responsibility-requests/${wonenRequest}/reject`);
    const rejection = {
      reasonCode: 'criteria-not-met',
      explanation: 'Geen Wlz-indicatie.',
      referralLawDomain: 'Wmo',
    };
    const zorgkantoor = { role: 'liaison' as const, org: 'ZK-UTRECHT', sub: 'u-liaison-zk' };
    const rejected = await before.command(zorgkantoor, rejectPath, rejection, {
      'idempotency-key': 'reject-wonen-1',
    });
    const stepsBefore = await steps(before, casus.caseId);
    const viewBefore = await checkedView(before, rejected);
    expect(summarise(viewBefore, needs)).toEqual({
      ggz: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      wonen: { holder: null, current: 'Wlz ZK-UTRECHT rejected', gap: true },
    });
    const streamBefore = await first.store.readStream(`case-${casus.caseId}`);
    const headBefore = await first.store.headPosition();

    // ---- Stop, without removing DATA_DIR; start a new app on it ----
    await first.close();
    first = undefined;
    second = await startEmbeddedApp({ dataDir, start: '2026-03-10T09:00:00.000Z' });
    const after = new JourneyClient(second);

    // Everything is still there: the events, the responsibility at every step, now and at the last position.
    expect(await second.store.headPosition()).toBe(headBefore);
    expect(
      (await second.store.readStream(`case-${casus.caseId}`)).map((e) => [e.eventId, e.type, e.data]),
    ).toEqual(streamBefore.map((e) => [e.eventId, e.type, e.data]));
    expect(await steps(after, casus.caseId)).toEqual(stepsBefore);
    expect(await checkedView(after, rejected)).toEqual(viewBefore);

    // The idempotency record survived: the same key and body answer the first response, without a new event;
    // the same key with another body is refused.
    const replay = await after.post<CommandAnswer>(zorgkantoor, rejectPath, rejection, {
      'idempotency-key': 'reject-wonen-1',
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(rejected);
    const reused = await after.post<Problem>(
      zorgkantoor,
      rejectPath,
      { ...rejection, explanation: 'Anders.' },
      { 'idempotency-key': 'reject-wonen-1' },
    );
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency-key-reused']);
    expect(await second.store.headPosition()).toBe(headBefore);

    // The client's personal data is still readable (its key and the master key live in DATA_DIR).
    const personal = await after.request<{ name: string; bsn: string; birthDate: string }>(
      coordinatorUtrecht,
      `/subjects/${subjectId}`,
      { headers: { 'x-purpose': 'voorbereiding opschaaltafel' } },
    );
    expect(personal.status).toBe(200);
    expect(personal.body).toMatchObject({
      name: 'Sam de Voorbeeld',
      bsn: '999990019',
      birthDate: '1991-07-14',
    });

    // Reading personal data is logged; the log is the only thing the read appended.
    const headBeforeEscalation = await second.store.headPosition();

    // The read models caught up with everything written before the restart.
    await readModelsAgree(after, rejected, viewBefore);

    // ---- Commands continue where the first process stopped ----
    const resumed = CaseJourney.resume(after, casus.caseId, rejected);
    const escalationId = await resumed.escalate({
      level: 'opschaaltafel',
      reason: 'dispute-between-financiers',
      question: 'Wie financiert beschermd wonen?',
      mandateHolder: { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' },
      decisionOwner: { organisationCode: 'GM0344', functionTitle: 'directeur maatschappelijke ontwikkeling' },
      needIds: [wonen],
    });
    expect(resumed.last.version).toBe(rejected.version + 1);
    expect(resumed.last.position).toBe(headBeforeEscalation + 1);
    await resumed.decide(escalationId, {
      summary: 'De gemeente financiert voorlopig.',
      evaluationDate: '2026-06-01',
      assignments: [
        {
          needId: wonen,
          lawDomain: 'Wmo',
          financierCode: 'GM0344',
          provisional: true,
          settlementAgreement: 'Verrekening met het zorgkantoor na het CIZ-besluit.',
        },
      ],
    });
    const continued = await checkedView(after, resumed.last);
    await readModelsAgree(after, resumed.last, continued);
    expect(summarise(continued, needs)).toEqual({
      ggz: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      wonen: { holder: 'Wmo GM0344 provisional', current: 'Wmo GM0344 provisional', gap: false },
    });
    // The steps before the restart are unchanged; the new ones follow on.
    const stepsAfter = await steps(after, casus.caseId);
    expect(stepsAfter.slice(0, stepsBefore.length)).toEqual(stepsBefore);
    expect(stepsAfter).toHaveLength(resumed.last.version);
    expect(stepsAfter.length).toBeGreaterThan(stepsBefore.length);
  });
});
