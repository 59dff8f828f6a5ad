import type { InboxItem } from '@casusregie/projections';
import type { EmbeddedApp } from './support/embedded-app';
import { startInboxWorld } from './support/inbox-world';
import type { CaseJourney } from './support/journey/case-journey';
import { type Caller, type JourneyClient, auditor, isProblemJson, liaisonOf } from './support/journey/http';

interface InboxPage {
  readonly organisationId: string;
  readonly today: string;
  readonly asOfPosition: number;
  readonly items: InboxItem[];
  readonly nextCursor: string | null;
}

const ZILVEREN_KRUIS = liaisonOf('3311');
const VGZ = liaisonOf('7095');

/**
 * The liaison inbox over real HTTP: a coordinator asks insurers to take responsibility for needs; each insurer's
 * liaison finds exactly its own requests in its inbox, with the due date, filters and pages them, and acknowledges
 * them (recorded on the case). Another insurer sees nothing of it and cannot acknowledge it.
 */
describe('the liaison inbox', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;
  let casus: CaseJourney;
  const requests: { needId: string; requestId: string; financier: string }[] = [];

  const inbox = (caller: Caller, query = '') =>
    client.read<InboxPage>(caller, `/inbox?minPosition=${casus.last.position}${query}`);

  beforeAll(async () => {
    const world = await startInboxWorld(['verpleging', 'persoonlijke-verzorging', 'begeleiding']);
    ({ embedded, client, casus } = world);
    // Two requests to Zilveren Kruis, one to VGZ.
    for (const [needId, financier] of [
      [world.needIds[0], '3311'],
      [world.needIds[1], '3311'],
      [world.needIds[2], '7095'],
    ] as const) {
      requests.push({ needId, financier, ...(await world.ask(needId, financier)) });
    }
  });
  afterAll(() => embedded.close({ removeData: true }));

  async function answerDueOn(financier: string): Promise<string[]> {
    const events = await embedded.store.readStream(`case-${casus.caseId}`);
    return events
      .filter((e) => e.type === 'casus.FinancierRequested.v1')
      .map((e) => e.data as { financierOrganisationId: string; answerDueOn: string })
      .filter((d) => d.financierOrganisationId === financier)
      .map((d) => d.answerDueOn);
  }

  it('shows a liaison the requests addressed to its organisation, with their due dates, and nothing else', async () => {
    const page = await inbox(ZILVEREN_KRUIS, '&kind=responsibility-requested');
    expect(page.organisationId).toBe('3311');
    expect(page.asOfPosition).toBeGreaterThanOrEqual(casus.last.position);
    expect(page.items).toHaveLength(2);
    expect(page.items.map((n) => n.dueDate)).toEqual((await answerDueOn('3311')).reverse());
    for (const item of page.items) {
      expect(item).toMatchObject({
        kind: 'responsibility-requested',
        caseId: casus.caseId,
        asked: 'answer-responsibility-request',
        link: `/cases/${casus.caseId}`,
        overdue: false,
        acknowledged: null,
      });
      expect(item.dueDate).toMatch(/^2026-03-\d{2}$/);
      // Thin: ids, codes and dates only.
      expect(JSON.stringify(item)).not.toMatch(/ziekenhuisopname|Neemt u dit op|verzekeraar/);
    }

    const vgz = await inbox(VGZ);
    expect(vgz.items.map((n) => n.kind)).toEqual(['responsibility-requested']);
    expect(vgz.items[0].dueDate).toBe((await answerDueOn('7095'))[0]);
    const ids = new Set(page.items.map((n) => n.notificationId));
    expect(vgz.items.some((n) => ids.has(n.notificationId))).toBe(false);
  });

  it('filters by kind, state and overdue, and pages with a cursor', async () => {
    const all = await inbox(ZILVEREN_KRUIS);
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect((await inbox(ZILVEREN_KRUIS, '&kind=offer-requested')).items).toEqual([]);
    expect((await inbox(ZILVEREN_KRUIS, '&state=open')).items).toEqual(all.items);
    expect((await inbox(ZILVEREN_KRUIS, '&state=acknowledged')).items).toEqual([]);
    expect((await inbox(ZILVEREN_KRUIS, '&overdue=true')).items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: InboxPage = await inbox(ZILVEREN_KRUIS, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((n) => n.notificationId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.items.map((n) => n.notificationId));

    const bad = await client.request(ZILVEREN_KRUIS, '/inbox?kind=gossip&state=maybe&limit=0');
    expect(bad.status).toBe(400);
    expect(isProblemJson(bad)).toBe(true);
    expect(((bad.body as { errors: { field: string }[] }).errors ?? []).map((e) => e.field).sort()).toEqual([
      'kind',
      'limit',
      'state',
    ]);
  });

  it('marks a request overdue once its due date has passed', async () => {
    const [latest] = (await answerDueOn('3311')).sort().reverse();
    const before = embedded.clock.now();
    embedded.clock.set(`${latest}T23:30:00.000Z`); // already the next day in the Netherlands
    try {
      const overdue = await inbox(ZILVEREN_KRUIS, '&overdue=true');
      expect(overdue.items).toHaveLength(2);
      expect(overdue.items.every((n) => n.overdue && n.kind === 'responsibility-requested')).toBe(true);
      expect((await inbox(ZILVEREN_KRUIS, '&overdue=false')).items.map((n) => n.kind)).not.toContain(
        'responsibility-requested',
      );
    } finally {
      embedded.clock.set(before);
    }
  });

  it('records an acknowledgement on the case once, with who and when; another insurer gets 404', async () => {
    const [request] = (await inbox(ZILVEREN_KRUIS, '&kind=responsibility-requested')).items;
    const path = `/inbox/${request.notificationId}/acknowledge`;

    // Another insurer, and the auditor, cannot acknowledge it; nothing is stored.
    const head = await embedded.store.headPosition();
    const other = await client.post(VGZ, path);
    expect(other.status).toBe(404);
    expect(isProblemJson(other)).toBe(true);
    expect(other.text).not.toContain(casus.caseId);
    expect((await client.post(auditor, path)).status).toBe(403);
    expect(await embedded.store.headPosition()).toBe(head);

    const first = await client.post<{ caseId: string; version: number; position: number; events: unknown[] }>(
      ZILVEREN_KRUIS,
      path,
      undefined,
      { 'idempotency-key': 'ack-zk-00000001' },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      caseId: casus.caseId,
      events: [{ type: 'casus.NotificationAcknowledged.v1' }],
    });
    expect(first.headers.get('etag')).toBe(`"${first.body.version}"`);
    const retried = await client.post(ZILVEREN_KRUIS, path, undefined, {
      'idempotency-key': 'ack-zk-00000001',
    });
    expect(retried.body).toEqual(first.body);

    const again = await client.post<{ version: number; position: number; events: unknown[] }>(
      ZILVEREN_KRUIS,
      path,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: first.body.version, events: [] });

    const stream = await embedded.store.readStream(`case-${casus.caseId}`);
    const acknowledgements = stream.filter((e) => e.type === 'casus.NotificationAcknowledged.v1');
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]).toMatchObject({
      globalPosition: first.body.position,
      data: { caseId: casus.caseId, notificationId: request.notificationId, organisationId: '3311' },
      metadata: { actor: { userId: 'u-liaison-3311', organisationId: '3311', role: 'liaison' } },
    });

    const seen = await client.read<InboxPage>(
      ZILVEREN_KRUIS,
      `/inbox?state=acknowledged&minPosition=${first.body.position}`,
    );
    expect(seen.items).toEqual([
      expect.objectContaining({
        notificationId: request.notificationId,
        acknowledged: { at: embedded.clock.now().toISOString(), by: 'u-liaison-3311' },
        overdue: false,
      }),
    ]);
    const open = await client.read<InboxPage>(ZILVEREN_KRUIS, `/inbox?state=open`);
    expect(open.items.map((n) => n.notificationId)).not.toContain(request.notificationId);

    // Acknowledged is no longer overdue, even long after its due date.
    const before = embedded.clock.now();
    embedded.clock.set('2026-06-01T09:00:00.000Z');
    try {
      const overdue = await client.read<InboxPage>(ZILVEREN_KRUIS, '/inbox?overdue=true');
      expect(overdue.items.map((n) => n.notificationId)).not.toContain(request.notificationId);
      expect(overdue.items).toHaveLength(1);
    } finally {
      embedded.clock.set(before);
    }
  });

  it("keeps organisations' inboxes apart: no reading another's, except for auditors", async () => {
    const forbidden = await client.request(ZILVEREN_KRUIS, '/inbox?organisation=7095');
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).not.toContain(casus.caseId);
    const audited = await client.read<InboxPage>(auditor, '/inbox?organisation=3311');
    expect(audited.organisationId).toBe('3311');
    expect(audited.items.length).toBeGreaterThanOrEqual(2);
    const stranger = await client.read<InboxPage>(liaisonOf('0203'), '/inbox');
    expect(stranger.items).toEqual([]);
    const admin = await client.request({ role: 'admin', org: 'GM0344' }, '/inbox');
    expect(admin.status).toBe(403);
  });

  it("shows the coordinators a rejection, and answering stays the case's own command", async () => {
    const asked = requests.find((r) => r.financier === '7095')!;
    await casus.rejectAs('7095', asked.needId, asked.requestId, {
      reasonCode: 'other-law-applies',
      explanation: 'Valt onder de Wmo.',
      referralLawDomain: 'Wmo',
    });
    const coordinator = await inbox(casus.coordinator, '&kind=responsibility-rejected');
    expect(coordinator.organisationId).toBe('GM0344');
    expect(coordinator.items).toEqual([
      expect.objectContaining({ caseId: casus.caseId, asked: 'propose-another-financier', dueDate: null }),
    ]);
  });
});
