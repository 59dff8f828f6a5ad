import { randomUUID } from 'node:crypto';
import { registerTriagedCase, seedDiscussion } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
/** A coordinator at the same table, of another organisation than the decision owner. */
const otherOrganisationCoordinator = testToken({
  role: 'coordinator',
  org: 'GM0355',
  tables: ['mwt-utrecht'],
});
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: '3311' });

const WETHOUDER = { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' };

const escalation = (extra: Record<string, unknown> = {}) => ({
  level: 'opschaaltafel',
  reason: 'dispute-between-financiers',
  question: 'Wie financiert de persoonlijke verzorging?',
  mandateHolder: WETHOUDER,
  decisionOwner: WETHOUDER,
  dueDate: '2026-03-20',
  needIds: ['need-pv'],
  ...extra,
});

const provisionalDecision = (extra: Record<string, unknown> = {}) => ({
  summary: 'De gemeente financiert voorlopig; verrekening na het oordeel van het Zorginstituut.',
  evaluationDate: '2026-06-01',
  assignments: [
    {
      needId: 'need-pv',
      lawDomain: 'Wmo',
      financierCode: 'GM0344',
      provisional: true,
      settlementAgreement: 'De verzekeraar vergoedt de kosten als het Zorginstituut Zvw oordeelt.',
    },
  ],
  ...extra,
});

/** Registered and accepted at triage over HTTP. */
const triagedCase = (api: TestApi) =>
  registerTriagedCase(api, coordinator, {
    caseType: 'grensvlak',
    urgency: 'hoog',
    summary: 'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
  });

/** Discussed at the table, with a need for persoonlijke verzorging ('need-pv'). */
async function discussedCase(api: TestApi): Promise<string> {
  const caseId = await triagedCase(api);
  await seedDiscussion(api, caseId, {
    presentOrganisationIds: ['GM0344', '3311'],
    needsIdentified: [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }],
  });
  return caseId;
}

async function escalatedCase(api: TestApi): Promise<{ caseId: string; escalationId: string }> {
  const caseId = await discussedCase(api);
  const response = await call(api, 'POST', `/cases/${caseId}/escalations`, {
    token: coordinator,
    body: escalation(),
  });
  expect(response.status).toBe(200);
  return { caseId, escalationId: (response.body.ids as { escalationId: string }).escalationId };
}

async function eventsOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

describe('escalation endpoints over HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/escalations (EscalateCase)', () => {
    it('escalates to the opschaaltafel and returns the new escalationId, version and ETag', async () => {
      const caseId = await discussedCase(api);
      const before = await eventsOf(api, caseId);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
      });
      expect(response.status).toBe(200);
      const { escalationId } = response.body.ids as { escalationId: string };
      expect(escalationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toMatchObject({
        caseId,
        version: before.length + 1,
        events: [{ type: 'casus.CaseEscalated.v1' }],
      });
      expect(response.headers.get('etag')).toBe(`"${before.length + 1}"`);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.CaseEscalated.v1');
      expect(stored.data).toMatchObject({
        caseId,
        escalationId,
        level: 'opschaaltafel',
        reason: 'dispute-between-financiers',
        question: 'Wie financiert de persoonlijke verzorging?',
        mandateHolder: { organisationId: 'GM0344', functionTitle: 'wethouder zorg' },
        decisionOwner: { organisationId: 'GM0344', functionTitle: 'wethouder zorg' },
        agreedDueDate: '2026-03-20',
        needIds: ['need-pv'],
        raisedFromEscalationId: null,
      });
      expect(stored.metadata.actor).toEqual({
        userId: 'u-test',
        role: 'coordinator',
        organisationId: 'GM0344',
      });
    });

    it('raises an open escalation to the next level, closing the lower one', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ level: 'bestuurlijk-overleg', needIds: undefined }),
      });
      expect(response.status).toBe(200);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.data).toMatchObject({
        escalationId: (response.body.ids as { escalationId: string }).escalationId,
        level: 'bestuurlijk-overleg',
        raisedFromEscalationId: escalationId,
        needIds: ['need-pv'],
      });
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await discussedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({
          level: 'rijksoverheid',
          question: '',
          mandateHolder: { organisationCode: 'GM 0344', functionTitle: 'x'.repeat(201) },
          dueDate: '2026-03-20T10:00:00Z',
          needIds: ['need-pv', '-not-an-id'],
          extra: true,
        }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(response.body)).toEqual([
        'dueDate',
        'extra',
        'level',
        'mandateHolder.functionTitle',
        'mandateHolder.organisationCode',
        'needIds',
        'question',
      ]);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an escalation without a decision owner or mandate holder (422, domain code)', async () => {
      const caseId = await discussedCase(api);
      const head = await api.store.headPosition();
      const noOwner = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ decisionOwner: undefined }),
      });
      expect(noOwner.status).toBe(422);
      expect(noOwner.body.code).toBe('decision-owner-required');
      const noMandate = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ mandateHolder: undefined }),
      });
      expect(noMandate.status).toBe(422);
      expect(noMandate.body.code).toBe('mandate-holder-required');
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses what the ladder does not allow, with the domain codes', async () => {
      const triaged = await triagedCase(api);
      const notDiscussed = await call(api, 'POST', `/cases/${triaged}/escalations`, {
        token: coordinator,
        body: escalation({ reason: 'no-suitable-offer', needIds: [] }),
      });
      expect([notDiscussed.status, notDiscussed.body.code]).toEqual([422, 'not-discussed-at-table']);

      const caseId = await discussedCase(api);
      const skipped = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ level: 'landelijk-maatwerkloket' }),
      });
      expect([skipped.status, skipped.body.code]).toEqual([422, 'escalation-level-skipped']);
      const noNeeds = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ needIds: [] }),
      });
      expect([noNeeds.status, noNeeds.body.code]).toEqual([422, 'dispute-needs-required']);
      const pastDue = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ dueDate: '2026-02-27' }),
      });
      expect([pastDue.status, pastDue.body.code]).toEqual([422, 'due-date-in-past']);

      expect(
        (await call(api, 'POST', `/cases/${caseId}/escalations`, { token: coordinator, body: escalation() }))
          .status,
      ).toBe(200);
      const again = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
      });
      expect([again.status, again.body.code]).toEqual([409, 'escalation-already-open']);
    });

    it('refuses an unknown organisation code (422 unknown-reference) and an unknown case (404)', async () => {
      const caseId = await discussedCase(api);
      const unknownOwner = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation({ decisionOwner: { organisationCode: 'GM9999', functionTitle: 'wethouder' } }),
      });
      expect(unknownOwner.status).toBe(422);
      expect(unknownOwner.body).toMatchObject({
        code: 'unknown-reference',
        errors: [{ field: 'decisionOwner.organisationCode' }],
      });
      const unknownCase = await call(api, 'POST', `/cases/${randomUUID()}/escalations`, {
        token: coordinator,
        body: escalation(),
      });
      expect([unknownCase.status, unknownCase.body.code]).toEqual([404, 'case-not-registered']);
    });

    it('honours If-Match: 412 on a stale version and nothing stored, success on the current one', async () => {
      const caseId = await discussedCase(api);
      const version = (await eventsOf(api, caseId)).length;
      const head = await api.store.headPosition();
      const stale = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
        headers: { 'if-match': `"${version - 1}"` },
      });
      expect([stale.status, stale.body.code]).toEqual([412, 'version-mismatch']);
      expect(await api.store.headPosition()).toBe(head);
      const fresh = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
        headers: { 'if-match': `"${version}"` },
      });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe(`"${version + 1}"`);
    });

    it('honours Idempotency-Key: a retry returns the same escalationId and stores nothing twice', async () => {
      const caseId = await discussedCase(api);
      const headers = { 'idempotency-key': 'escalate-0001' };
      const first = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
        headers,
      });
      expect(first.status).toBe(200);
      const head = await api.store.headPosition();
      const retry = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: escalation(),
        headers,
      });
      expect(retry.body).toEqual(first.body);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('POST /cases/{caseId}/escalations/{escalationId}/de-escalate (DeescalateCase)', () => {
    it('returns the case to the table with a reason', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/de-escalate`, {
        token: coordinator,
        body: { reason: 'Partijen zijn het aan tafel alsnog eens geworden.' },
      });
      expect(response.status).toBe(200);
      expect(response.body.events).toEqual([
        { eventId: expect.any(String), type: 'casus.CaseDeescalated.v1' },
      ]);
      expect((await eventsOf(api, caseId)).at(-1)!.data).toMatchObject({
        caseId,
        escalationId,
        level: 'opschaaltafel',
        reason: 'Partijen zijn het aan tafel alsnog eens geworden.',
      });
    });

    it('refuses bad input and a bad escalation id with 400, and stores nothing', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const head = await api.store.headPosition();
      const bad = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/de-escalate`, {
        token: coordinator,
        body: { reason: 7, note: 'x' },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['note', 'reason']);
      const blank = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/de-escalate`, {
        token: coordinator,
        body: { reason: '   ' },
      });
      expect(blank.status).toBe(400);
      expect(blank.body.errors).toEqual([{ field: 'reason', messages: ['reason must not be blank'] }]);
      const badId = await call(api, 'POST', `/cases/${caseId}/escalations/-esc/de-escalate`, {
        token: coordinator,
        body: { reason: 'Opgelost.' },
      });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['escalationId']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an escalation that is unknown (404) or no longer open (409)', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const unknown = await call(api, 'POST', `/cases/${caseId}/escalations/esc-9/de-escalate`, {
        token: coordinator,
        body: { reason: 'Opgelost.' },
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'escalation-not-found']);
      const path = `/cases/${caseId}/escalations/${escalationId}/de-escalate`;
      expect(
        (await call(api, 'POST', path, { token: coordinator, body: { reason: 'Opgelost.' } })).status,
      ).toBe(200);
      const again = await call(api, 'POST', path, { token: coordinator, body: { reason: 'Opgelost.' } });
      expect([again.status, again.body.code]).toEqual([409, 'escalation-not-open']);
    });
  });

  describe('POST /cases/{caseId}/escalations/{escalationId}/advice (RecordAdvice)', () => {
    it('records advice, which leaves the escalation open: closing is refused, a decision is still possible', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/advice`, {
        token: coordinator,
        body: { advisorCode: '3311', advice: 'Advies: Zvw, gezien de geneeskundige context.' },
      });
      expect(response.status).toBe(200);
      const { adviceId } = response.body.ids as { adviceId: string };
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.AdviceRecorded.v1');
      expect(stored.data).toMatchObject({
        caseId,
        escalationId,
        adviceId,
        advisorOrganisationId: '3311',
        advice: 'Advies: Zvw, gezien de geneeskundige context.',
      });

      const close = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: { result: 'responsibility-arranged' },
      });
      expect([close.status, close.body.code]).toEqual([409, 'open-escalation-blocks-closure']);
      const decision = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: provisionalDecision(),
      });
      expect(decision.status).toBe(200);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/advice`, {
        token: coordinator,
        body: { advice: 'x'.repeat(2001) },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['advice', 'advisorCode']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an unknown advisor (422) and advice on an unknown escalation (404)', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const unknownAdvisor = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/advice`, {
        token: coordinator,
        body: { advisorCode: 'CCE-LANDELIJK', advice: 'Advies.' },
      });
      expect([unknownAdvisor.status, unknownAdvisor.body.code]).toEqual([422, 'unknown-reference']);
      const unknownEscalation = await call(api, 'POST', `/cases/${caseId}/escalations/esc-9/advice`, {
        token: coordinator,
        body: { advisorCode: '3311', advice: 'Advies.' },
      });
      expect([unknownEscalation.status, unknownEscalation.body.code]).toEqual([404, 'escalation-not-found']);
    });
  });

  describe('POST /cases/{caseId}/escalations/{escalationId}/decision (DecideBreakthrough)', () => {
    it('records the doorbraakbesluit of the decision owner and closes the escalation', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: provisionalDecision({ validUntil: '2026-12-31' }),
      });
      expect(response.status).toBe(200);
      const { decisionId } = response.body.ids as { decisionId: string };
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.BreakthroughDecided.v1');
      expect(stored.data).toMatchObject({
        caseId,
        escalationId,
        decisionId,
        level: 'opschaaltafel',
        decidedByOrganisationId: 'GM0344',
        evaluationDate: '2026-06-01',
        validUntil: '2026-12-31',
        assignments: [
          {
            needId: 'need-pv',
            responsibilityId: `${decisionId}:need-pv`,
            lawDomain: 'Wmo',
            financierOrganisationId: 'GM0344',
            financierKind: 'gemeente',
            provisional: true,
            settlementAgreement: 'De verzekeraar vergoedt de kosten als het Zorginstituut Zvw oordeelt.',
            deliveredByOrganisationId: null,
          },
        ],
      });
      const deescalate = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/de-escalate`, {
        token: coordinator,
        body: { reason: 'Te laat.' },
      });
      expect([deescalate.status, deescalate.body.code]).toEqual([409, 'escalation-not-open']);
    });

    it('names the provider that delivers, resolved from its code', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: provisionalDecision({
          assignments: [
            {
              needId: 'need-pv',
              lawDomain: 'Zvw',
              financierCode: '3311',
              provisional: false,
              deliveredByCode: '73730001',
            },
          ],
        }),
      });
      expect(response.status).toBe(200);
      const events = (await eventsOf(api, caseId)).slice(-2);
      expect(events.map((e) => e.type)).toEqual(['casus.PartyJoined.v1', 'casus.BreakthroughDecided.v1']);
      expect(events[1].data).toMatchObject({
        assignments: [
          {
            financierOrganisationId: '3311',
            provisional: false,
            settlementAgreement: null,
            deliveredByOrganisationId: '73730001',
          },
        ],
      });
    });

    it('is refused to a coordinator of another organisation than the decision owner (403)', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: otherOrganisationCoordinator,
        body: provisionalDecision(),
      });
      expect([response.status, response.body.code]).toEqual([403, 'not-the-decision-owner']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses what the domain does not allow, with the domain codes', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const path = `/cases/${caseId}/escalations/${escalationId}/decision`;
      const noAgreement = await call(api, 'POST', path, {
        token: coordinator,
        body: provisionalDecision({
          assignments: [{ needId: 'need-pv', lawDomain: 'Wmo', financierCode: 'GM0344', provisional: true }],
        }),
      });
      expect([noAgreement.status, noAgreement.body.code]).toEqual([422, 'settlement-agreement-required']);
      const wrongKind = await call(api, 'POST', path, {
        token: coordinator,
        body: provisionalDecision({
          assignments: [{ needId: 'need-pv', lawDomain: 'Zvw', financierCode: 'GM0344', provisional: false }],
        }),
      });
      expect([wrongKind.status, wrongKind.body.code]).toEqual([422, 'financier-kind-mismatch']);
      const nothing = await call(api, 'POST', path, {
        token: coordinator,
        body: provisionalDecision({ assignments: [] }),
      });
      expect([nothing.status, nothing.body.code]).toEqual([422, 'assignments-required']);
      const unknownNeed = await call(api, 'POST', path, {
        token: coordinator,
        body: provisionalDecision({
          assignments: [{ needId: 'need-x', lawDomain: 'Wmo', financierCode: 'GM0344', provisional: false }],
        }),
      });
      expect([unknownNeed.status, unknownNeed.body.code]).toEqual([404, 'need-not-found']);
      const unknownFinancier = await call(api, 'POST', path, {
        token: coordinator,
        body: provisionalDecision({
          assignments: [{ needId: 'need-pv', lawDomain: 'Wmo', financierCode: 'GM9999', provisional: false }],
        }),
      });
      expect(unknownFinancier.status).toBe(422);
      expect(unknownFinancier.body).toMatchObject({
        code: 'unknown-reference',
        errors: [{ field: 'assignments.0.financierCode' }],
      });
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: {
          summary: 'Besluit.',
          evaluationDate: '2026-02-30',
          assignments: [{ needId: 'need-pv', lawDomain: 'Wet X', financierCode: '3311', provisional: 'ja' }],
        },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([
        'assignments.0.lawDomain',
        'assignments.0.provisional',
        'evaluationDate',
      ]);
      const tooMany = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: provisionalDecision({
          assignments: Array.from({ length: 51 }, (_, i) => ({
            needId: `need-${i}`,
            lawDomain: 'Wmo',
            financierCode: 'GM0344',
            provisional: false,
          })),
        }),
      });
      expect(tooMany.status).toBe(400);
      expect(fieldsOf(tooMany.body)).toEqual(['assignments']);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('POST /cases/{caseId}/settlements (SettleProvisionalFinancing)', () => {
    async function decidedProvisionally() {
      const { caseId, escalationId } = await escalatedCase(api);
      const decision = await call(api, 'POST', `/cases/${caseId}/escalations/${escalationId}/decision`, {
        token: coordinator,
        body: provisionalDecision(),
      });
      const { decisionId } = decision.body.ids as { decisionId: string };
      return { caseId, responsibilityId: `${decisionId}:need-pv` };
    }

    it('transfers to the definitive financier; until then the case cannot be closed', async () => {
      const { caseId, responsibilityId } = await decidedProvisionally();
      const blocked = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: { result: 'responsibility-arranged' },
      });
      expect([blocked.status, blocked.body.code]).toEqual([409, 'unsettled-provisional-financing']);

      const response = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: {
          responsibilityId,
          definitive: { lawDomain: 'Zvw', financierCode: '3311' },
          note: 'Verrekend na het oordeel van het Zorginstituut.',
        },
      });
      expect(response.status).toBe(200);
      const events = (await eventsOf(api, caseId)).slice(-2);
      expect(events.map((e) => e.type)).toEqual([
        'casus.PartyJoined.v1',
        'casus.ProvisionalFinancingSettled.v1',
      ]);
      expect(events[1].data).toMatchObject({
        needId: 'need-pv',
        provisionalResponsibilityId: responsibilityId,
        definitiveResponsibilityId: `${responsibilityId}:settled`,
        outcome: 'transferred',
        lawDomain: 'Zvw',
        financierOrganisationId: '3311',
        note: 'Verrekend na het oordeel van het Zorginstituut.',
      });
      const closed = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: { result: 'responsibility-arranged' },
      });
      expect(closed.status).toBe(200);
    });

    it('confirms the provisional financier when it turns out to be the definitive one', async () => {
      const { caseId, responsibilityId } = await decidedProvisionally();
      const response = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: {
          responsibilityId,
          definitive: { lawDomain: 'Wmo', financierCode: 'GM0344' },
          note: 'Bevestigd.',
        },
      });
      expect(response.status).toBe(200);
      expect((await eventsOf(api, caseId)).at(-1)!.data).toMatchObject({
        outcome: 'confirmed',
        definitiveResponsibilityId: responsibilityId,
      });
      const again = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: {
          responsibilityId,
          definitive: { lawDomain: 'Wmo', financierCode: 'GM0344' },
          note: 'Nog eens.',
        },
      });
      expect([again.status, again.body.code]).toEqual([409, 'not-provisional']);
    });

    it('refuses bad input (400), an unknown responsibility (404) and an unknown financier (422)', async () => {
      const { caseId, responsibilityId } = await decidedProvisionally();
      const head = await api.store.headPosition();
      const bad = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: { responsibilityId, definitive: { lawDomain: 'Zvw' }, note: '' },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['definitive.financierCode', 'note']);
      const missing = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: { responsibilityId, note: 'Verrekend.' },
      });
      expect(fieldsOf(missing.body)).toEqual(['definitive']);
      expect(await api.store.headPosition()).toBe(head);
      const unknown = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: {
          responsibilityId: 'r-9',
          definitive: { lawDomain: 'Zvw', financierCode: '3311' },
          note: 'Verrekend.',
        },
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'responsibility-not-found']);
      const unknownFinancier = await call(api, 'POST', `/cases/${caseId}/settlements`, {
        token: coordinator,
        body: {
          responsibilityId,
          definitive: { lawDomain: 'Zvw', financierCode: '9999' },
          note: 'Verrekend.',
        },
      });
      expect([unknownFinancier.status, unknownFinancier.body.code]).toEqual([422, 'unknown-reference']);
    });
  });

  describe('who may', () => {
    it('refuses liaisons (403), hides the case from other tables (404) and requires a token (401)', async () => {
      const { caseId, escalationId } = await escalatedCase(api);
      const head = await api.store.headPosition();
      const requests: Array<[string, unknown]> = [
        [`/cases/${caseId}/escalations`, escalation({ level: 'bestuurlijk-overleg' })],
        [`/cases/${caseId}/escalations/${escalationId}/de-escalate`, { reason: 'Opgelost.' }],
        [`/cases/${caseId}/escalations/${escalationId}/advice`, { advisorCode: '3311', advice: 'Advies.' }],
        [`/cases/${caseId}/escalations/${escalationId}/decision`, provisionalDecision()],
        [
          `/cases/${caseId}/settlements`,
          {
            responsibilityId: 'r-1',
            definitive: { lawDomain: 'Zvw', financierCode: '3311' },
            note: 'Verrekend.',
          },
        ],
      ];
      for (const [path, body] of requests) {
        const byLiaison = await call(api, 'POST', path, { token: liaison, body });
        expect([path, byLiaison.status, byLiaison.body.code]).toEqual([path, 403, 'forbidden']);
        const byOtherTable = await call(api, 'POST', path, { token: otherTableCoordinator, body });
        expect([path, byOtherTable.status, byOtherTable.body.code]).toEqual([path, 404, 'case-not-found']);
        expect((await call(api, 'POST', path, { body })).status).toBe(401);
      }
      expect(await api.store.headPosition()).toBe(head);
    });
  });
});
