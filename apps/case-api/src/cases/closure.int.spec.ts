import { randomUUID } from 'node:crypto';
import { registerTriagedCase, seedDiscussion } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: 'GM0344' });

const triagedCase = (api: TestApi) =>
  registerTriagedCase(api, coordinator, {
    caseType: 'moeilijk-plaatsbaar',
    urgency: 'hoog',
    summary: 'Geen passend aanbod na ontslag uit kliniek.',
  });

async function closedCase(api: TestApi): Promise<string> {
  const caseId = await triagedCase(api);
  const closed = await call(api, 'POST', `/cases/${caseId}/close`, {
    token: coordinator,
    body: { result: 'no-longer-needed' },
  });
  expect(closed.status).toBe(200);
  return caseId;
}

async function eventsOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

const CLOSE = { result: 'placed', note: 'Geplaatst; financiering geregeld.' };
const REOPEN = { reason: 'Nieuwe crisis na ontslag; plaatsing beëindigd.' };

describe('closure endpoints over HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/close (CloseCase)', () => {
    it('closes the case with a result and a note; closing twice is refused', async () => {
      const caseId = await triagedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/close`, { token: coordinator, body: CLOSE });
      expect(response.status).toBe(200);
      expect(response.body.events).toEqual([{ eventId: expect.any(String), type: 'casus.CaseClosed.v1' }]);
      expect((await eventsOf(api, caseId)).at(-1)!.data).toEqual({
        caseId,
        result: 'placed',
        note: 'Geplaatst; financiering geregeld.',
        occurredAt: '2026-03-02T09:00:00.000Z',
      });
      const again = await call(api, 'POST', `/cases/${caseId}/close`, { token: coordinator, body: CLOSE });
      expect([again.status, again.body.code]).toEqual([409, 'case-closed']);
    });

    it('refuses to close while an escalation is open (409), and stores nothing', async () => {
      const caseId = await triagedCase(api);
      await seedDiscussion(api, caseId, { presentOrganisationIds: ['GM0344'] });
      const wethouder = { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' };
      const escalated = await call(api, 'POST', `/cases/${caseId}/escalations`, {
        token: coordinator,
        body: {
          level: 'opschaaltafel',
          reason: 'no-suitable-offer',
          question: 'Welke aanbieder kan plaatsen?',
          mandateHolder: wethouder,
          decisionOwner: wethouder,
        },
      });
      expect(escalated.status).toBe(200);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/close`, { token: coordinator, body: CLOSE });
      expect([response.status, response.body.code]).toEqual([409, 'open-escalation-blocks-closure']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await triagedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: { result: 'klaar', note: '', closedAt: '2026-03-02' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['closedAt', 'note', 'result']);
      const badCaseId = await call(api, 'POST', '/cases/not-a-uuid/close', {
        token: coordinator,
        body: CLOSE,
      });
      expect(badCaseId.status).toBe(400);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an unknown case (404)', async () => {
      const response = await call(api, 'POST', `/cases/${randomUUID()}/close`, {
        token: coordinator,
        body: CLOSE,
      });
      expect([response.status, response.body.code]).toEqual([404, 'case-not-registered']);
    });

    it('honours If-Match: 412 on a stale version and nothing stored, success on the current one', async () => {
      const caseId = await triagedCase(api);
      const version = (await eventsOf(api, caseId)).length;
      const head = await api.store.headPosition();
      const stale = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: CLOSE,
        headers: { 'if-match': `"${version - 1}"` },
      });
      expect([stale.status, stale.body.code]).toEqual([412, 'version-mismatch']);
      expect(await api.store.headPosition()).toBe(head);
      const fresh = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: CLOSE,
        headers: { 'if-match': `W/"${version}"` },
      });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe(`"${version + 1}"`);
    });
  });

  describe('POST /cases/{caseId}/reopen (ReopenCase)', () => {
    it('reopens a closed case with a new discussion deadline, which the deadline endpoints reach', async () => {
      const caseId = await closedCase(api);
      api.clock.advanceDays(10);
      const response = await call(api, 'POST', `/cases/${caseId}/reopen`, {
        token: coordinator,
        body: REOPEN,
      });
      expect(response.status).toBe(200);
      const stored = (await eventsOf(api, caseId)).at(-1)!;
      expect(stored.type).toBe('casus.CaseReopened.v1');
      const discussionDeadlineId = `discussion-after-registration:${caseId}:reopen-1`;
      expect(stored.data).toMatchObject({
        caseId,
        reason: REOPEN.reason,
        discussionDeadlineId,
        discussionDueOn: expect.stringMatching(/^2026-\d\d-\d\d$/),
      });
      const suspended = await call(
        api,
        'POST',
        `/cases/${caseId}/deadlines/${encodeURIComponent(discussionDeadlineId)}/suspend`,
        { token: coordinator, body: { reason: 'Wacht op het ontslagbericht van de kliniek.' } },
      );
      expect(suspended.status).toBe(200);
      expect((await eventsOf(api, caseId)).at(-1)!.data).toMatchObject({ deadlineId: discussionDeadlineId });
    });

    it('refuses to reopen a case that is not closed (409)', async () => {
      const caseId = await triagedCase(api);
      const response = await call(api, 'POST', `/cases/${caseId}/reopen`, {
        token: coordinator,
        body: REOPEN,
      });
      expect([response.status, response.body.code]).toEqual([409, 'case-not-closed']);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const caseId = await closedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/reopen`, {
        token: coordinator,
        body: { reason: 'x'.repeat(2001), tableId: 'ost-utrecht' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['reason', 'tableId']);
      const missing = await call(api, 'POST', `/cases/${caseId}/reopen`, { token: coordinator, body: {} });
      expect(fieldsOf(missing.body)).toEqual(['reason']);
      expect(await api.store.headPosition()).toBe(head);
    });
  });

  describe('who may', () => {
    it('refuses liaisons (403), hides the case from other tables (404) and requires a token (401)', async () => {
      const open = await triagedCase(api);
      const closed = await closedCase(api);
      const head = await api.store.headPosition();
      const requests: Array<[string, unknown]> = [
        [`/cases/${open}/close`, CLOSE],
        [`/cases/${closed}/reopen`, REOPEN],
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
