import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseState, initialState } from '@casusregie/domain';
import { type EventStore, SqliteEventStore, type StoredEvent } from '@casusregie/event-store';
import { nextCaseState, notificationsFor } from '@casusregie/messaging';
import type { ReadModelDatabase } from '../database/read-model-database';
import {
  CaseLog,
  CaseScript,
  ORG,
  arrangedGrensvlak,
  awaitingAnswer,
  caughtUp,
  disputedGrensvlak,
  metadata,
  moeilijkPlaatsbaar,
  quietLogger,
  rawEvent,
  referred,
  runSteps,
  type Step,
} from '../testing';
import { type InboxHandle, openInbox } from './open-inbox';
import { rebuildInbox } from './rebuild-inbox';

const T0 = '2026-03-02T08:00:00Z';
const TODAY = '2026-03-02';

/** Five cases interleaved in the log as real traffic is, each its own journey; every step one command. */
function fiveJourneys(log: CaseLog): Step[] {
  const journeys = [
    arrangedGrensvlak(new CaseScript(log, 'c-arranged'), T0),
    disputedGrensvlak(new CaseScript(log, 'c-disputed'), T0, { insurer: ORG.vgz }),
    moeilijkPlaatsbaar(new CaseScript(log, 'c-moeilijk', ORG.zwolle), T0),
    referred(new CaseScript(log, 'c-referred'), T0),
    awaitingAnswer(new CaseScript(log, 'c-awaiting', ORG.houten), T0, { insurer: ORG.cz }),
  ];
  const steps: Step[] = [];
  const longest = Math.max(...journeys.map((j) => j.length));
  for (let i = 0; i < longest; i++) for (const journey of journeys) if (journey[i]) steps.push(journey[i]);
  return steps;
}

async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  return (await store.readAll({ fromPosition: 0, maxCount: 100_000 })).events;
}

interface Expected {
  readonly notificationId: string;
  readonly kind: string;
  readonly caseId: string;
  readonly dueDate: string | null;
  readonly eventId: string;
}

/** What each organisation's inbox must hold, folded independently: every case stream from its start, in memory. */
function expectedInboxes(events: readonly StoredEvent[]): Map<string, Expected[]> {
  const states = new Map<string, CaseState>();
  const inboxes = new Map<string, Expected[]>();
  for (const event of events) {
    if (!event.streamId.startsWith('case-')) continue;
    const before = states.get(event.streamId) ?? initialState();
    const after = nextCaseState(before, event);
    states.set(event.streamId, after);
    for (const n of notificationsFor(event, before, after)) {
      const inbox = inboxes.get(n.recipientOrganisationId) ?? [];
      inbox.push({
        notificationId: n.notificationId,
        kind: n.kind,
        caseId: n.caseId,
        dueDate: n.dueDate ?? null,
        eventId: n.eventId,
      });
      inboxes.set(n.recipientOrganisationId, inbox);
    }
  }
  return inboxes;
}

function inboxOf(handle: InboxHandle, organisationId: string): Expected[] {
  return handle.queries.after(organisationId, 0, TODAY, 200).map((item) => ({
    notificationId: item.notificationId,
    kind: item.kind,
    caseId: item.caseId,
    dueDate: item.dueDate,
    eventId: item.eventId,
  }));
}

/** Every row with every column, in sequence order. */
function dump(db: ReadModelDatabase): unknown[] {
  return db.connection.prepare('SELECT * FROM inbox_notifications ORDER BY sequence').all();
}

const acknowledge = (log: CaseLog, caseId: string, notificationId: string, by: string, at: string) =>
  log.execute({
    type: 'AcknowledgeNotification',
    data: { caseId, notificationId },
    metadata: metadata(by, at, 'liaison'),
  });

describe('the inbox projection', () => {
  let store: SqliteEventStore;
  let log: CaseLog;
  let handle: InboxHandle;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    log = new CaseLog(store);
  });

  afterEach(async () => {
    await handle?.close();
    await store.close();
  });

  it('gives each organisation exactly the notifications the policy addresses to it, in log order', async () => {
    await runSteps(fiveJourneys(log));
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    await caughtUp(handle.runner, store);

    const expected = expectedInboxes(await allEvents(store));
    expect(expected.size).toBeGreaterThan(5);
    for (const [organisationId, notifications] of expected) {
      expect(inboxOf(handle, organisationId)).toEqual(notifications);
    }
    const rows = dump(handle.database) as { recipient_organisation_id: string; sequence: number }[];
    expect(rows.length).toBe([...expected.values()].reduce((n, inbox) => n + inbox.length, 0));
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    expect(inboxOf(handle, 'org-nobody')).toEqual([]);
  });

  it('gives the insurer asked its request with the due date, and no other insurer ever a request of another', async () => {
    await runSteps(fiveJourneys(log));
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    await caughtUp(handle.runner, store);
    const events = await allEvents(store);
    const requested = events.filter((e) => e.type === 'casus.FinancierRequested.v1');
    const dueOf = (caseId: string, financier: string) =>
      (
        requested.find(
          (e) =>
            e.streamId === `case-${caseId}` &&
            (e.data as { financierOrganisationId: string }).financierOrganisationId === financier,
        )?.data as { answerDueOn: string }
      ).answerDueOn;

    const vgz = handle.queries.list(ORG.vgz.organisationId, {
      today: TODAY,
      kinds: ['responsibility-requested'],
    });
    expect(vgz.items).toEqual([
      expect.objectContaining({
        caseId: 'c-disputed',
        kind: 'responsibility-requested',
        asked: 'answer-responsibility-request',
        dueDate: dueOf('c-disputed', ORG.vgz.organisationId),
        link: '/cases/c-disputed',
        acknowledged: null,
      }),
    ]);
    expect(vgz.items[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Every request row is in the inbox of exactly the financier the request event names, and of no one else.
    const rows = dump(handle.database) as {
      recipient_organisation_id: string;
      kind: string;
      event_id: string;
    }[];
    const requestRows = rows.filter((r) => r.kind === 'responsibility-requested');
    expect(requestRows.length).toBe(requested.length);
    for (const row of requestRows) {
      const cause = requested.find((e) => e.eventId === row.event_id);
      expect(row.recipient_organisation_id).toBe(
        (cause?.data as { financierOrganisationId: string }).financierOrganisationId,
      );
    }
    for (const insurer of [ORG.zilverenKruis, ORG.cz]) {
      const cases = inboxOf(handle, insurer.organisationId).map((n) => n.caseId);
      expect(cases).not.toContain('c-disputed');
    }
    expect(inboxOf(handle, ORG.cz.organisationId).map((n) => n.caseId)).toEqual(['c-awaiting']);
  });

  it('gives the same rows after restarts with a cold cache and after a rebuild', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casusregie-inbox-'));
    const filename = join(dir, 'inbox.sqlite');
    try {
      const steps = fiveJourneys(log);
      const half = Math.floor(steps.length / 2);
      // Tiny batches and a one-case cache: nearly every event needs the state stored with the checkpoint.
      const open = () => openInbox({ store, filename, logger: quietLogger, batchSize: 2, cacheSize: 1 });
      handle = open();
      handle.start();
      await runSteps(steps.slice(0, half));
      await caughtUp(handle.runner, store);
      await handle.close();
      await runSteps(steps.slice(half));
      handle = open();
      handle.start();
      await caughtUp(handle.runner, store);
      const incremental = dump(handle.database);
      await handle.close();

      const reference = openInbox({ store, filename: ':memory:', logger: quietLogger });
      reference.start();
      await caughtUp(reference.runner, store);
      expect(incremental).toEqual(dump(reference.database));
      await reference.close();

      const result = await rebuildInbox({ store, filename, logger: quietLogger, batchSize: 7 });
      expect(result.position).toBe(await store.headPosition());
      handle = open();
      expect(dump(handle.database)).toEqual(incremental);
      expect(handle.runner.checkpoint()).toBe(result.position);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks a notification acknowledged for its organisation once, with who and when; a replay keeps it', async () => {
    await runSteps(fiveJourneys(log));
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    await caughtUp(handle.runner, store);
    const [request] = handle.queries.list(ORG.vgz.organisationId, {
      today: TODAY,
      kinds: ['responsibility-requested'],
    }).items;

    // Another organisation acknowledging the id does not touch VGZ's row.
    await acknowledge(
      log,
      'c-disputed',
      request.notificationId,
      ORG.utrecht.organisationId,
      '2026-03-20T09:00:00Z',
    );
    const first = await acknowledge(
      log,
      'c-disputed',
      request.notificationId,
      ORG.vgz.organisationId,
      '2026-03-21T09:00:00Z',
    );
    // A second acknowledgement event (e.g. appended by two instances at once) changes nothing.
    await store.append(
      'case-c-disputed',
      [
        rawEvent(
          'casus.NotificationAcknowledged.v1',
          {
            caseId: 'c-disputed',
            notificationId: request.notificationId,
            organisationId: ORG.vgz.organisationId,
            kind: null,
            occurredAt: '2026-03-22T09:00:00Z',
          },
          '2026-03-22T09:00:00Z',
        ),
      ],
      first.nextExpectedVersion,
    );
    await caughtUp(handle.runner, store);

    const seen = handle.queries.find(ORG.vgz.organisationId, request.notificationId, TODAY);
    expect(seen?.acknowledged).toEqual({ at: '2026-03-21T09:00:00Z', by: `user-${ORG.vgz.organisationId}` });
    expect(handle.queries.find(ORG.utrecht.organisationId, request.notificationId, TODAY)).toBeNull();
    const open = handle.queries.list(ORG.vgz.organisationId, { today: TODAY, state: 'open' }).items;
    expect(open.map((n) => n.notificationId)).not.toContain(request.notificationId);
    const acknowledged = handle.queries.list(ORG.vgz.organisationId, { today: TODAY, state: 'acknowledged' });
    expect(acknowledged.items.map((n) => n.notificationId)).toEqual([request.notificationId]);

    const rows = dump(handle.database);
    await rebuildInbox({ store, database: handle.database, logger: quietLogger });
    expect(dump(handle.database)).toEqual(rows);
  });

  it('filters by kind, state and overdue, and pages newest first without gaps or repeats', async () => {
    await runSteps(fiveJourneys(log));
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    await caughtUp(handle.runner, store);
    const organisation = ORG.zwolle.organisationId; // the coordinators of the moeilijk plaatsbare case
    const all = handle.queries.after(organisation, 0, TODAY, 200);
    expect(all.length).toBeGreaterThan(3);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = handle.queries.list(organisation, { today: TODAY }, cursor, 2);
      pages.push(page.items.map((n) => n.notificationId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual(all.map((n) => n.notificationId).reverse());

    const kinds = [...new Set(all.map((n) => n.kind))];
    const firstKind = handle.queries.list(organisation, { today: TODAY, kinds: [kinds[0]] }).items;
    expect(firstKind.length).toBe(all.filter((n) => n.kind === kinds[0]).length);
    expect(firstKind.every((n) => n.kind === kinds[0])).toBe(true);

    // Far in the future, everything with a due date is overdue; on the first day nothing is.
    const later = '2030-01-01';
    const overdue = handle.queries.list(organisation, { today: later, overdue: true }, null, 200).items;
    expect(overdue.map((n) => n.notificationId).sort()).toEqual(
      all
        .filter((n) => n.dueDate !== null)
        .map((n) => n.notificationId)
        .sort(),
    );
    expect(overdue.every((n) => n.overdue)).toBe(true);
    expect(handle.queries.list(organisation, { today: '2026-03-01', overdue: true }).items).toEqual([]);
    const notOverdue = handle.queries.list(organisation, { today: later, overdue: false }, null, 200).items;
    expect(notOverdue.length + overdue.length).toBe(all.length);

    expect(() => handle.queries.list(organisation, { today: TODAY }, 'not-a-cursor')).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }),
    );
    expect(() => handle.queries.list('', { today: TODAY })).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });

  it("shows a missed answer in the inbox of both sides: the insurer asked and the case's coordinators", async () => {
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    await runSteps(awaitingAnswer(new CaseScript(log, 'c-late', ORG.houten), T0, { insurer: ORG.cz }));
    await log.execute({
      type: 'WatchDeadlines',
      data: { caseId: 'c-late', today: '2026-03-31', approachingWithinDays: 3 },
      metadata: metadata('casusregie', '2026-03-31T06:00:00Z', 'system'),
    });
    await caughtUp(handle.runner, store);
    const missed = (organisationId: string) =>
      handle.queries.list(organisationId, { today: '2026-03-31', kinds: ['deadline-missed'] }).items;
    const [insurer] = missed(ORG.cz.organisationId);
    const [coordinators] = missed(ORG.houten.organisationId);
    expect(insurer).toMatchObject({
      caseId: 'c-late',
      asked: 'answer-responsibility-request',
      overdue: true,
    });
    expect(coordinators).toMatchObject({
      caseId: 'c-late',
      asked: 'follow-up-missed-deadline',
      overdue: true,
    });
    expect(insurer.dueDate).toBe(coordinators.dueDate);
    expect(missed(ORG.vgz.organisationId)).toEqual([]);
  });

  it('signals new notifications per organisation after each commit', async () => {
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    const heard: string[] = [];
    const stop = handle.changes.subscribe(ORG.cz.organisationId, () => heard.push('cz'));
    handle.changes.subscribe(ORG.vgz.organisationId, () => heard.push('vgz'));
    handle.start();
    await runSteps(awaitingAnswer(new CaseScript(log, 'c-awaiting'), T0, { insurer: ORG.cz }));
    await caughtUp(handle.runner, store);
    expect(heard).toContain('cz');
    expect(heard).not.toContain('vgz');
    stop();
    expect(handle.changes.listenerCount).toBe(1);
  });

  it('stops at an event the policy cannot read, naming it, and stays at its checkpoint', async () => {
    handle = openInbox({ store, filename: ':memory:', logger: quietLogger });
    handle.start();
    const registered = await new CaseScript(log, 'c-x').register({}, T0);
    await caughtUp(handle.runner, store);
    await store.append('case-c-x', [rawEvent('casus.SomethingNew.v9', { caseId: 'c-x' })], 1);
    await handle.runner.finished();
    expect(handle.runner.status()).toMatchObject({
      state: 'failed',
      checkpoint: registered.lastGlobalPosition,
      failure: expect.objectContaining({ eventType: 'casus.SomethingNew.v9', streamId: 'case-c-x' }),
    });
  });
});
