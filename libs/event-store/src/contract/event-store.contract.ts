import type { EventStore } from '../port/event-store.port';
import type { StoredEvent } from '../port/envelope';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  InvalidAppendError,
  StreamNotFoundError,
} from '../port/errors';
import { testEvent, testEvents, uniqueStream } from './test-events';

export interface ContractSubject {
  readonly store: EventStore;
  /** Whether global positions are dense (1, 2, 3...). True for SQLite; EventStoreDB commit positions are not. */
  readonly densePositions: boolean;
  dispose(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must show. Call it from an adapter's spec with a factory that gives
 * a fresh, empty store per test.
 */
export function eventStoreContract(adapterName: string, createSubject: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await createSubject();
      store = subject.store;
    });
    afterEach(async () => subject.dispose());

    describe('append to a new stream', () => {
      it('stores the full envelope and reports version and positions', async () => {
        const stream = uniqueStream();
        const events = testEvents(3);
        const result = await store.append(stream, events, 'no_stream');

        expect(result.streamId).toBe(stream);
        expect(result.nextExpectedVersion).toBe(3);
        expect(result.lastGlobalPosition).toBeGreaterThan(result.firstGlobalPosition);

        const stored = await store.readStream(stream);
        expect(stored.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
        expect(stored.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
        expect(stored[0]).toMatchObject({ type: 'test.Something.v1', streamId: stream, data: { n: 0 } });
        expect(stored[0].metadata).toMatchObject(events[0].metadata);
        expect(Date.parse(stored[0].metadata.recordedAt)).not.toBeNaN();
        expect(stored[0].chainHash).toMatch(/^[0-9a-f]{64}$/);
        expect(stored[2].globalPosition).toBe(result.lastGlobalPosition);
        expect(stored[0].globalPosition).toBe(result.firstGlobalPosition);
      });

      it('counts versions from 0 for an empty stream: expected 0, then 1', async () => {
        const stream = uniqueStream();
        expect((await store.append(stream, [testEvent()], 0)).nextExpectedVersion).toBe(1);
        expect((await store.append(stream, [testEvent()], 1)).nextExpectedVersion).toBe(2);
        expect(await store.streamVersion(stream)).toBe(2);
      });
    });

    describe('expected version', () => {
      it('accepts a matching number and refuses another one with expected and actual', async () => {
        const stream = uniqueStream();
        await store.append(stream, testEvents(2), 'no_stream');
        await expect(store.append(stream, [testEvent()], 2)).resolves.toMatchObject({
          nextExpectedVersion: 3,
        });
        const error = await store.append(stream, [testEvent()], 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: stream, expected: 1, actual: 3 });
      });

      it('no_stream refuses an existing stream', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent()], 'no_stream');
        await expect(store.append(stream, [testEvent()], 'no_stream')).rejects.toMatchObject({
          expected: 'no_stream',
          actual: 1,
        });
      });

      it('stream_exists refuses an absent stream and accepts an existing one', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [testEvent()], 'stream_exists')).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
        await store.append(stream, [testEvent()], 'any');
        await expect(store.append(stream, [testEvent()], 'stream_exists')).resolves.toMatchObject({
          nextExpectedVersion: 2,
        });
      });

      it('any appends whatever the version', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent()], 'any');
        await expect(store.append(stream, [testEvent()], 'any')).resolves.toMatchObject({
          nextExpectedVersion: 2,
        });
      });

      it('a refused append stores nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent()], 'no_stream');
        const head = await store.headPosition();
        await expect(store.append(stream, testEvents(3), 0)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('idempotency by event id', () => {
      it('a retried append returns the original result and stores nothing twice', async () => {
        const stream = uniqueStream();
        const events = testEvents(2);
        const first = await store.append(stream, events, 'no_stream');
        const retry = await store.append(stream, events, 'no_stream');
        expect(retry).toEqual(first);
        await store.append(stream, [testEvent()], 2);
        expect(await store.append(stream, events, 'no_stream')).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses an event id already stored in another stream, storing nothing', async () => {
        const event = testEvent();
        await store.append(uniqueStream(), [event], 'no_stream');
        const other = uniqueStream();
        await expect(store.append(other, [event], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.streamExists(other)).toBe(false);
      });

      it('refuses a batch that only partly repeats stored ids, atomically', async () => {
        const stream = uniqueStream();
        const stored = testEvent();
        await store.append(stream, [stored], 'no_stream');
        const head = await store.headPosition();
        await expect(store.append(stream, [testEvent(), stored], 'any')).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect(await store.headPosition()).toBe(head);
      });

      it('concurrent duplicates of one append store it once', async () => {
        const stream = uniqueStream();
        const events = testEvents(2);
        const results = await Promise.all([1, 2, 3].map(() => store.append(stream, events, 'no_stream')));
        expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('concurrency', () => {
      it('of N concurrent appends with the same expected version exactly one wins', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(stream, [testEvent()], 1)),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const o of lost) expect(o.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('concurrent appends to different streams all win with unique positions', async () => {
        const streams = Array.from({ length: 50 }, () => uniqueStream());
        const before = await store.headPosition();
        const results = await Promise.all(streams.map((s) => store.append(s, testEvents(2), 'no_stream')));
        const positions = results.flatMap((r) => [r.firstGlobalPosition, r.lastGlobalPosition]);
        expect(new Set(positions).size).toBe(100);
        if (subject.densePositions) {
          expect([...positions].sort((a, b) => a - b)).toEqual(
            Array.from({ length: 100 }, (_, i) => before + i + 1),
          );
        }
      });

      it('one failing expectation among concurrent appends fails only that append', async () => {
        const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
        await store.append(b, [testEvent()], 'no_stream');
        const outcomes = await Promise.allSettled([
          store.append(a, [testEvent()], 'no_stream'),
          store.append(b, [testEvent()], 'no_stream'),
          store.append(c, [testEvent()], 'no_stream'),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.streamVersion(a)).toBe(1);
        expect(await store.streamVersion(b)).toBe(1);
        expect(await store.streamVersion(c)).toBe(1);
      });
    });

    describe('reading a stream', () => {
      it('pages forwards and backwards from a version with a maximum count', async () => {
        const stream = uniqueStream();
        await store.append(stream, testEvents(10), 'no_stream');
        const versions = (events: StoredEvent[]) => events.map((e) => e.streamVersion);
        expect(versions(await store.readStream(stream, { fromVersion: 3, maxCount: 4 }))).toEqual([
          3, 4, 5, 6,
        ]);
        expect(versions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([
          9, 8, 7,
        ]);
        expect(versions(await store.readStream(stream, { direction: 'backwards', fromVersion: 2 }))).toEqual([
          2, 1, 0,
        ]);
        expect(await store.readStream(stream, { fromVersion: 10 })).toEqual([]);
      });

      it('reports an absent stream with a typed not-found', async () => {
        const stream = uniqueStream();
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await store.streamExists(stream)).toBe(false);
        expect(await store.streamVersion(stream)).toBe(0);
      });
    });

    describe('reading all', () => {
      it('reads the global log in order, in pages, from an exclusive position', async () => {
        const start = await store.headPosition();
        for (let i = 0; i < 5; i++) await store.append(uniqueStream(), testEvents(3), 'no_stream');
        const seen: StoredEvent[] = [];
        let position = start;
        for (;;) {
          const page = await store.readAll({ fromPosition: position, maxCount: 4 });
          seen.push(...page.events);
          position = page.nextPosition;
          if (page.isEnd) break;
        }
        expect(seen).toHaveLength(15);
        const positions = seen.map((e) => e.globalPosition);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions[0]).toBeGreaterThan(start);
        expect(position).toBe(await store.headPosition());
      });

      it('filters by stream prefix and by event type, still moving the position forward', async () => {
        const start = await store.headPosition();
        await store.append(
          uniqueStream('case-'),
          [testEvent('casus.A.v1'), testEvent('casus.B.v1')],
          'no_stream',
        );
        await store.append(uniqueStream('other-'), [testEvent('casus.A.v1')], 'no_stream');
        await store.append(uniqueStream('case-'), [testEvent('casus.C.v1')], 'no_stream');

        const byPrefix = await store.readAll({ fromPosition: start, streamPrefix: 'case-' });
        expect(byPrefix.events.map((e) => e.type)).toEqual(['casus.A.v1', 'casus.B.v1', 'casus.C.v1']);

        const byType = await store.readAll({ fromPosition: start, eventTypes: ['casus.A.v1'] });
        expect(byType.events).toHaveLength(2);

        const both = await store.readAll({
          fromPosition: start,
          streamPrefix: 'case-',
          eventTypes: ['casus.A.v1'],
        });
        expect(both.events).toHaveLength(1);
        expect(both.isEnd).toBe(true);
        expect(both.nextPosition).toBe(await store.headPosition());

        const none = await store.readAll({ fromPosition: start, eventTypes: ['nothing.v1'] });
        expect(none).toMatchObject({ events: [], isEnd: true, nextPosition: await store.headPosition() });
      });
    });

    describe('subscription to all', () => {
      it('catches up, then continues live with no gap and no duplicate while appends continue', async () => {
        const stream = uniqueStream('sub-');
        await store.append(stream, testEvents(30), 'no_stream');
        const subscription = store.subscribeToAll({ streamPrefix: 'sub-', pageSize: 7 });
        const writer = (async () => {
          for (let i = 0; i < 30; i++) await store.append(stream, [testEvent('test.Live.v1', { i })], 'any');
        })();
        const received: StoredEvent[] = [];
        for await (const event of subscription) {
          received.push(event);
          if (received.length === 60) subscription.stop();
        }
        await writer;
        expect(received.map((e) => e.streamVersion)).toEqual(Array.from({ length: 60 }, (_, i) => i));
        expect(new Set(received.map((e) => e.eventId)).size).toBe(60);
      });

      it('resumes after a stored checkpoint with exactly the remaining events', async () => {
        const stream = uniqueStream('resume-');
        await store.append(stream, testEvents(10), 'no_stream');
        const first = store.subscribeToAll({ streamPrefix: 'resume-' });
        let handled = 0;
        for await (const event of first) {
          await store.checkpoints.store('contract-processor', event.globalPosition);
          if (++handled === 4) break;
        }
        await store.append(stream, testEvents(2), 'any');

        const checkpoint = await store.checkpoints.load('contract-processor');
        const rest: number[] = [];
        const second = store.subscribeToAll({ fromPosition: checkpoint, streamPrefix: 'resume-' });
        for await (const event of second) {
          rest.push(event.streamVersion);
          if (rest.length === 8) second.stop();
        }
        expect(rest).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
      });

      it('stop ends a subscription that waits for new events', async () => {
        const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        setTimeout(() => subscription.stop(), 20);
        await expect(pending).resolves.toMatchObject({ done: true });
      });

      it('an abort signal stops it too', async () => {
        const controller = new AbortController();
        const subscription = store.subscribeToAll({
          signal: controller.signal,
          fromPosition: await store.headPosition(),
        });
        setTimeout(() => controller.abort(), 20);
        const received: StoredEvent[] = [];
        for await (const event of subscription) received.push(event);
        expect(received).toEqual([]);
      });
    });

    describe('checkpoints', () => {
      it('load 0 for an unknown processor and the last stored position otherwise', async () => {
        expect(await store.checkpoints.load('never-ran')).toBe(0);
        await store.checkpoints.store('p', 5);
        await store.checkpoints.store('p', 9);
        expect(await store.checkpoints.load('p')).toBe(9);
      });
    });

    describe('payloads', () => {
      it('round-trips a 1 MB event and any Unicode exactly', async () => {
        const stream = uniqueStream();
        const unicode =
          'Zoë, Ĳssel, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧑‍⚕️, عربي, 中文, \u0000 nul, lone \ud800 surrogate, "quotes" \\ \n';
        const big = 'x'.repeat(1024 * 1024);
        await store.append(
          stream,
          [testEvent('test.Big.v1', { big, unicode, nested: { list: [1, 2.5, null, true] } })],
          'no_stream',
        );
        const [stored] = await store.readStream(stream);
        expect(stored.data).toEqual({ big, unicode, nested: { list: [1, 2.5, null, true] } });
      });

      it('refuses malformed appends with a typed error and stores nothing', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('', [testEvent()], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(stream, [testEvent()], -1)).rejects.toBeInstanceOf(InvalidAppendError);
        const twice = testEvent();
        await expect(store.append(stream, [twice, twice], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(
          store.append(stream, [{ ...testEvent(), data: undefined }], 'any'),
        ).rejects.toBeInstanceOf(InvalidAppendError);
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        await expect(store.append(stream, [testEvent('t.v1', cyclic)], 'any')).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        expect(await store.streamExists(stream)).toBe(false);
      });
    });

    describe('hash chain', () => {
      it('verifies over the whole log and over a sub-range', async () => {
        for (let i = 0; i < 5; i++) await store.append(uniqueStream(), testEvents(4), 'no_stream');
        const head = await store.headPosition();
        await expect(store.verifyChain()).resolves.toMatchObject({ ok: true, checkedEvents: head });
        await expect(store.verifyChain({ fromPosition: 5, toPosition: 12 })).resolves.toMatchObject({
          ok: true,
          checkedEvents: 8,
        });
      });
    });
  });
}
