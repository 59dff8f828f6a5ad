import { randomUUID } from 'node:crypto';
import { registerTriagedCase, seed, seedDiscussion, seedMetadata } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
/** Even the provider's own liaison: offer answers are recorded by the coordinator. */
const providerLiaison = testToken({ role: 'liaison', org: '73730001' });

const UTRECHT = { organisationId: 'GM0344', kind: 'gemeente', code: 'GM0344' } as const;
const HOME = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 52,
} as const;

/** Registered and triaged over HTTP, discussed with a need for persoonlijke verzorging ('need-pv'). */
async function caseWithNeed(api: TestApi): Promise<string> {
  const caseId = await registerTriagedCase(api, coordinator, {
    caseType: 'moeilijk-plaatsbaar',
    urgency: 'hoog',
    summary: 'Geen passend aanbod na ontslag uit kliniek.',
  });
  await seedDiscussion(api, caseId, {
    presentOrganisationIds: ['GM0344'],
    needsIdentified: [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }],
  });
  return caseId;
}

/** The need is held: the gemeente accepted the Wmo responsibility. */
async function fundedCase(api: TestApi): Promise<string> {
  const caseId = await caseWithNeed(api);
  await seed(
    api,
    caseId,
    (now) => ({
      type: 'ProposeResponsibility',
      data: {
        caseId,
        needId: 'need-pv',
        responsibilityId: 'r-wmo',
        lawDomain: 'Wmo',
        financier: UTRECHT,
        context: HOME,
      },
      metadata: seedMetadata(now),
    }),
    (now) => ({
      type: 'RequestFinancier',
      data: { caseId, responsibilityId: 'r-wmo', requestId: 'req-1' },
      metadata: seedMetadata(now),
    }),
    (now) => ({
      type: 'AcceptResponsibility',
      data: { caseId, responsibilityId: 'r-wmo' },
      metadata: seedMetadata(now, 'GM0344', 'liaison'),
    }),
  );
  return caseId;
}

async function requestOffer(api: TestApi, caseId: string, providerCode = '73730001'): Promise<string> {
  const response = await call(api, 'POST', `/cases/${caseId}/offers`, {
    token: coordinator,
    body: { needId: 'need-pv', providerCode },
  });
  expect(response.status).toBe(200);
  return (response.body.ids as { offerId: string }).offerId;
}

async function acceptedOffer(api: TestApi, caseId: string): Promise<string> {
  const offerId = await requestOffer(api, caseId);
  expect(
    (await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, { token: coordinator })).status,
  ).toBe(200);
  return offerId;
}

async function startedPlacement(api: TestApi, caseId: string): Promise<string> {
  const offerId = await acceptedOffer(api, caseId);
  const response = await call(api, 'POST', `/cases/${caseId}/placements`, {
    token: coordinator,
    body: { offerId, startDate: '2026-04-01' },
  });
  expect(response.status).toBe(200);
  return (response.body.ids as { placementId: string }).placementId;
}

async function eventsOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

describe('offer and placement endpoints over HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/offers (RequestOffer)', () => {
    it('asks a provider for an offer; the provider joins the case; the offerId is returned', async () => {
      const caseId = await fundedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/offers`, {
        token: coordinator,
        body: { needId: 'need-pv', providerCode: '73730001', question: 'Is er binnen vier weken plek?' },
      });
      expect(response.status).toBe(200);
      const { offerId } = response.body.ids as { offerId: string };
      expect(response.body.events).toEqual([
        { eventId: expect.any(String), type: 'casus.PartyJoined.v1' },
        { eventId: expect.any(String), type: 'casus.OfferRequested.v1' },
      ]);
      const [joined, requested] = (await eventsOf(api, caseId)).slice(-2);
      expect(joined.data).toMatchObject({
        party: { organisationId: '73730001', kind: 'aanbieder', code: '73730001' },
        role: 'aanbieder',
      });
      expect(requested.data).toMatchObject({
        caseId,
        offerId,
        needId: 'need-pv',
        providerOrganisationId: '73730001',
        question: 'Is er binnen vier weken plek?',
      });
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await fundedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/offers`, {
        token: coordinator,
        body: { needId: '', providerCode: '7373 0001', question: 'x'.repeat(2001), offerId: 'mine' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['needId', 'offerId', 'providerCode', 'question']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses a non-provider (422), an unknown need (404) and an unknown provider code (422)', async () => {
      const caseId = await fundedCase(api);
      const notAProvider = await call(api, 'POST', `/cases/${caseId}/offers`, {
        token: coordinator,
        body: { needId: 'need-pv', providerCode: '3311' },
      });
      expect([notAProvider.status, notAProvider.body.code]).toEqual([422, 'provider-kind-required']);
      const unknownNeed = await call(api, 'POST', `/cases/${caseId}/offers`, {
        token: coordinator,
        body: { needId: 'need-x', providerCode: '73730001' },
      });
      expect([unknownNeed.status, unknownNeed.body.code]).toEqual([404, 'need-not-found']);
      const unknownProvider = await call(api, 'POST', `/cases/${caseId}/offers`, {
        token: coordinator,
        body: { needId: 'need-pv', providerCode: '73739999' },
      });
      expect(unknownProvider.status).toBe(422);
      expect(unknownProvider.body).toMatchObject({
        code: 'unknown-reference',
        errors: [{ field: 'providerCode' }],
      });
    });

    it('honours Idempotency-Key: a retry returns the same offerId and requests nothing twice', async () => {
      const caseId = await fundedCase(api);
      const request = { token: coordinator, body: { needId: 'need-pv', providerCode: '73730001' } };
      const headers = { 'idempotency-key': 'offer-request-0001' };
      const first = await call(api, 'POST', `/cases/${caseId}/offers`, { ...request, headers });
      const head = await api.store.headPosition();
      const retry = await call(api, 'POST', `/cases/${caseId}/offers`, { ...request, headers });
      expect(retry.body).toEqual(first.body);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('POST /cases/{caseId}/offers/{offerId}/accept (AcceptOffer)', () => {
    it('records the provider’s acceptance on its behalf; the event’s actor is the coordinator', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const response = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
      });
      expect(response.status).toBe(200);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.OfferAccepted.v1');
      expect(stored.data).toMatchObject({
        caseId,
        offerId,
        needId: 'need-pv',
        providerOrganisationId: '73730001',
      });
      expect(stored.metadata.actor).toEqual({
        userId: 'u-test',
        role: 'coordinator',
        organisationId: 'GM0344',
      });
    });

    it('accepts an empty JSON object, refuses any property and a bad offer id with 400, and stores nothing', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const head = await api.store.headPosition();
      const withBody = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
        body: { note: 'Plek per 1 april.', providerCode: '73730001' },
      });
      expect(withBody.status).toBe(400);
      expect(fieldsOf(withBody.body)).toEqual(['note', 'providerCode']);
      const badId = await call(api, 'POST', `/cases/${caseId}/offers/offer%20one/accept`, {
        token: coordinator,
      });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['offerId']);
      expect(await api.store.headPosition()).toBe(head);
      const empty = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
        body: {},
      });
      expect(empty.status).toBe(200);
    });

    it('refuses a second answer (409) and an unknown offer (404)', async () => {
      const caseId = await fundedCase(api);
      const offerId = await acceptedOffer(api, caseId);
      const again = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
      });
      expect([again.status, again.body.code]).toEqual([409, 'offer-not-open']);
      const unknown = await call(api, 'POST', `/cases/${caseId}/offers/${randomUUID()}/accept`, {
        token: coordinator,
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'offer-not-found']);
    });

    it('honours If-Match: 412 on a stale version, success on the current one', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const version = (await eventsOf(api, caseId)).length;
      const stale = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
        headers: { 'if-match': `"${version + 3}"` },
      });
      expect([stale.status, stale.body.code]).toEqual([412, 'version-mismatch']);
      const fresh = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
        headers: { 'if-match': `"${version}"` },
      });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe(`"${version + 1}"`);
    });
  });

  describe('POST /cases/{caseId}/offers/{offerId}/refuse (RefuseOffer)', () => {
    it('records the provider’s refusal with its reason as a fact', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const response = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/refuse`, {
        token: coordinator,
        body: { reasonCode: 'no-capacity', explanation: 'Wachtlijst van zes maanden.' },
      });
      expect(response.status).toBe(200);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.OfferRefused.v1');
      expect(stored.data).toMatchObject({
        offerId,
        providerOrganisationId: '73730001',
        reasonCode: 'no-capacity',
        explanation: 'Wachtlijst van zes maanden.',
      });
      expect(stored.metadata.actor.organisationId).toBe('GM0344');
      const accept = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/accept`, {
        token: coordinator,
      });
      expect([accept.status, accept.body.code]).toEqual([409, 'offer-not-open']);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/refuse`, {
        token: coordinator,
        body: { reasonCode: 'vol' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['explanation', 'reasonCode']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses a text that holds a BSN (422, domain code)', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const response = await call(api, 'POST', `/cases/${caseId}/offers/${offerId}/refuse`, {
        token: coordinator,
        body: { reasonCode: 'other', explanation: 'Cliënt 111222333 is al bekend.' },
      });
      expect([response.status, response.body.code]).toEqual([422, 'possible-personal-data']);
    });
  });

  describe('POST /cases/{caseId}/placements (StartPlacement)', () => {
    it('starts a placement on an accepted offer and returns the placementId', async () => {
      const caseId = await fundedCase(api);
      const offerId = await acceptedOffer(api, caseId);
      const response = await call(api, 'POST', `/cases/${caseId}/placements`, {
        token: coordinator,
        body: { offerId, startDate: '2026-04-01' },
      });
      expect(response.status).toBe(200);
      const { placementId } = response.body.ids as { placementId: string };
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.PlacementStarted.v1');
      expect(stored.data).toMatchObject({
        caseId,
        placementId,
        offerId,
        needId: 'need-pv',
        providerOrganisationId: '73730001',
        startDate: '2026-04-01',
      });
      const second = await call(api, 'POST', `/cases/${caseId}/placements`, {
        token: coordinator,
        body: { offerId, startDate: '2026-04-02' },
      });
      expect([second.status, second.body.code]).toEqual([409, 'offer-already-placed']);
    });

    it('refuses a placement without a financier holding the need (422) or without an accepted offer (409)', async () => {
      const unfunded = await caseWithNeed(api);
      const offerId = await acceptedOffer(api, unfunded);
      const noFinancier = await call(api, 'POST', `/cases/${unfunded}/placements`, {
        token: coordinator,
        body: { offerId, startDate: '2026-04-01' },
      });
      expect([noFinancier.status, noFinancier.body.code]).toEqual([422, 'placement-without-financier']);

      const caseId = await fundedCase(api);
      const requested = await requestOffer(api, caseId);
      const notAccepted = await call(api, 'POST', `/cases/${caseId}/placements`, {
        token: coordinator,
        body: { offerId: requested, startDate: '2026-04-01' },
      });
      expect([notAccepted.status, notAccepted.body.code]).toEqual([409, 'offer-not-accepted']);
      const unknown = await call(api, 'POST', `/cases/${caseId}/placements`, {
        token: coordinator,
        body: { offerId: 'offer-9', startDate: '2026-04-01' },
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'offer-not-found']);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await fundedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/placements`, {
        token: coordinator,
        body: { startDate: '01-04-2026', placementId: 'mine' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['offerId', 'placementId', 'startDate']);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('POST /cases/{caseId}/placements/{placementId}/end (EndPlacement)', () => {
    it('ends a placement with a reason; ending it twice is refused', async () => {
      const caseId = await fundedCase(api);
      const placementId = await startedPlacement(api, caseId);
      const path = `/cases/${caseId}/placements/${placementId}/end`;
      const body = { endDate: '2026-09-30', reason: 'Doorgestroomd naar beschermd wonen.' };
      const response = await call(api, 'POST', path, { token: coordinator, body });
      expect(response.status).toBe(200);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.PlacementEnded.v1');
      expect(stored.data).toMatchObject({ caseId, placementId, needId: 'need-pv', ...body });
      const again = await call(api, 'POST', path, { token: coordinator, body });
      expect([again.status, again.body.code]).toEqual([409, 'placement-already-ended']);
    });

    it('refuses an end before the start (422) and an unknown placement (404)', async () => {
      const caseId = await fundedCase(api);
      const placementId = await startedPlacement(api, caseId);
      const early = await call(api, 'POST', `/cases/${caseId}/placements/${placementId}/end`, {
        token: coordinator,
        body: { endDate: '2026-03-31', reason: 'Vergissing.' },
      });
      expect([early.status, early.body.code]).toEqual([422, 'end-before-start']);
      const unknown = await call(api, 'POST', `/cases/${caseId}/placements/plc-9/end`, {
        token: coordinator,
        body: { endDate: '2026-09-30', reason: 'Klaar.' },
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'placement-not-found']);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await fundedCase(api);
      const placementId = await startedPlacement(api, caseId);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/placements/${placementId}/end`, {
        token: coordinator,
        body: { endDate: '2026-09-31', reason: '' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['endDate', 'reason']);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('who may', () => {
    it('refuses liaisons, even the provider’s (403), hides the case from other tables (404), needs a token', async () => {
      const caseId = await fundedCase(api);
      const offerId = await requestOffer(api, caseId);
      const head = await api.store.headPosition();
      const requests: Array<[string, unknown]> = [
        [`/cases/${caseId}/offers`, { needId: 'need-pv', providerCode: '73730002' }],
        [`/cases/${caseId}/offers/${offerId}/accept`, undefined],
        [`/cases/${caseId}/offers/${offerId}/refuse`, { reasonCode: 'no-capacity', explanation: 'Vol.' }],
        [`/cases/${caseId}/placements`, { offerId, startDate: '2026-04-01' }],
        [`/cases/${caseId}/placements/plc-1/end`, { endDate: '2026-09-30', reason: 'Klaar.' }],
      ];
      for (const [path, body] of requests) {
        const byLiaison = await call(api, 'POST', path, { token: providerLiaison, body });
        expect([path, byLiaison.status, byLiaison.body.code]).toEqual([path, 403, 'forbidden']);
        const byOtherTable = await call(api, 'POST', path, { token: otherTableCoordinator, body });
        expect([path, byOtherTable.status, byOtherTable.body.code]).toEqual([path, 404, 'case-not-found']);
        expect((await call(api, 'POST', path, { body })).status).toBe(401);
      }
      expect(await api.store.headPosition()).toBe(head);
    });
  });
});
