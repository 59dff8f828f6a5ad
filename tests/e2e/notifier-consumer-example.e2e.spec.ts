import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@casusregie/event-store';
import { EventRelay, type OutgoingMessage, caseMessages, silentRelayLogger } from '@casusregie/messaging';
import {
  type Delivery,
  CASE_EVENTS_TOPIC,
  CasusregieConsumer,
  NOTIFICATIONS_TOPIC,
} from '../../examples/kafka-consumer/casusregie-consumer';
import { ConsumerStore } from '../../examples/kafka-consumer/consumer-store';
import { describeWithKafka } from '../../libs/messaging/test-support/kafka-mock';
import { allEvents, until } from '../../libs/messaging/test-support/relay-fixtures';
import { testPublisher } from '../../libs/messaging/test-support/test-publisher';
import {
  CaseLog,
  CaseScript,
  arrangedGrensvlak,
  disputedGrensvlak,
  runSteps,
} from '../../libs/projections/src/testing';

/** Settings for the mock broker: short timeouts; a rejoin takes about the session timeout. */
const MOCK_CLIENT = {
  kafka: { connectionTimeout: 1_000, requestTimeout: 5_000, retry: { retries: 3, initialRetryTime: 100 } },
  consumer: { sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 20 },
};

describeWithKafka('examples/kafka-consumer against the mock broker', (mock) => {
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-consumer-example-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies each case event and notification once when every message is delivered twice, also after a restart', async () => {
    // Two journeys through the real decider; the relay publishes them, then a second relay (its own checkpoint)
    // publishes everything again: every message arrives twice, as after a relay crash before its checkpoint.
    const events = new SqliteEventStore({ filename: ':memory:' });
    const log = new CaseLog(events);
    await runSteps(arrangedGrensvlak(new CaseScript(log, 'c-arranged'), '2026-03-02T08:00:00Z'));
    await runSteps(disputedGrensvlak(new CaseScript(log, 'c-disputed'), '2026-03-02T09:00:00Z'));
    const head = await events.headPosition();
    for (const name of ['relay', 'relay-after-a-crash']) {
      const relay = new EventRelay({
        store: events,
        publisher: testPublisher(mock.brokers),
        mapping: caseMessages(events),
        name,
        logger: silentRelayLogger,
      });
      await relay.start();
      expect(await relay.waitForCheckpoint(head, 15_000)).toBe(true);
      await relay.stop();
    }
    // What was published (once per relay), computed apart from the consumer with the same mapping.
    const mapping = caseMessages(events);
    const published: OutgoingMessage[] = [];
    for (const event of await allEvents(events)) published.push(...(await mapping(event)));
    await events.close();
    const eventIds = published.filter((m) => m.topic === CASE_EVENTS_TOPIC).map((m) => m.headers['event-id']);
    const notificationIds = published
      .filter((m) => m.topic === NOTIFICATIONS_TOPIC)
      .map((m) => m.headers['notification-id']);
    expect(notificationIds.length).toBeGreaterThan(5);

    const dbFile = join(dir, 'consumer.sqlite');
    const first = await consume(dbFile, 2 * published.length);
    const byId = new Map<string, boolean[]>();
    for (const { id, processed } of first) byId.set(id, [...(byId.get(id) ?? []), processed]);
    // Every id delivered twice, processed the first time only.
    expect(byId.size).toBe(published.length);
    expect([...byId.values()].filter((outcomes) => outcomes.join() !== 'true,false')).toEqual([]);

    const store = new ConsumerStore(dbFile);
    try {
      expect(new Set(store.processedEventIds())).toEqual(new Set(eventIds));
      expect(new Set(store.tasks().map((t) => t.notificationId))).toEqual(new Set(notificationIds));
      // The local copy counts each event of a case once.
      const arranged = eventIds.filter((id) =>
        published.some((m) => m.headers['event-id'] === id && m.key === 'c-arranged'),
      );
      expect(store.caseSummary('c-arranged')).toMatchObject({ events: arranged.length });
    } finally {
      store.close();
    }

    // A restart with a new consumer group reads both topics from the beginning again: nothing is new.
    const again = await consume(dbFile, 2 * published.length);
    expect(again.filter((d) => d.processed)).toEqual([]);
  }, 90_000);

  /** Runs the example consumer on `dbFile` (a fresh group) until it has seen `count` messages; stops it. */
  async function consume(dbFile: string, count: number): Promise<Delivery[]> {
    const store = new ConsumerStore(dbFile);
    const deliveries: Delivery[] = [];
    const consumer = await CasusregieConsumer.start({
      brokers: mock.brokers,
      groupId: `example-${randomUUID()}`,
      store,
      onDelivery: (delivery) => deliveries.push(delivery),
      ...MOCK_CLIENT,
    });
    try {
      await until(() => deliveries.length >= count, `${count} deliveries (got ${deliveries.length})`, 30_000);
    } finally {
      await consumer.stop();
      store.close();
    }
    return deliveries;
  }
});
