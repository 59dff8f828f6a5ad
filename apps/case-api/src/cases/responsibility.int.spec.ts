import { randomUUID } from 'node:crypto';
import { type EventEnvelope, responsibilityTimeline } from '@casusregie/domain';
import { discussAtTable, registerTriagedCase } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const zilverenKruis = testToken({ role: 'liaison', org: '3311', sub: 'liaison-3311' });
const vgz = testToken({ role: 'liaison', org: '7095', sub: 'liaison-7095' });
const gemeente = testToken({ role: 'liaison', org: 'GM0344', sub: 'liaison-gm0344' });

/** An adult at home, no Wlz indicatie, no geneeskundige context: the wegwijzer says Wmo for persoonlijke verzorging. */
const HOME = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 52,
};

const zvwProposal = {
  lawDomain: 'Zvw',
  financierCode: '3311',
  context: HOME,
  deviationReason: 'Medische context na ziekenhuisopname: wijkverpleging via de Zvw.',
};
const wmoProposal = { lawDomain: 'Wmo', financierCode: 'GM0344', context: HOME };

interface Ids {
  readonly responsibilityId?: string;
  readonly requestId?: string;
  readonly needIds?: string[];
}

function idsOf(response: { body: Record<string, unknown> }): Ids {
  return response.body.ids as Ids;
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
}

async function streamOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

/** A case at the table, discussed, with the needs given (persoonlijke verzorging and begeleiding by default). */
async function caseWithNeeds(
  api: TestApi,
  categories = ['persoonlijke-verzorging', 'begeleiding'],
): Promise<{ caseId: string; needIds: string[] }> {
  const caseId = await registerTriagedCase(api, coordinator, {
    caseType: 'grensvlak',
    urgency: 'normaal',
    summary: 'Wijkverpleging of persoonlijke verzorging na ziekenhuisopname?',
  });
  const needIds = await discussAtTable(api, coordinator, caseId, {
    presentOrganisationCodes: ['GM0344', '3311'],
    needsIdentified: categories.map((category) => ({ category })),
  });
  return { caseId, needIds };
}

async function propose(api: TestApi, caseId: string, needId: string, body: object = zvwProposal) {
  const response = await call(api, 'POST', `/cases/${caseId}/needs/${needId}/responsibilities`, {
    token: coordinator,
    body,
  });
  expect(response.status).toBe(200);
  return idsOf(response).responsibilityId!;
}

async function request(api: TestApi, caseId: string, needId: string, responsibilityId: string) {
  const response = await call(api, 'POST', `/cases/${caseId}/needs/${needId}/responsibility-requests`, {
    token: coordinator,
    body: { responsibilityId },
  });
  expect(response.status).toBe(200);
  return idsOf(response).requestId!;
}

const answer = (caseId: string, needId: string, requestId: string, verb: 'accept' | 'reject') =>
  `/cases/${caseId}/needs/${needId}/responsibility-requests/${requestId}/${verb}`;

const rejection = {
  reasonCode: 'other-law-applies',
  explanation: 'Geen geneeskundige context: valt onder de Wmo.',
  referralLawDomain: 'Wmo',
};

describe('responsibility over HTTP: propose, request, accept, reject, end', () => {
  let api: TestApi;
  let caseId: string;
  let pv: string;
  let begeleiding: string;
  beforeEach(async () => {
    api = await startTestApi();
    ({
      caseId,
      needIds: [pv, begeleiding],
    } = await caseWithNeeds(api));
  });
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/needs/{needId}/responsibilities', () => {
    it('proposes; a new financier joins; the answer shows the wegwijzer advice and the deviation', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: zvwProposal,
      });
      expect(response.status).toBe(200);
      const { responsibilityId } = idsOf(response);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['casus.PartyJoined.v1', 'casus.ResponsibilityProposed.v1']);
      expect(events[0].data).toMatchObject({ party: { organisationId: '3311' }, role: 'financier' });
      expect(events[1].data).toMatchObject({
        needId: pv,
        responsibilityId,
        lawDomain: 'Zvw',
        financierOrganisationId: '3311',
        financierKind: 'zorgverzekeraar',
        basis: 'table-agreement',
        takesEffect: 'immediately',
        deviation: true,
        deviationReason: zvwProposal.deviationReason,
        wegwijzer: { suggestedLawDomain: 'Wmo', verdict: 'suggested' },
      });
      expect(response.body.proposal).toEqual(events[1].data);
      expect(response.body.version).toBe(before + 2);
    });

    it('follows the wegwijzer: no deviation, basis wegwijzer-rule, no deviation reason kept', async () => {
      const response = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: { ...wmoProposal, deviationReason: 'Niet nodig.' },
      });
      expect(response.status).toBe(200);
      expect(response.body.proposal).toMatchObject({
        lawDomain: 'Wmo',
        financierOrganisationId: 'GM0344',
        basis: 'wegwijzer-rule',
        deviation: false,
        deviationReason: null,
      });
    });

    it('refuses bad input with 400 naming each field (nested context too), and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: {
          lawDomain: 'AWBZ',
          financierCode: 'zk 09',
          context: {
            setting: 'camping',
            ageOnDate: 200,
            birthDate: '1974-01-01',
            zvwGgzVerblijfStartDate: '2026-13-01',
          },
          deviationReason: 'x'.repeat(2001),
        },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([
        'context.ageOnDate',
        'context.birthDate',
        'context.setting',
        'context.wlzIndication',
        'context.zvwGgzVerblijfStartDate',
        'deviationReason',
        'financierCode',
        'lawDomain',
      ]);
      const noContext = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: { lawDomain: 'Wmo', financierCode: 'GM0344' },
      });
      expect(noContext.status).toBe(400);
      expect(fieldsOf(noContext.body)).toEqual(['context']);
      const badNeed = await call(api, 'POST', `/cases/${caseId}/needs/need-1/responsibilities`, {
        token: coordinator,
        body: wmoProposal,
      });
      expect(badNeed.status).toBe(400);
      expect(fieldsOf(badNeed.body)).toEqual(['needId']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an unknown financier (422), an unknown need (404), a mismatched kind (422) and a duplicate (409)', async () => {
      const unknownFinancier = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: { ...wmoProposal, financierCode: 'GM9999' },
      });
      expect(unknownFinancier.status).toBe(422);
      expect(unknownFinancier.body.code).toBe('unknown-reference');
      expect(fieldsOf(unknownFinancier.body)).toEqual(['financierCode']);
      const unknownNeed = await call(api, 'POST', `/cases/${caseId}/needs/${randomUUID()}/responsibilities`, {
        token: coordinator,
        body: wmoProposal,
      });
      expect(unknownNeed.status).toBe(404);
      expect(unknownNeed.body.code).toBe('need-not-found');
      const mismatch = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: { ...wmoProposal, lawDomain: 'Zvw' },
      });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.code).toBe('financier-kind-mismatch');
      await propose(api, caseId, pv, wmoProposal);
      const duplicate = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
        token: coordinator,
        body: wmoProposal,
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('responsibility-already-proposed');
    });

    it('is for coordinators of the table only', async () => {
      const url = `/cases/${caseId}/needs/${pv}/responsibilities`;
      expect((await call(api, 'POST', url, { token: zilverenKruis, body: wmoProposal })).status).toBe(403);
      expect((await call(api, 'POST', url, { token: otherTableCoordinator, body: wmoProposal })).status).toBe(
        404,
      );
    });

    it('answers a retry with the same Idempotency-Key with the same ids and proposal, without a second event', async () => {
      const headers = { 'idempotency-key': 'propose-pv-0001' };
      const url = `/cases/${caseId}/needs/${pv}/responsibilities`;
      const first = await call(api, 'POST', url, { token: coordinator, body: zvwProposal, headers });
      expect(first.status).toBe(200);
      const head = await api.store.headPosition();
      const second = await call(api, 'POST', url, { token: coordinator, body: zvwProposal, headers });
      expect(second.body).toEqual(first.body);
      expect(await api.store.headPosition()).toBe(head);
      const other = await call(api, 'POST', url, { token: coordinator, body: wmoProposal, headers });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency-key-reused');
    });
  });

  describe('POST /cases/{caseId}/needs/{needId}/responsibility-requests', () => {
    it('asks the financier, with the answer due by the service level', async () => {
      const responsibilityId = await propose(api, caseId, pv);
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibility-requests`, {
        token: coordinator,
        body: { responsibilityId, question: 'Kunt u de wijkverpleging per 1 april overnemen?' },
      });
      expect(response.status).toBe(200);
      const { requestId } = idsOf(response);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['casus.FinancierRequested.v1']);
      expect(events[0].data).toMatchObject({
        needId: pv,
        responsibilityId,
        requestId,
        financierOrganisationId: '3311',
        question: 'Kunt u de wijkverpleging per 1 april overnemen?',
        answerDueOn: expect.stringMatching(/^2026-03-\d\d$/),
      });
    });

    it('refuses bad input (400), a responsibility of another need or unknown (404), and asking twice (409)', async () => {
      const responsibilityId = await propose(api, caseId, pv);
      const url = `/cases/${caseId}/needs/${pv}/responsibility-requests`;
      const bad = await call(api, 'POST', url, {
        token: coordinator,
        body: { responsibilityId: 'r-1', question: ' ' },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['question', 'responsibilityId']);
      const otherNeed = await call(
        api,
        'POST',
        `/cases/${caseId}/needs/${begeleiding}/responsibility-requests`,
        {
          token: coordinator,
          body: { responsibilityId },
        },
      );
      expect(otherNeed.status).toBe(404);
      expect(otherNeed.body.code).toBe('responsibility-not-found');
      const unknown = await call(api, 'POST', url, {
        token: coordinator,
        body: { responsibilityId: randomUUID() },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('responsibility-not-found');
      await request(api, caseId, pv, responsibilityId);
      const twice = await call(api, 'POST', url, { token: coordinator, body: { responsibilityId } });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('not-proposed');
      expect(
        (await call(api, 'POST', url, { token: zilverenKruis, body: { responsibilityId } })).status,
      ).toBe(403);
    });
  });

  describe('accept and reject by the liaison', () => {
    let responsibilityId: string;
    let requestId: string;
    beforeEach(async () => {
      responsibilityId = await propose(api, caseId, pv);
      requestId = await request(api, caseId, pv, responsibilityId);
    });

    it('the liaison of the financier asked accepts', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), {
        token: zilverenKruis,
      });
      expect(response.status).toBe(200);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => [e.type, e.data])).toEqual([
        [
          'casus.ResponsibilityAccepted.v1',
          {
            caseId,
            needId: pv,
            responsibilityId,
            requestId,
            financierOrganisationId: '3311',
            occurredAt: '2026-03-02T09:00:00.000Z',
          },
        ],
      ]);
      expect(events[0].metadata.actor).toEqual({
        userId: 'liaison-3311',
        role: 'liaison',
        organisationId: '3311',
      });
      const again = await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), {
        token: zilverenKruis,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('not-requested');
    });

    it('the liaison of the financier asked rejects, with a reason and a referral', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', answer(caseId, pv, requestId, 'reject'), {
        token: zilverenKruis,
        body: rejection,
      });
      expect(response.status).toBe(200);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['casus.ResponsibilityRejected.v2']);
      expect(events[0].data).toMatchObject({ responsibilityId, requestId, ...rejection });
    });

    it('refuses a bad rejection with 400 naming each field, and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', answer(caseId, pv, requestId, 'reject'), {
        token: zilverenKruis,
        body: { reasonCode: 'no-budget', referralLawDomain: 'Wlz ', extra: true },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['explanation', 'extra', 'reasonCode', 'referralLawDomain']);
      const badRequestId = await call(api, 'POST', answer(caseId, pv, 'req-1', 'accept'), {
        token: zilverenKruis,
      });
      expect(badRequestId.status).toBe(400);
      expect(fieldsOf(badRequestId.body)).toEqual(['requestId']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('coordinators may not answer; a liaison of another insurer gets 404, or 403 when it takes part', async () => {
      const byCoordinator = await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), {
        token: coordinator,
      });
      expect(byCoordinator.status).toBe(403);
      expect(byCoordinator.body.code).toBe('forbidden');
      const outsider = await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), { token: vgz });
      expect(outsider.status).toBe(404);
      expect(outsider.body.code).toBe('case-not-found');
      const outsiderReject = await call(api, 'POST', answer(caseId, pv, requestId, 'reject'), {
        token: vgz,
        body: rejection,
      });
      expect(outsiderReject.status).toBe(404);

      const joined = await call(api, 'POST', `/cases/${caseId}/parties`, {
        token: coordinator,
        body: { organisationCode: '7095', role: 'financier' },
      });
      expect(joined.status).toBe(200);
      const party = await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), { token: vgz });
      expect(party.status).toBe(403);
      expect(party.body.code).toBe('not-the-financier');
      const partyReject = await call(api, 'POST', answer(caseId, pv, requestId, 'reject'), {
        token: vgz,
        body: rejection,
      });
      expect(partyReject.status).toBe(403);
      expect(partyReject.body.code).toBe('not-the-financier');
      const stored = await streamOf(api, caseId);
      expect(stored.map((e) => e.type)).not.toContain('casus.ResponsibilityAccepted.v1');
      expect(stored.map((e) => e.type)).not.toContain('casus.ResponsibilityRejected.v2');
    });

    it('answers 404 for an unknown case, an unknown request and a request of another need', async () => {
      const unknownCase = await call(api, 'POST', answer(randomUUID(), pv, requestId, 'accept'), {
        token: zilverenKruis,
      });
      expect(unknownCase.status).toBe(404);
      expect(unknownCase.body.code).toBe('case-not-registered');
      const unknown = await call(api, 'POST', answer(caseId, pv, randomUUID(), 'accept'), {
        token: zilverenKruis,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('request-not-found');
      const otherNeed = await call(api, 'POST', answer(caseId, begeleiding, requestId, 'reject'), {
        token: zilverenKruis,
        body: rejection,
      });
      expect(otherNeed.status).toBe(404);
      expect(otherNeed.body.code).toBe('request-not-found');
    });

    it('refuses a second holder for the need (409 need-already-held)', async () => {
      const wmo = await propose(api, caseId, pv, wmoProposal);
      const wmoRequest = await request(api, caseId, pv, wmo);
      expect(
        (await call(api, 'POST', answer(caseId, pv, requestId, 'accept'), { token: zilverenKruis })).status,
      ).toBe(200);
      const second = await call(api, 'POST', answer(caseId, pv, wmoRequest, 'accept'), { token: gemeente });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('need-already-held');
    });
  });

  describe('POST /cases/{caseId}/needs/{needId}/responsibilities/{responsibilityId}/end', () => {
    const end = (needId: string, responsibilityId: string) =>
      `/cases/${caseId}/needs/${needId}/responsibilities/${responsibilityId}/end`;

    it('withdraws a proposal, and ends a held responsibility', async () => {
      const proposed = await propose(api, caseId, pv, wmoProposal);
      const before = (await streamOf(api, caseId)).length;
      const withdrawn = await call(api, 'POST', end(pv, proposed), {
        token: coordinator,
        body: { reason: 'Voorstel ingetrokken.' },
      });
      expect(withdrawn.status).toBe(200);
      const held = await propose(api, caseId, begeleiding, wmoProposal);
      const heldRequest = await request(api, caseId, begeleiding, held);
      expect(
        (await call(api, 'POST', answer(caseId, begeleiding, heldRequest, 'accept'), { token: gemeente }))
          .status,
      ).toBe(200);
      const ended = await call(api, 'POST', end(begeleiding, held), {
        token: coordinator,
        body: { reason: 'Zorg beëindigd na herstel.' },
      });
      expect(ended.status).toBe(200);
      const events = (await streamOf(api, caseId))
        .slice(before)
        .filter((e) => e.type === 'casus.ResponsibilityEnded.v1');
      expect(events.map((e) => e.data)).toEqual([
        expect.objectContaining({
          needId: pv,
          responsibilityId: proposed,
          wasHolding: false,
          reason: 'Voorstel ingetrokken.',
        }),
        expect.objectContaining({ needId: begeleiding, responsibilityId: held, wasHolding: true }),
      ]);
    });

    it('refuses a missing reason (400), another need (404), an ended one (409) and a liaison (403)', async () => {
      const proposed = await propose(api, caseId, pv, wmoProposal);
      const missing = await call(api, 'POST', end(pv, proposed), { token: coordinator, body: {} });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing.body)).toEqual(['reason']);
      const otherNeed = await call(api, 'POST', end(begeleiding, proposed), {
        token: coordinator,
        body: { reason: 'Ingetrokken.' },
      });
      expect(otherNeed.status).toBe(404);
      expect(otherNeed.body.code).toBe('responsibility-not-found');
      const byLiaison = await call(api, 'POST', end(pv, proposed), {
        token: gemeente,
        body: { reason: 'Ingetrokken.' },
      });
      expect(byLiaison.status).toBe(403);
      expect(
        (await call(api, 'POST', end(pv, proposed), { token: coordinator, body: { reason: 'Ingetrokken.' } }))
          .status,
      ).toBe(200);
      const again = await call(api, 'POST', end(pv, proposed), {
        token: coordinator,
        body: { reason: 'Nogmaals.' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('responsibility-final');
    });
  });
});

describe('a need from discussion to an accepted financier, through HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi('2026-03-02T09:00:00.000Z')));
  afterEach(() => api.close());

  it('agenda → discussion → propose → request → reject → propose another → request → accept; the view follows', async () => {
    const {
      caseId,
      needIds: [pv],
    } = await caseWithNeeds(api, ['persoonlijke-verzorging']);

    api.clock.advanceDays(1);
    const zvw = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
      token: coordinator,
      body: zvwProposal,
    });
    expect(zvw.body.proposal).toMatchObject({ deviation: true, basis: 'table-agreement' });
    const zvwId = idsOf(zvw).responsibilityId!;
    const zvwRequest = await request(api, caseId, pv, zvwId);

    api.clock.advanceDays(2);
    const rejected = await call(api, 'POST', answer(caseId, pv, zvwRequest, 'reject'), {
      token: zilverenKruis,
      body: rejection,
    });
    expect(rejected.status).toBe(200);

    const wmo = await call(api, 'POST', `/cases/${caseId}/needs/${pv}/responsibilities`, {
      token: coordinator,
      body: wmoProposal,
    });
    expect(wmo.body.proposal).toMatchObject({ deviation: false, basis: 'wegwijzer-rule' });
    const wmoId = idsOf(wmo).responsibilityId!;
    const wmoRequest = await request(api, caseId, pv, wmoId);

    api.clock.advanceDays(1);
    const accepted = await call(api, 'POST', answer(caseId, pv, wmoRequest, 'accept'), { token: gemeente });
    expect(accepted.status).toBe(200);

    const stored = await streamOf(api, caseId);
    const envelopes: EventEnvelope[] = stored.map((e) => ({
      event: { type: e.type, data: e.data },
      eventId: e.eventId,
      position: e.globalPosition,
      recordedAt: e.metadata.recordedAt,
    }));
    const timeline = responsibilityTimeline(envelopes);
    const at = (eventId: string) => timeline[stored.findIndex((e) => e.eventId === eventId)];
    const eventOf = (response: { body: Record<string, unknown> }, type: string) =>
      (response.body.events as Array<{ eventId: string; type: string }>).find((e) => e.type === type)!
        .eventId;

    // After the rejection: the need has no holder; the rejected Zvw claim is what the view shows, and the gap
    // has been there since the need was identified.
    const afterRejection = at(eventOf(rejected, 'casus.ResponsibilityRejected.v2'));
    expect(afterRejection.needs).toEqual([
      expect.objectContaining({
        needId: pv,
        current: expect.objectContaining({ responsibilityId: zvwId, status: 'rejected', holding: false }),
      }),
    ]);
    expect(afterRejection.gaps).toEqual([
      expect.objectContaining({
        needId: pv,
        since: expect.objectContaining({ type: 'casus.NeedIdentified.v1' }),
      }),
    ]);

    // At the end: Wmo at the gemeente holds the need, set by the acceptance; no gap.
    const last = timeline.at(-1)!;
    expect(last.after?.eventId).toBe(eventOf(accepted, 'casus.ResponsibilityAccepted.v1'));
    expect(last.gaps).toEqual([]);
    expect(last.needs).toHaveLength(1);
    const [need] = last.needs;
    expect(need.current).toMatchObject({
      responsibilityId: wmoId,
      lawDomain: 'Wmo',
      financierOrganisationId: 'GM0344',
      status: 'accepted',
      basis: 'wegwijzer-rule',
      holding: true,
      setBy: { type: 'casus.ResponsibilityAccepted.v1', recordedAt: '2026-03-06T09:00:00.000Z' },
    });
    expect(need.responsibilities.map((r) => [r.lawDomain, r.financierOrganisationId, r.status])).toEqual([
      ['Zvw', '3311', 'rejected'],
      ['Wmo', 'GM0344', 'accepted'],
    ]);

    // The query endpoint says the same.
    const now = await call(api, 'GET', `/cases/${caseId}/responsibility`, { token: coordinator });
    expect(now.status).toBe(200);
    expect(now.body).toEqual({ caseId, ...JSON.parse(JSON.stringify(last)) });
  });
});
