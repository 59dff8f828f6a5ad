import type { MessageEvent } from '@nestjs/common';
import { firstValueFrom, Subject, filter, take, toArray } from 'rxjs';
import { InboxChanges, type InboxItem, type InboxQueries } from '@casusregie/projections';
import { InboxStreams, inboxEvents, lastEventIdOf } from './inbox-stream';

function item(sequence: number, organisation: string): InboxItem & { organisation: string } {
  return {
    organisation,
    notificationId: `n-${sequence}`,
    sequence,
    kind: 'responsibility-requested',
    caseId: 'c-1',
    asked: 'answer-responsibility-request',
    dueDate: '2026-03-09',
    overdue: false,
    link: '/cases/c-1',
    eventId: `e-${sequence}`,
    position: sequence,
    createdAt: '2026-03-02T09:00:00.000Z',
    acknowledged: null,
  };
}

/** An inbox in memory with the real change signal: rows are added, then published, as the projection does. */
function fakeInbox() {
  const rows: ReturnType<typeof item>[] = [];
  const changes = new InboxChanges();
  const queries = {
    after: (organisation: string, sequence: number, _today: string, limit: number) =>
      rows.filter((r) => r.organisation === organisation && r.sequence > sequence).slice(0, limit),
  } as unknown as InboxQueries;
  return {
    inbox: { queries, changes },
    add(...added: ReturnType<typeof item>[]) {
      rows.push(...added);
      changes.publish(new Set(added.map((r) => r.organisation)));
    },
  };
}

const ids = (events: MessageEvent[]) => events.map((e) => e.id);

/** Waits for `condition`, checking after every turn of the event loop, for at most two seconds. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('inboxEvents', () => {
  it('sends the backlog after the given sequence in pages, then live rows of its organisation only', async () => {
    const fake = fakeInbox();
    fake.add(...Array.from({ length: 450 }, (_, i) => item(i + 1, i % 2 === 0 ? 'A' : 'B')));
    const events$ = inboxEvents({
      inbox: fake.inbox,
      organisationId: 'A',
      after: 100,
      today: () => '2026-03-02',
      heartbeatMs: 60_000,
    });
    const received: MessageEvent[] = [];
    const subscription = events$.subscribe((e) => received.push(e));
    const expected = Array.from({ length: 450 }, (_, i) => i + 1)
      .filter((s) => s > 100 && s % 2 === 1)
      .map(String);
    await until(() => received.length >= expected.length);
    expect(ids(received)).toEqual(expected);
    expect(received[0]).toMatchObject({
      type: 'notification',
      data: expect.objectContaining({ sequence: 101 }),
    });

    fake.add(item(451, 'B'), item(452, 'A'));
    await until(() => received.length > expected.length);
    expect(ids(received).slice(expected.length)).toEqual(['452']);
    subscription.unsubscribe();
    expect(fake.inbox.changes.listenerCount).toBe(0);
  });

  it('writes a heartbeat comment every heartbeatMs and no id with it', async () => {
    const fake = fakeInbox();
    const heartbeats = await firstValueFrom(
      inboxEvents({
        inbox: fake.inbox,
        organisationId: 'A',
        after: 0,
        today: () => '2026-03-02',
        heartbeatMs: 10,
      }).pipe(take(2), toArray()),
    );
    expect(heartbeats).toEqual([{ comment: 'heartbeat' }, { comment: 'heartbeat' }]);
  });
});

describe('InboxStreams', () => {
  it('completes every open stream on shutdown, and any stream asked for afterwards at once', async () => {
    const streams = new InboxStreams();
    const source = new Subject<MessageEvent>();
    const done = firstValueFrom(streams.track(source).pipe(toArray()));
    const other = firstValueFrom(
      streams.track(source).pipe(
        filter(() => false),
        toArray(),
      ),
    );
    source.next({ data: 'x' });
    expect(streams.size).toBe(2);
    streams.onModuleDestroy();
    expect(await done).toEqual([{ data: 'x' }]);
    expect(await other).toEqual([]);
    expect(streams.size).toBe(0);
    expect(source.observed).toBe(false);
    expect(await firstValueFrom(streams.track(source).pipe(toArray()))).toEqual([]);
  });
});

describe('lastEventIdOf', () => {
  it('reads a whole number and refuses anything else', () => {
    expect(lastEventIdOf(undefined)).toBeUndefined();
    expect(lastEventIdOf(' 42 ')).toBe(42);
    expect(lastEventIdOf(['7', '8'])).toBe(7);
    for (const bad of ['-1', '1.5', 'abc', '1e3', '9'.repeat(16)]) {
      expect(() => lastEventIdOf(bad)).toThrow(expect.objectContaining({ name: 'ProblemError' }));
    }
  });

  it('treats an empty or whitespace-only Last-Event-ID as absent, as the SSE spec says', () => {
    for (const empty of ['', ' ', '\t', '  \t ', []]) expect(lastEventIdOf(empty)).toBeUndefined();
  });
});
