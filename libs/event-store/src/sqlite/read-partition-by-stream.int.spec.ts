import type { StoredEvent } from '../port/envelope';
import { testEvent } from '../contract/test-events';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore.readPartitionByStream', () => {
  let store: SqliteEventStore;
  let all: StoredEvent[];

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    // Interleaved appends: the log order is not the stream order. Streams of other prefixes sort before and
    // after the case streams ('case' and 'case.' right next to them).
    const streams = ['case-b1', 'case-a2', 'alpha-3', 'case-c3', 'zulu-4', 'case-a5', 'case.', 'case'];
    for (let round = 0; round < 4; round++) {
      for (const [i, stream] of streams.entries()) {
        if ((round + i) % 3 === 2) continue;
        await store.append(stream, [testEvent('test.Something.v1', { round, stream })], 'any');
      }
    }
    all = (await store.readAll({ maxCount: 1000 })).events;
  });

  afterAll(() => store.close());

  async function readAllPages(options: {
    toPosition: number;
    partition: { count: number; index: number };
    maxCount: number;
  }): Promise<StoredEvent[]> {
    const read: StoredEvent[] = [];
    let after: { streamId: string; streamVersion: number } | null = null;
    for (;;) {
      const page = await store.readPartitionByStream({ ...options, after, streamPrefix: 'case-' });
      read.push(...page);
      if (page.length < options.maxCount) return read;
      const last = page[page.length - 1];
      after = { streamId: last.streamId, streamVersion: last.streamVersion };
    }
  }

  const byStream = (a: StoredEvent, b: StoredEvent) =>
    a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.streamVersion - b.streamVersion;
  const ids = (events: readonly StoredEvent[]) => events.map((e) => `${e.streamId}@${e.streamVersion}`);

  it('gives the partition’s events of the prefix up to the position, stream by stream, page after page', async () => {
    const toPosition = all[all.length - 4].globalPosition;
    const partitions = await Promise.all(
      [0, 1].map((index) => readAllPages({ toPosition, partition: { count: 2, index }, maxCount: 2 })),
    );
    const expected = all.filter((e) => e.streamId.startsWith('case-') && e.globalPosition <= toPosition);
    expect(ids([...partitions[0], ...partitions[1]].sort(byStream))).toEqual(
      ids([...expected].sort(byStream)),
    );
    for (const [index, events] of partitions.entries()) {
      expect(events.length).toBeGreaterThan(0);
      expect(ids(events)).toEqual(ids([...events].sort(byStream)));
      for (const e of events) expect(e.streamId.charCodeAt(e.streamId.length - 1) % 2).toBe(index);
    }
  });

  it('gives the same envelopes as readAll, the metadata parsed when read', async () => {
    const events = await readAllPages({
      toPosition: all[all.length - 1].globalPosition,
      partition: { count: 1, index: 0 },
      maxCount: 1000,
    });
    const byPosition = new Map(all.map((e) => [e.globalPosition, e]));
    for (const e of events) {
      const expected = byPosition.get(e.globalPosition)!;
      expect({
        eventId: e.eventId,
        type: e.type,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        globalPosition: e.globalPosition,
        data: e.data,
        metadata: e.metadata,
        chainHash: e.chainHash,
      }).toEqual(expected);
    }
  });
});
