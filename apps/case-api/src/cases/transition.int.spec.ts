import { randomUUID } from 'node:crypto';
import { type EventEnvelope, responsibilityTimeline } from '@casusregie/domain';
import { acceptAtTriage, discussAtTable } from '../../test-support/case-setup';
import { registerSubject } from '../../test-support/subjects';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const gemeente = testToken({ role: 'liaison', org: 'GM0344', sub: 'liaison-gm0344' });
const zilverenKruis = testToken({ role: 'liaison', org: '3311', sub: 'liaison-3311' });

/** The client turns 18 on Monday 15 June 2026; the case starts on Monday 2 March 2026 (17 years and 8 months). */
const BIRTHDAY_18 = '2026-06-15';
/** A young person at home, no Wlz indicatie. */
const YOUTH = { wlzIndication: false, setting: 'thuis', medicalContext: false, blijvend: false };

function fieldsOf(body: Record<string, unknown>): string[] {
  return (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
}

async function streamOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

/** Registers the client (born 15 June 2008, so BIRTHDAY_18) and a transition case for it, over HTTP. */
async function registerTransitionCase(api: TestApi): Promise<string> {
  const subjectId = await registerSubject(api, coordinator, { birthDate: '2008-06-15' });
  const created = await call(api, 'POST', '/cases', {
    token: coordinator,
    body: {
      caseType: 'transitie-18-min-18-plus',
      urgency: 'normaal',
      summary: 'Jongere met jeugd-GGZ, begeleiding en verblijf wordt 18; route na 18 nog open.',
      subjectId,
      tableId: 'mwt-utrecht',
      aanbrengerCode: 'GM0344',
      regiehouderCode: 'GM0344',
    },
  });
  expect(created.status).toBe(201);
  const caseId = created.body.caseId as string;
  const [registered] = await streamOf(api, caseId);
  expect(registered.data).toMatchObject({ birthday18: BIRTHDAY_18 });
  return caseId;
}

interface TransitionCase {
  readonly caseId: string;
  readonly ggz: string;
  readonly begeleiding: string;
  readonly verblijf: string;
  /** The Jeugdwet responsibility that holds each need before the birthday. */
  readonly jeugdwet: Record<string, string>;
}

/** Accepted at triage, discussed with three needs, each held under the Jeugdwet by the gemeente. */
async function transitionCaseWithJeugdhulp(api: TestApi): Promise<TransitionCase> {
  const caseId = await registerTransitionCase(api);
  await acceptAtTriage(api, coordinator, caseId);
  const [ggz, begeleiding, verblijf] = await discussAtTable(api, coordinator, caseId, {
    presentOrganisationCodes: ['GM0344', '3311'],
    needsIdentified: [{ category: 'behandeling-ggz' }, { category: 'begeleiding' }, { category: 'verblijf' }],
  });
  const jeugdwet: Record<string, string> = {};
  for (const needId of [ggz, begeleiding, verblijf]) {
    jeugdwet[needId] = await hold(
      api,
      caseId,
      needId,
      { lawDomain: 'Jeugdwet', financierCode: 'GM0344' },
      gemeente,
    );
  }
  return { caseId, ggz, begeleiding, verblijf, jeugdwet };
}

/** Proposes (unless given a responsibility), requests and has the financier's liaison accept. */
async function hold(
  api: TestApi,
  caseId: string,
  needId: string,
  proposal: { lawDomain: string; financierCode: string } | string,
  liaison: string,
): Promise<string> {
  let responsibilityId: string;
  if (typeof proposal === 'string') {
    responsibilityId = proposal;
  } else {
    const proposed = await call(api, 'POST', `/cases/${caseId}/needs/${needId}/responsibilities`, {
      token: coordinator,
      body: { ...proposal, context: YOUTH },
    });
    expect(proposed.status).toBe(200);
    responsibilityId = (proposed.body.ids as { responsibilityId: string }).responsibilityId;
  }
  const requested = await call(api, 'POST', `/cases/${caseId}/needs/${needId}/responsibility-requests`, {
    token: coordinator,
    body: { responsibilityId },
  });
  expect(requested.status).toBe(200);
  const requestId = (requested.body.ids as { requestId: string }).requestId;
  const accepted = await call(
    api,
    'POST',
    `/cases/${caseId}/needs/${needId}/responsibility-requests/${requestId}/accept`,
    { token: liaison },
  );
  expect(accepted.status).toBe(200);
  return responsibilityId;
}

const successor = (needId: string, lawDomain: string, financierCode: string) => ({
  route: 'successor',
  needId,
  lawDomain,
  financierCode,
  context: YOUTH,
});

describe('18-/18+ over HTTP: toekomstplan and 18th birthday', () => {
  let api: TestApi;
  let c: TransitionCase;
  beforeEach(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    c = await transitionCaseWithJeugdhulp(api);
  });
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/transition-plan', () => {
    it('records the routes and proposes the successor for the birthday; answers its id and the advice', async () => {
      const before = (await streamOf(api, c.caseId)).length;
      const response = await call(api, 'POST', `/cases/${c.caseId}/transition-plan`, {
        token: coordinator,
        body: {
          routes: [
            successor(c.begeleiding, 'Wmo', 'GM0344'),
            {
              route: 'verlengde-jeugdhulp',
              needId: c.ggz,
              condition: 'i',
              otherLawsExplanation: 'Behandeling loopt door; de Zvw-aanbieder heeft een wachtlijst.',
            },
            { route: 'ending', needId: c.verblijf, explanation: 'Jongere gaat zelfstandig wonen.' },
          ],
        },
      });
      expect(response.status).toBe(200);
      const successorId = (response.body.ids as { responsibilityIds: Record<string, string> })
        .responsibilityIds[c.begeleiding];
      expect(response.body.ids).toEqual({ responsibilityIds: { [c.begeleiding]: successorId } });
      const events = (await streamOf(api, c.caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual([
        'casus.TransitionPlanRecorded.v1',
        'casus.ResponsibilityProposed.v1',
      ]);
      expect(events[0].data).toEqual({
        caseId: c.caseId,
        birthday18: BIRTHDAY_18,
        routes: [
          {
            route: 'successor',
            needId: c.begeleiding,
            lawDomain: 'Wmo',
            financierOrganisationId: 'GM0344',
            responsibilityId: successorId,
          },
          {
            route: 'verlengde-jeugdhulp',
            needId: c.ggz,
            condition: 'i',
            otherLawsExplanation: 'Behandeling loopt door; de Zvw-aanbieder heeft een wachtlijst.',
          },
          { route: 'ending', needId: c.verblijf, explanation: 'Jongere gaat zelfstandig wonen.' },
        ],
        withdrawnResponsibilityIds: [],
        occurredAt: '2026-03-02T09:00:00.000Z',
      });
      expect(events[1].data).toMatchObject({
        needId: c.begeleiding,
        responsibilityId: successorId,
        lawDomain: 'Wmo',
        basis: 'statutory-handover',
        takesEffect: 'at-18th-birthday',
        deviation: false,
        wegwijzer: { suggestedLawDomain: 'Wmo', evaluatedOn: BIRTHDAY_18 },
      });
      expect(response.body.proposals).toEqual([events[1].data]);
    });

    it('withdraws the earlier successor when the plan is revised', async () => {
      const url = `/cases/${c.caseId}/transition-plan`;
      const first = await call(api, 'POST', url, {
        token: coordinator,
        body: { routes: [successor(c.ggz, 'Zvw', '3311')] },
      });
      const earlier = (first.body.ids as { responsibilityIds: Record<string, string> }).responsibilityIds[
        c.ggz
      ];
      const second = await call(api, 'POST', url, {
        token: coordinator,
        body: { routes: [{ route: 'ending', needId: c.ggz, explanation: 'Behandeling afgerond voor 18.' }] },
      });
      expect(second.status).toBe(200);
      expect(second.body.ids).toEqual({ responsibilityIds: {} });
      expect(second.body.proposals).toEqual([]);
      const [plan] = (await streamOf(api, c.caseId)).slice(-1);
      expect(plan.data).toMatchObject({ withdrawnResponsibilityIds: [earlier] });
    });

    it('refuses bad input with 400 naming each field of each route, and stores nothing', async () => {
      const url = `/cases/${c.caseId}/transition-plan`;
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', url, {
        token: coordinator,
        body: {
          routes: [
            { route: 'successor', needId: c.begeleiding, lawDomain: 'AWBZ', financierCode: 'GM0344' },
            { route: 'ending', needId: c.verblijf, explanation: 'Zelfstandig.', lawDomain: 'Wmo' },
            { route: 'verlengde-jeugdhulp', needId: 'need-ggz', condition: 'iv' },
            { route: 'transfer', needId: c.ggz },
          ],
        },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([
        'routes.0.context',
        'routes.0.lawDomain',
        'routes.1.lawDomain',
        'routes.2.condition',
        'routes.2.needId',
        'routes.2.otherLawsExplanation',
        'routes.3.route',
      ]);
      for (const body of [{}, { routes: [] }, { routes: 'all' }]) {
        const empty = await call(api, 'POST', url, { token: coordinator, body });
        expect(empty.status).toBe(400);
        expect(fieldsOf(empty.body)).toEqual(['routes']);
      }
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses what the domain refuses, with its code, and unknown organisations with 422', async () => {
      const url = `/cases/${c.caseId}/transition-plan`;
      const head = await api.store.headPosition();
      const cases: Array<[object[], number, string]> = [
        [
          [
            {
              route: 'verlengde-jeugdhulp',
              needId: c.begeleiding,
              condition: 'i',
              otherLawsExplanation: 'Geen andere wet.',
            },
          ],
          422,
          'verlengde-jeugdhulp-not-possible', // begeleiding ends at 18 (T3)
        ],
        [[successor(c.begeleiding, 'Jeugdwet', 'GM0344')], 422, 'jeugdwet-after-18-requires-grounds'],
        [[successor(randomUUID(), 'Wmo', 'GM0344')], 404, 'need-not-found'],
        [[successor(c.ggz, 'Zvw', '3311'), successor(c.ggz, 'Wmo', 'GM0344')], 409, 'duplicate-id'],
        [[successor(c.ggz, 'Zvw', '9999')], 422, 'unknown-reference'],
      ];
      for (const [routes, status, code] of cases) {
        const response = await call(api, 'POST', url, { token: coordinator, body: { routes } });
        expect([response.status, response.body.code]).toEqual([status, code]);
      }
      expect(await api.store.headPosition()).toBe(head);
    });

    it('is only for transition cases, and for coordinators of the table', async () => {
      const created = await call(api, 'POST', '/cases', {
        token: coordinator,
        body: {
          caseType: 'grensvlak',
          urgency: 'normaal',
          summary: 'Geen transitiecasus.',
          subjectId: await registerSubject(api, coordinator),
          tableId: 'mwt-utrecht',
          aanbrengerCode: 'GM0344',
          regiehouderCode: 'GM0344',
        },
      });
      const grensvlak = created.body.caseId as string;
      await call(api, 'POST', `/cases/${grensvlak}/triage`, {
        token: coordinator,
        body: { outcome: 'accept-for-table' },
      });
      const body = { routes: [{ route: 'ending', needId: randomUUID(), explanation: 'Niet nodig.' }] };
      const notTransition = await call(api, 'POST', `/cases/${grensvlak}/transition-plan`, {
        token: coordinator,
        body,
      });
      expect(notTransition.status).toBe(409);
      expect(notTransition.body.code).toBe('not-a-transition-case');
      const url = `/cases/${c.caseId}/transition-plan`;
      expect((await call(api, 'POST', url, { token: gemeente, body })).status).toBe(403);
      expect((await call(api, 'POST', url, { token: otherTableCoordinator, body })).status).toBe(404);
    });
  });

  describe('POST /cases/{caseId}/eighteenth-birthday', () => {
    const url = () => `/cases/${c.caseId}/eighteenth-birthday`;

    it('is refused before the birthday (409), and to a liaison or another table', async () => {
      const early = await call(api, 'POST', url(), { token: coordinator });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('birthday-not-reached');
      api.clock.set('2026-06-15T06:00:00.000Z');
      expect((await call(api, 'POST', url(), { token: gemeente })).status).toBe(403);
      expect((await call(api, 'POST', url(), { token: otherTableCoordinator })).status).toBe(404);
      const badId = await call(api, 'POST', `/cases/not-a-case/eighteenth-birthday`, { token: coordinator });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['caseId']);
    });

    it('on the birthday ends the Jeugdwet needs; a second time changes nothing', async () => {
      api.clock.set('2026-06-15T06:00:00.000Z');
      const before = (await streamOf(api, c.caseId)).length;
      const response = await call(api, 'POST', url(), { token: coordinator });
      expect(response.status).toBe(200);
      const events = (await streamOf(api, c.caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['casus.EighteenthBirthdayPassed.v1']);
      expect(events[0].data).toMatchObject({
        birthday18: BIRTHDAY_18,
        takeovers: [],
        newGapNeedIds: [c.ggz, c.begeleiding, c.verblijf],
        occurredAt: '2026-06-15T06:00:00.000Z',
      });
      const again = await call(api, 'POST', url(), { token: coordinator });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: response.body.version, events: [] });
      expect((await streamOf(api, c.caseId)).length).toBe(before + 1);
    });
  });

  it('a plan for two needs, successors accepted, the birthday passes: they take over, the third is a gap', async () => {
    const plan = await call(api, 'POST', `/cases/${c.caseId}/transition-plan`, {
      token: coordinator,
      body: { routes: [successor(c.ggz, 'Zvw', '3311'), successor(c.begeleiding, 'Wmo', 'GM0344')] },
    });
    expect(plan.status).toBe(200);
    const successors = (plan.body.ids as { responsibilityIds: Record<string, string> }).responsibilityIds;
    expect((plan.body.proposals as Array<{ basis: string }>).map((p) => p.basis)).toEqual([
      'statutory-handover',
      'statutory-handover',
    ]);
    api.clock.advanceDays(7);
    await hold(api, c.caseId, c.ggz, successors[c.ggz], zilverenKruis);
    await hold(api, c.caseId, c.begeleiding, successors[c.begeleiding], gemeente);

    api.clock.set('2026-06-15T06:00:00.000Z');
    const passed = await call(api, 'POST', `/cases/${c.caseId}/eighteenth-birthday`, { token: coordinator });
    expect(passed.status).toBe(200);
    const [birthday] = (await streamOf(api, c.caseId)).slice(-1);
    expect(birthday.data).toMatchObject({
      endings: [
        expect.objectContaining({
          needId: c.ggz,
          to: 'transferred',
          successorResponsibilityId: successors[c.ggz],
        }),
        expect.objectContaining({
          needId: c.begeleiding,
          to: 'transferred',
          successorResponsibilityId: successors[c.begeleiding],
        }),
        expect.objectContaining({ needId: c.verblijf, to: 'ended', ground: 'jeugdige-under-18' }),
      ],
      newGapNeedIds: [c.verblijf],
    });

    const stored = await streamOf(api, c.caseId);
    const envelopes: EventEnvelope[] = stored.map((e) => ({
      event: { type: e.type, data: e.data },
      eventId: e.eventId,
      position: e.globalPosition,
      recordedAt: e.metadata.recordedAt,
    }));
    const timeline = responsibilityTimeline(envelopes);
    const holders = (step: (typeof timeline)[number]) =>
      Object.fromEntries(step.needs.map((n) => [n.needId, n.current?.holding ? n.current.lawDomain : null]));
    // The step before the birthday: Jeugdwet holds all three (the successors are accepted, not yet in effect).
    expect(holders(timeline.at(-2)!)).toEqual({
      [c.ggz]: 'Jeugdwet',
      [c.begeleiding]: 'Jeugdwet',
      [c.verblijf]: 'Jeugdwet',
    });
    const last = timeline.at(-1)!;
    expect(holders(last)).toEqual({ [c.ggz]: 'Zvw', [c.begeleiding]: 'Wmo', [c.verblijf]: null });
    expect(last.needs.find((n) => n.needId === c.ggz)!.current).toMatchObject({
      responsibilityId: successors[c.ggz],
      financierOrganisationId: '3311',
      basis: 'statutory-handover',
      setBy: { type: 'casus.EighteenthBirthdayPassed.v1' },
    });
    expect(last.gaps).toEqual([
      expect.objectContaining({
        needId: c.verblijf,
        since: expect.objectContaining({ eventId: birthday.eventId }),
      }),
    ]);
  });
});
