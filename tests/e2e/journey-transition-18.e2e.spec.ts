import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { type CommandAnswer, JourneyClient, coordinatorUtrecht } from './support/journey/http';
import {
  checkedView,
  gapOf,
  line,
  needOf,
  readModelsAgree,
  responsibility,
  steps,
  summarise,
} from './support/journey/responsibility-view';

/**
 * Journey 2, an 18-/18+ transition: a youth of 17 years and 3 months with behandeling-ggz (jeugd-GGZ),
 * begeleiding and verblijf, all under the Jeugdwet. The toekomstplan routes two of them to a successor (Zvw and
 * Wmo), whose financiers accept in advance; the third has no route. The ManualClock passes the 18th birthday,
 * the birthday is processed, the two planned successors take over and verblijf becomes a gap. The client is
 * registered with POST /subjects, and the case registration derives birthday18 from the subject's birth date.
 */
describe('journey: an 18-/18+ transition, from Jeugdwet to Zvw and Wmo, with a gap at 18', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;

  beforeAll(async () => {
    // 2 March 2026: the client, born 2 December 2008, is 17 years and 3 months old.
    embedded = await startEmbeddedApp({ start: '2026-03-02T09:00:00.000Z' });
    client = new JourneyClient(embedded);
  });
  afterAll(() => embedded.close({ removeData: true }));

  it('switches the planned needs to their successors at the birthday and shows the unplanned one as a gap', async () => {
    const at = (instant: string) => embedded.clock.set(instant);

    // ---- The client (personal data, encrypted) and the case, which derives the 18th birthday ----
    const subject = await client.post<{ subjectId: string }>(coordinatorUtrecht, '/subjects', {
      name: 'Jaimy de Voorbeeld',
      bsn: '999990019',
      birthDate: '2008-12-02',
    });
    expect(subject.status).toBe(201);
    const { subjectId } = subject.body;
    const casus = await CaseJourney.register(client, {
      caseType: 'transitie-18-min-18-plus',
      urgency: 'normaal',
      summary: 'Jongere met jeugd-GGZ, begeleiding en verblijf; de Jeugdwet stopt bij 18 jaar.',
      subjectId,
    });
    // The event store holds the date the client turns 18 and the subject's opaque id, and no other birth data.
    const [registered] = await embedded.store.readStream(`case-${casus.caseId}`);
    expect(registered.data).toMatchObject({ subjectId, birthday18: '2026-12-02' });
    expect(JSON.stringify(registered.data)).not.toContain('2008-12-02');
    expect(JSON.stringify(registered.data)).not.toContain('999990019');

    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-05');
    at('2026-03-05T10:00:00.000Z');
    const [ggz, begeleiding, verblijf] = await casus.discuss({
      sessionId,
      present: ['GM0344', '3311', 'ZK-UTRECHT'],
      needs: ['behandeling-ggz', 'begeleiding', 'verblijf'],
      agreements: ['Toekomstplan opstellen voor de jeugd-GGZ en de begeleiding.'],
    });
    const needs = { ggz, begeleiding, verblijf };

    // ---- Under 18: the gemeente holds all three under the Jeugdwet ----
    for (const needId of [ggz, begeleiding, verblijf]) {
      const { responsibilityId } = await casus.propose(needId, 'Jeugdwet', 'GM0344', {
        wlzIndication: false,
        setting: needId === verblijf ? 'verblijf' : 'thuis',
      });
      const requestId = await casus.requestFinancier(needId, responsibilityId, 'Neemt de gemeente dit op?');
      await casus.acceptAs('GM0344', needId, requestId);
    }
    const youth = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, youth);
    expect(summarise(youth, needs)).toEqual({
      ggz: { holder: 'Jeugdwet GM0344 accepted', current: 'Jeugdwet GM0344 accepted', gap: false },
      begeleiding: { holder: 'Jeugdwet GM0344 accepted', current: 'Jeugdwet GM0344 accepted', gap: false },
      verblijf: { holder: 'Jeugdwet GM0344 accepted', current: 'Jeugdwet GM0344 accepted', gap: false },
    });
    expect(youth.gaps).toEqual([]);

    // ---- The toekomstplan (at 17.5): successors for the GGZ (Zvw) and the begeleiding (Wmo) ----
    at('2026-06-15T10:00:00.000Z');
    const plan = await casus.run<
      CommandAnswer & {
        ids: { responsibilityIds: Record<string, string> };
        proposals: Array<{ needId: string; basis: string; takesEffect: string; lawDomain: string }>;
      }
    >('/transition-plan', {
      routes: [
        {
          route: 'successor',
          needId: ggz,
          lawDomain: 'Zvw',
          financierCode: '3311',
          context: { wlzIndication: false, setting: 'thuis', medicalContext: true },
        },
        {
          route: 'successor',
          needId: begeleiding,
          lawDomain: 'Wmo',
          financierCode: 'GM0344',
          context: { wlzIndication: false, setting: 'thuis' },
        },
      ],
    });
    const successors = plan.ids.responsibilityIds;
    expect(Object.keys(successors).sort()).toEqual([ggz, begeleiding].sort());
    expect(plan.proposals.map((p) => [p.lawDomain, p.basis, p.takesEffect])).toEqual([
      ['Zvw', 'statutory-handover', 'at-18th-birthday'],
      ['Wmo', 'statutory-handover', 'at-18th-birthday'],
    ]);
    // The successors' financiers accept in advance; they hold nothing until the birthday.
    const ggzRequest = await casus.requestFinancier(ggz, successors[ggz], 'Neemt u de GGZ na 18 over?');
    const begeleidingRequest = await casus.requestFinancier(
      begeleiding,
      successors[begeleiding],
      'Neemt de gemeente de begeleiding na 18 over onder de Wmo?',
    );
    at('2026-06-22T10:00:00.000Z');
    await casus.acceptAs('3311', ggz, ggzRequest);
    await casus.acceptAs('GM0344', begeleiding, begeleidingRequest);
    const planned = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, planned);
    expect(summarise(planned, needs)).toEqual(summarise(youth, needs));
    expect(
      needOf(planned, ggz).responsibilities.map((r) => [line(r), r.takesEffect, r.holding, r.basis]),
    ).toEqual([
      ['Jeugdwet GM0344 accepted', 'immediately', true, 'wegwijzer-rule'],
      ['Zvw 3311 accepted', 'at-18th-birthday', false, 'statutory-handover'],
    ]);

    // ---- The day before the birthday it is refused; nothing changes ----
    at('2026-12-01T20:00:00.000Z');
    const versionBefore = casus.last.version;
    await client.refused(coordinatorUtrecht, casus.path('/eighteenth-birthday'), undefined, {
      status: 409,
      code: 'birthday-not-reached',
    });

    // ---- The birthday passes (Dutch calendar day 2 December 2026) ----
    at('2026-12-02T07:30:00.000Z');
    const birthday = await casus.run('/eighteenth-birthday');
    expect(birthday.version).toBe(versionBefore + 1);
    expect(birthday.events.map((e) => e.type)).toEqual(['casus.EighteenthBirthdayPassed.v1']);
    const [passed] = await embedded.store.readStream(`case-${casus.caseId}`, { fromVersion: versionBefore });
    expect(passed.data).toMatchObject({ birthday18: '2026-12-02', newGapNeedIds: [verblijf] });

    const adult = await checkedView(client, birthday);
    await readModelsAgree(client, birthday, adult);
    expect(summarise(adult, needs)).toEqual({
      ggz: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      begeleiding: { holder: 'Wmo GM0344 accepted', current: 'Wmo GM0344 accepted', gap: false },
      verblijf: { holder: null, current: 'Jeugdwet GM0344 ended', gap: true },
    });
    expect(adult.gaps.map((g) => g.needId)).toEqual([verblijf]);
    expect(gapOf(adult, verblijf)!.since).toMatchObject({
      type: 'casus.EighteenthBirthdayPassed.v1',
      position: birthday.position,
    });
    // The Jeugdwet responsibilities were handed over (transferred), not just ended.
    expect(needOf(adult, ggz).responsibilities.map(line)).toEqual([
      'Jeugdwet GM0344 transferred',
      'Zvw 3311 accepted',
    ]);
    expect(needOf(adult, begeleiding).responsibilities.map(line)).toEqual([
      'Jeugdwet GM0344 transferred',
      'Wmo GM0344 accepted',
    ]);

    // ---- Sent again (as the deadline watcher may): no events, nothing changes ----
    const again = await casus.run('/eighteenth-birthday');
    expect(again.events).toEqual([]);
    expect(again.version).toBe(birthday.version);

    // ---- After 18, the Jeugdwet cannot simply be proposed again for the gap ----
    await client.refused(
      coordinatorUtrecht,
      casus.path(`/needs/${verblijf}/responsibilities`),
      {
        lawDomain: 'Jeugdwet',
        financierCode: 'GM0344',
        context: { wlzIndication: false, setting: 'verblijf' },
      },
      { status: 422, code: 'jeugdwet-after-18-requires-grounds' },
    );

    // ---- On a date: the day before and the day of the birthday; and the step that switched ----
    expect(summarise(await responsibility(client, casus.caseId, '2026-12-01'), needs)).toEqual(
      summarise(youth, needs),
    );
    expect(summarise(await responsibility(client, casus.caseId, '2026-12-02'), needs)).toEqual(
      summarise(adult, needs),
    );
    const all = await steps(client, casus.caseId);
    const switched = all.findIndex(
      (s) => s.needs.length === 3 && needOf(s, ggz).current?.lawDomain === 'Zvw',
    );
    expect(all[switched].after).toMatchObject({ type: 'casus.EighteenthBirthdayPassed.v1' });
    expect(summarise(all[switched - 1], needs)).toEqual(summarise(youth, needs));
  });
});
