import type { InboxHandle, InboxItem } from '@casusregie/projections';
import { INBOX_HANDLE } from '../../apps/case-api/src/inbox/inbox.provider';
import type { EmbeddedApp } from './support/embedded-app';
import { SseClient, type SseEvent } from './support/inbox-sse';
import { type InboxWorld, startInboxWorld } from './support/inbox-world';
import type { CaseJourney } from './support/journey/case-journey';
import { type Caller, type JourneyClient, liaisonOf } from './support/journey/http';

const ZILVEREN_KRUIS = liaisonOf('3311');

const itemOf = (event: SseEvent) => JSON.parse(event.data) as InboxItem;

/**
 * GET /inbox/stream over real HTTP: a liaison's console gets each new notification of its organisation as a
 * server-sent event, reconnects with Last-Event-ID and gets exactly what it missed, and the server lets go of a
 * stream when the client leaves and ends every stream when it shuts down.
 */
describe('the inbox as server-sent events', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;
  let casus: CaseJourney;
  let world: InboxWorld;
  let nextNeed = 0;
  const clients: SseClient[] = [];
  let closed = false;

  const open = async (caller: Caller, headers: Record<string, string> = {}) => {
    const token = embedded.token({ role: caller.role, org: caller.org, sub: caller.sub });
    const sse = await SseClient.open(`${embedded.url}/inbox/stream`, {
      authorization: `Bearer ${token}`,
      ...headers,
    });
    clients.push(sse);
    return sse;
  };

  /** Asks `financier` to take the next need: one responsibility-requested notification for it. */
  const ask = (financier: string) => world.ask(world.needIds[nextNeed++], financier);

  const inbox = (): InboxHandle => embedded.app.get<symbol, InboxHandle>(INBOX_HANDLE, { strict: false });

  beforeAll(async () => {
    world = await startInboxWorld([
      'verpleging',
      'persoonlijke-verzorging',
      'begeleiding',
      'huishoudelijke-hulp',
      'dagbesteding',
    ]);
    ({ embedded, client, casus } = world);
  });
  afterAll(async () => {
    for (const sse of clients) sse.close();
    if (!closed) await embedded.close({ removeData: true });
  });

  it('sends a new notification of the organisation live, and resumes after Last-Event-ID with only the later ones', async () => {
    const live = await open(ZILVEREN_KRUIS);
    expect(live.response.status).toBe(200);
    expect(live.response.headers.get('content-type')).toContain('text/event-stream');
    // Subscribed once the server listens for the organisation's changes.
    await live.until(() => inbox().changes.listenerCount === 1, 5_000, 'listener');

    await ask('3311');
    const first = await live.next();
    expect(first.event).toBe('notification');
    const item = itemOf(first);
    expect(item).toMatchObject({ kind: 'responsibility-requested', caseId: casus.caseId });
    expect(first.id).toBe(String(item.sequence));
    expect(item.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The console closes; meanwhile two more requests for Zilveren Kruis and one for VGZ.
    live.close();
    await live.until(() => inbox().changes.listenerCount === 0, 5_000, 'server to let go of the stream');
    await ask('3311');
    await ask('7095');
    await ask('3311');
    const inboxPage = await client.read<{ items: InboxItem[] }>(
      ZILVEREN_KRUIS,
      `/inbox?minPosition=${casus.last.position}&kind=responsibility-requested`,
    );
    const missed = inboxPage.items
      .filter((n) => n.sequence > item.sequence)
      .map((n) => n.notificationId)
      .reverse();
    expect(missed).toHaveLength(2);

    const resumed = await open(ZILVEREN_KRUIS, { 'last-event-id': first.id! });
    const again = [itemOf(await resumed.next()), itemOf(await resumed.next())];
    expect(again.map((n) => n.notificationId)).toEqual(missed);
    expect(again.every((n) => n.sequence > item.sequence)).toBe(true);
    // Nothing else was queued before them: the next event is the next new notification.
    await ask('3311');
    const newest = itemOf(await resumed.next());
    expect(newest.sequence).toBeGreaterThan(again[1].sequence);
    expect(newest.caseId).toBe(casus.caseId);
    expect(resumed.events.map((e) => e.id)).toEqual([...again, newest].map((n) => String(n.sequence)));
  });

  it('refuses a Last-Event-ID that is not an event id, and a stream without a token', async () => {
    const bad = await fetch(`${embedded.url}/inbox/stream`, {
      headers: {
        authorization: `Bearer ${embedded.token({ role: 'liaison', org: '3311' })}`,
        'last-event-id': 'yesterday',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { code: string }).code).toBe('invalid-last-event-id');
    const anonymous = await fetch(`${embedded.url}/inbox/stream`);
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
  });

  it('ends every open stream when the application shuts down', async () => {
    const streams = [await open(ZILVEREN_KRUIS), await open(liaisonOf('7095'))];
    await streams[0].until(() => inbox().changes.listenerCount >= 2, 5_000, 'listeners');
    await embedded.close({ removeData: true });
    closed = true;
    for (const sse of streams) await sse.until(() => sse.ended, 5_000, 'end of the stream');
  });
});
