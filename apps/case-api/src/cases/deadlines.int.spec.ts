import { registerTriagedCase } from '../../test-support/case-setup';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: 'GM0344' });

/** Registered and triaged: the discussion deadline (`discussion-after-registration:<caseId>`) runs. */
async function triagedCase(api: TestApi): Promise<{ caseId: string; deadlineId: string }> {
  const caseId = await registerTriagedCase(api, coordinator, {
    caseType: 'overig',
    urgency: 'normaal',
    summary: 'Stapeling van schulden, huisvesting en zorg; niemand neemt regie.',
  });
  return { caseId, deadlineId: `discussion-after-registration:${caseId}` };
}

/** The deadline id in a path, with its colons URL-encoded. */
const encoded = (deadlineId: string) => encodeURIComponent(deadlineId);

async function lastEvent(api: TestApi, caseId: string) {
  return (await api.store.readStream(`case-${caseId}`)).at(-1)!;
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return [...new Set((body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
}

const SUSPEND = { reason: 'Wacht op medische gegevens van de huisarts.' };
const EXTEND = { reason: 'Extra overleg met het zorgkantoor nodig.', newDueDate: '2026-04-15' };
const CLOSE = { reason: 'Besproken in het casusoverleg van de wijk; tafel niet nodig.' };

describe('deadline endpoints over HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/deadlines/{deadlineId}/suspend and /resume', () => {
    it('suspends and resumes a deadline; the colon in its id may be URL-encoded or not', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const suspended = await call(api, 'POST', `/cases/${caseId}/deadlines/${encoded(deadlineId)}/suspend`, {
        token: coordinator,
        body: SUSPEND,
      });
      expect(suspended.status).toBe(200);
      expect(suspended.body.events).toEqual([
        { eventId: expect.any(String), type: 'casus.DeadlineSuspended.v1' },
      ]);
      expect((await lastEvent(api, caseId)).data).toMatchObject({
        caseId,
        deadlineId,
        reason: SUSPEND.reason,
      });

      api.clock.advanceDays(2);
      const resumed = await call(api, 'POST', `/cases/${caseId}/deadlines/${deadlineId}/resume`, {
        token: coordinator,
      });
      expect(resumed.status).toBe(200);
      const stored = await lastEvent(api, caseId);
      expect(stored.type).toBe('casus.DeadlineResumed.v1');
      expect(stored.data).toEqual({ caseId, deadlineId, occurredAt: '2026-03-04T09:00:00.000Z' });
    });

    it('refuses to suspend twice or to resume a running deadline (409 deadline-refused)', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}`;
      const notSuspended = await call(api, 'POST', `${path}/resume`, { token: coordinator });
      expect([notSuspended.status, notSuspended.body.code, notSuspended.body.rule]).toEqual([
        409,
        'deadline-refused',
        'deadline.not-suspended',
      ]);
      expect((await call(api, 'POST', `${path}/suspend`, { token: coordinator, body: SUSPEND })).status).toBe(
        200,
      );
      const twice = await call(api, 'POST', `${path}/suspend`, { token: coordinator, body: SUSPEND });
      expect([twice.status, twice.body.code, twice.body.rule]).toEqual([
        409,
        'deadline-refused',
        'deadline.already-suspended',
      ]);
    });

    it('refuses bad input, a body on resume and a malformed deadline id with 400, and stores nothing', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const head = await api.store.headPosition();
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}`;
      const noReason = await call(api, 'POST', `${path}/suspend`, {
        token: coordinator,
        body: { reason: 'x'.repeat(2001), until: '2026-04-01' },
      });
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason', 'until']);
      const resumeWithBody = await call(api, 'POST', `${path}/resume`, { token: coordinator, body: SUSPEND });
      expect(resumeWithBody.status).toBe(400);
      expect(fieldsOf(resumeWithBody.body)).toEqual(['reason']);
      const badId = await call(api, 'POST', `/cases/${caseId}/deadlines/no-colon/suspend`, {
        token: coordinator,
        body: SUSPEND,
      });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['deadlineId']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an unknown deadline (404)', async () => {
      const { caseId } = await triagedCase(api);
      const response = await call(
        api,
        'POST',
        `/cases/${caseId}/deadlines/${encoded('liaison-answer:req-9')}/suspend`,
        {
          token: coordinator,
          body: SUSPEND,
        },
      );
      expect([response.status, response.body.code]).toEqual([404, 'deadline-not-found']);
    });
  });

  describe('POST /cases/{caseId}/deadlines/{deadlineId}/extend', () => {
    it('extends a deadline once, to a later date, with a reason', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}/extend`;
      const response = await call(api, 'POST', path, { token: coordinator, body: EXTEND });
      expect(response.status).toBe(200);
      const stored = await lastEvent(api, caseId);
      expect(stored.type).toBe('casus.DeadlineExtended.v1');
      expect(stored.data).toMatchObject({ caseId, deadlineId, ...EXTEND });
      const again = await call(api, 'POST', path, {
        token: coordinator,
        body: { ...EXTEND, newDueDate: '2026-05-01' },
      });
      expect([again.status, again.body.code]).toEqual([409, 'deadline-refused']);
    });

    it('refuses a due date that is not later (409 deadline-refused) or has passed (422 due-date-in-past)', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}/extend`;
      const notLater = await call(api, 'POST', path, {
        token: coordinator,
        body: { ...EXTEND, newDueDate: '2026-03-03' },
      });
      expect([notLater.status, notLater.body.code]).toEqual([409, 'deadline-refused']);
      api.clock.advanceDays(30); // 1 April: the deadline was missed
      const passed = await call(api, 'POST', path, {
        token: coordinator,
        body: { ...EXTEND, newDueDate: '2026-03-25' },
      });
      expect([passed.status, passed.body.code]).toEqual([422, 'due-date-in-past']);
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/deadlines/${encoded(deadlineId)}/extend`, {
        token: coordinator,
        body: { reason: '', newDueDate: '2026-13-01' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['newDueDate', 'reason']);
      const withTime = await call(api, 'POST', `/cases/${caseId}/deadlines/${encoded(deadlineId)}/extend`, {
        token: coordinator,
        body: { ...EXTEND, newDueDate: '2026-04-15T12:00:00Z' },
      });
      // The same message for every date field of every command (cf. the agenda's session date in group A).
      expect(withTime.body.errors).toEqual([
        { field: 'newDueDate', messages: ['newDueDate must be an existing calendar date (YYYY-MM-DD)'] },
      ]);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('honours If-Match: 412 on a stale version and nothing stored, success on the current one', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}/extend`;
      const head = await api.store.headPosition();
      const stale = await call(api, 'POST', path, {
        token: coordinator,
        body: EXTEND,
        headers: { 'if-match': '"1"' },
      });
      expect([stale.status, stale.body.code]).toEqual([412, 'version-mismatch']);
      expect(await api.store.headPosition()).toBe(head);
      const version = (await api.store.readStream(`case-${caseId}`)).length;
      const fresh = await call(api, 'POST', path, {
        token: coordinator,
        body: EXTEND,
        headers: { 'if-match': `"${version}"` },
      });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe(`"${version + 1}"`);
    });
  });

  describe('POST /cases/{caseId}/deadlines/{deadlineId}/close', () => {
    it('closes a deadline that does not apply; a closed deadline cannot be suspended', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}`;
      const response = await call(api, 'POST', `${path}/close`, { token: coordinator, body: CLOSE });
      expect(response.status).toBe(200);
      const stored = await lastEvent(api, caseId);
      expect(stored.type).toBe('casus.DeadlineClosed.v1');
      expect(stored.data).toMatchObject({ caseId, deadlineId, reason: CLOSE.reason });
      const suspend = await call(api, 'POST', `${path}/suspend`, { token: coordinator, body: SUSPEND });
      expect([suspend.status, suspend.body.code]).toEqual([409, 'deadline-refused']);
    });

    it('refuses bad input (400) and any deadline command on a closed case (409)', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const path = `/cases/${caseId}/deadlines/${encoded(deadlineId)}/close`;
      const bad = await call(api, 'POST', path, { token: coordinator, body: { reason: ['x'] } });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['reason']);
      const closed = await call(api, 'POST', `/cases/${caseId}/close`, {
        token: coordinator,
        body: { result: 'no-longer-needed' },
      });
      expect(closed.status).toBe(200);
      const afterClosure = await call(api, 'POST', path, { token: coordinator, body: CLOSE });
      expect([afterClosure.status, afterClosure.body.code]).toEqual([409, 'case-closed']);
    });
  });

  describe('who may', () => {
    it('refuses liaisons (403), hides the case from other tables (404) and requires a token (401)', async () => {
      const { caseId, deadlineId } = await triagedCase(api);
      const base = `/cases/${caseId}/deadlines/${encoded(deadlineId)}`;
      const head = await api.store.headPosition();
      const requests: Array<[string, unknown]> = [
        [`${base}/suspend`, SUSPEND],
        [`${base}/resume`, undefined],
        [`${base}/extend`, EXTEND],
        [`${base}/close`, CLOSE],
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
