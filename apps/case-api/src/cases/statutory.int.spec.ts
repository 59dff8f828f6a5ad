import { randomUUID } from 'node:crypto';
import { discussAtTable, registerTriagedCase } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: 'GM0344' });

function fieldsOf(body: Record<string, unknown>): string[] {
  return (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
}

async function streamOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

/** A case at the table with one need (begeleiding), discussed on Thursday 5 March 2026. */
async function caseWithNeed(api: TestApi): Promise<{ caseId: string; needId: string }> {
  const caseId = await registerTriagedCase(api, coordinator, {
    caseType: 'overig',
    urgency: 'normaal',
    summary: 'Begeleiding thuis; Wmo-aanvraag loopt.',
  });
  const [needId] = await discussAtTable(api, coordinator, caseId, {
    presentOrganisationCodes: ['GM0344'],
    needsIdentified: [{ category: 'begeleiding' }],
  });
  return { caseId, needId };
}

const aanvraag = (needId?: string) => ({
  kind: 'wmo-aanvraag',
  deciderCode: 'GM0344',
  submittedOn: '2026-03-02',
  ...(needId ? { needId } : {}),
});

describe('statutory applications over HTTP', () => {
  let api: TestApi;
  let caseId: string;
  let needId: string;
  beforeEach(async () => {
    api = await startTestApi('2026-03-09T09:00:00.000Z');
    ({ caseId, needId } = await caseWithNeed(api));
  });
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/statutory-applications', () => {
    it('records a Wmo aanvraag for a need; the decision term starts', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/statutory-applications`, {
        token: coordinator,
        body: aanvraag(needId),
      });
      expect(response.status).toBe(200);
      const { applicationId } = response.body.ids as { applicationId: string };
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['casus.StatutoryApplicationSubmitted.v1']);
      expect(events[0].data).toMatchObject({
        applicationId,
        kind: 'wmo-aanvraag',
        needId,
        deciderOrganisationId: 'GM0344',
        submittedOn: '2026-03-02',
        urgent: false,
        decisionDueOn: expect.stringMatching(/^2026-03-\d\d$/),
      });
    });

    it('records a Wmo melding without a need', async () => {
      const response = await call(api, 'POST', `/cases/${caseId}/statutory-applications`, {
        token: coordinator,
        body: { kind: 'wmo-melding', deciderCode: 'GM0344', submittedOn: '2026-03-09' },
      });
      expect(response.status).toBe(200);
      const [event] = (await streamOf(api, caseId)).slice(-1);
      expect(event.data).toMatchObject({ kind: 'wmo-melding', needId: null, urgent: false });
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/statutory-applications`, {
        token: coordinator,
        body: {
          kind: 'pgb',
          deciderCode: '',
          submittedOn: '9 maart',
          urgent: 'ja',
          needId: 'need-1',
          note: 'x',
        },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([
        'deciderCode',
        'kind',
        'needId',
        'note',
        'submittedOn',
        'urgent',
      ]);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses what the domain refuses, with its code, and unknown organisations with 422', async () => {
      const url = `/cases/${caseId}/statutory-applications`;
      const head = await api.store.headPosition();
      const cases: Array<[object, number, string]> = [
        [{ ...aanvraag(), kind: 'ciz-aanvraag' }, 422, 'invalid-value'], // a CIZ aanvraag is decided by the CIZ
        [{ ...aanvraag(), urgent: true }, 422, 'invalid-value'], // only a CIZ aanvraag can be urgent
        [{ ...aanvraag(), submittedOn: '2026-03-10' }, 422, 'invalid-date'], // in the future
        [aanvraag(randomUUID()), 404, 'need-not-found'],
        [{ ...aanvraag(), deciderCode: 'GM9999' }, 422, 'unknown-reference'],
      ];
      for (const [body, status, code] of cases) {
        const response = await call(api, 'POST', url, { token: coordinator, body });
        expect([response.status, response.body.code]).toEqual([status, code]);
      }
      expect(await api.store.headPosition()).toBe(head);
    });

    it('is for coordinators of the table only', async () => {
      const url = `/cases/${caseId}/statutory-applications`;
      expect((await call(api, 'POST', url, { token: liaison, body: aanvraag() })).status).toBe(403);
      expect((await call(api, 'POST', url, { token: otherTableCoordinator, body: aanvraag() })).status).toBe(
        404,
      );
    });
  });

  describe('POST /cases/{caseId}/statutory-applications/{applicationId}/decision', () => {
    let applicationId: string;
    const decision = { outcome: 'granted', decidedOn: '2026-03-09' };
    beforeEach(async () => {
      const recorded = await call(api, 'POST', `/cases/${caseId}/statutory-applications`, {
        token: coordinator,
        body: aanvraag(needId),
      });
      applicationId = (recorded.body.ids as { applicationId: string }).applicationId;
    });

    it('records the decision', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(
        api,
        'POST',
        `/cases/${caseId}/statutory-applications/${applicationId}/decision`,
        {
          token: coordinator,
          body: decision,
        },
      );
      expect(response.status).toBe(200);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => [e.type, e.data])).toEqual([
        [
          'casus.StatutoryDecisionRecorded.v1',
          {
            caseId,
            applicationId,
            outcome: 'granted',
            decidedOn: '2026-03-09',
            occurredAt: '2026-03-09T09:00:00.000Z',
          },
        ],
      ]);
    });

    it('refuses bad input (400), an unknown application (404), a second decision (409) and a liaison (403)', async () => {
      const url = `/cases/${caseId}/statutory-applications/${applicationId}/decision`;
      const bad = await call(api, 'POST', url, {
        token: coordinator,
        body: { outcome: 'maybe', decidedOn: '2026-3-9' },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['decidedOn', 'outcome']);
      const badId = await call(api, 'POST', `/cases/${caseId}/statutory-applications/app-1/decision`, {
        token: coordinator,
        body: decision,
      });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['applicationId']);
      const unknown = await call(
        api,
        'POST',
        `/cases/${caseId}/statutory-applications/${randomUUID()}/decision`,
        {
          token: coordinator,
          body: decision,
        },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('application-not-found');
      expect((await call(api, 'POST', url, { token: liaison, body: decision })).status).toBe(403);
      expect((await call(api, 'POST', url, { token: coordinator, body: decision })).status).toBe(200);
      const twice = await call(api, 'POST', url, {
        token: coordinator,
        body: { ...decision, outcome: 'refused' },
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('application-already-decided');
    });
  });
});
