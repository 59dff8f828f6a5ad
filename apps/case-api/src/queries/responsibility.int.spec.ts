import { randomUUID } from 'node:crypto';
import { registerSubject } from '../../test-support/subjects';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const auditor = testToken({ role: 'auditor', org: 'AUDIT' });
const unrelatedLiaison = testToken({ role: 'liaison', org: '7095' });

describe('responsibility queries over HTTP', () => {
  let api: TestApi;
  let caseId: string;

  beforeEach(async () => {
    api = await startTestApi('2026-03-02T09:00:00.000Z');
    const created = await call(api, 'POST', '/cases', {
      token: coordinator,
      body: {
        caseType: 'grensvlak',
        urgency: 'normaal',
        summary: 'Wijkverpleging of persoonlijke verzorging?',
        subjectId: await registerSubject(api, coordinator),
        tableId: 'mwt-utrecht',
        aanbrengerCode: 'GM0344',
        regiehouderCode: 'GM0344',
      },
    });
    caseId = created.body.caseId as string;
    api.clock.advanceDays(2);
    await call(api, 'POST', `/cases/${caseId}/triage`, {
      token: coordinator,
      body: { outcome: 'accept-for-table' },
    });
  });
  afterEach(() => api.close());

  it('gives one snapshot per event of the stream', async () => {
    const steps = await call(api, 'GET', `/cases/${caseId}/responsibility/steps`, { token: coordinator });
    expect(steps.status).toBe(200);
    const events = await api.store.readStream(`case-${caseId}`);
    const snapshots = steps.body.steps as Array<{ after: { eventId: string } }>;
    expect(snapshots.map((s) => s.after.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('answers as it was on a date, at a position, or now', async () => {
    const events = await api.store.readStream(`case-${caseId}`);
    const before = await call(api, 'GET', `/cases/${caseId}/responsibility?at=2026-03-01`, {
      token: coordinator,
    });
    expect(before.body).toMatchObject({ after: null, needs: [], gaps: [] });
    const onRegistrationDay = await call(api, 'GET', `/cases/${caseId}/responsibility?at=2026-03-02`, {
      token: coordinator,
    });
    expect((onRegistrationDay.body.after as { type: string }).type).toBe('casus.CaseRegistered.v1');
    const atFirst = await call(api, 'GET', `/cases/${caseId}/responsibility?at=${events[0].globalPosition}`, {
      token: auditor,
    });
    expect((atFirst.body.after as { eventId: string }).eventId).toBe(events[0].eventId);
    const now = await call(api, 'GET', `/cases/${caseId}/responsibility`, { token: coordinator });
    expect((now.body.after as { eventId: string }).eventId).toBe(events.at(-1)!.eventId);
  });

  it('refuses a malformed moment with 400 and hides the case from those who may not see it', async () => {
    expect(
      (await call(api, 'GET', `/cases/${caseId}/responsibility?at=yesterday`, { token: coordinator })).status,
    ).toBe(400);
    expect(
      (await call(api, 'GET', `/cases/${caseId}/responsibility`, { token: otherCoordinator })).status,
    ).toBe(404);
    expect(
      (await call(api, 'GET', `/cases/${caseId}/responsibility`, { token: unrelatedLiaison })).status,
    ).toBe(404);
    expect((await call(api, 'GET', `/cases/${randomUUID()}/responsibility`, { token: auditor })).status).toBe(
      404,
    );
    expect((await call(api, 'GET', `/cases/not-a-uuid/responsibility`, { token: auditor })).status).toBe(400);
  });
});
