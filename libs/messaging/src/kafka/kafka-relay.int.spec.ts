import { randomUUID } from 'node:crypto';
import { type EventStore, SqliteEventStore } from '@casusregie/event-store';
import { describeWithKafka } from '../../test-support/kafka-mock';
import {
  INTERNAL_TYPE,
  RecordingPublisher,
  UNMAPPABLE_TYPE,
  allEvents,
  byPartition,
  inconsistentDuplicates,
  keysOutOfOrder,
  testEvent,
  testMapping,
  until,
} from '../../test-support/relay-fixtures';
import { TestConsumer } from '../../test-support/test-consumer';
import { testPublisher } from '../../test-support/test-publisher';
import { type CaseState, initialState } from '@casusregie/domain';
import {
  CaseLog,
  CaseScript,
  ORG,
  arrangedGrensvlak,
  disputedGrensvlak,
  moeilijkPlaatsbaar,
  referred,
  runSteps,
} from '../../../projections/src/testing';
import { nextCaseState } from '../policy/case-state';
import { NOTIFICATIONS_TOPIC } from '../policy/notification-message';
import { notificationsFor } from '../policy/notifications-for';
import { CASE_EVENTS_TOPIC } from '../public-events/case-event-message';
import { caseMessages } from '../relay/case-messages';
import { DEAD_LETTER_TOPIC, type DeadLetter } from '../relay/dead-letter';
import { EventRelay, type EventRelayOptions } from '../relay/event-relay';
import { silentRelayLogger } from '../relay/relay-logger';

const RUN_TOPIC = `test.relay-run.${randomUUID()}`;
const DEAD_LETTER_RUN_TOPIC = `test.relay-dead-letter.${randomUUID()}`;
const FROZEN_TOPIC = `test.relay-frozen.${randomUUID()}`;
const KILLED_TOPIC = `test.relay-killed.${randomUUID()}`;

/** Appends single events round-robin over `streams` streams until stopped; every append is awaited. */
class Appender {
  appended = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(store: EventStore, prefix: string, streams: number, intervalMs: number) {
    this.done = (async () => {
      while (this.running) {
        await store.append(`${prefix}${this.appended % streams}`, [testEvent()], 'any');
        this.appended++;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

/** Positions 1..checkpoint must all be acknowledged whenever a checkpoint is stored; collects those that are not. */
function checkpointAudit(
  recording: RecordingPublisher,
  mappable: (position: number) => boolean = () => true,
) {
  const violations: number[] = [];
  let previous = 0;
  const onBatch: EventRelayOptions['onBatch'] = ({ checkpoint }) => {
    for (let position = previous + 1; position <= checkpoint; position++) {
      if (mappable(position) && !recording.acknowledgedPositions.has(position)) violations.push(position);
    }
    previous = checkpoint;
  };
  return { violations, onBatch, reset: (checkpoint: number) => (previous = checkpoint) };
}

describeWithKafka('EventRelay over kafkajs against the mock broker', (mock) => {
  let consumer: TestConsumer;
  const relays: EventRelay[] = [];
  const stores: EventStore[] = [];

  function store(): EventStore {
    const s = new SqliteEventStore({ filename: ':memory:' });
    stores.push(s);
    return s;
  }

  beforeAll(async () => {
    consumer = await TestConsumer.start(mock.brokers, [
      NOTIFICATIONS_TOPIC,
      CASE_EVENTS_TOPIC,
      RUN_TOPIC,
      DEAD_LETTER_RUN_TOPIC,
      DEAD_LETTER_TOPIC,
      FROZEN_TOPIC,
    ]);
  }, 20_000);

  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop({ graceMs: 2_000 });
  });

  afterAll(async () => {
    await consumer?.stop();
    for (const s of stores) await s.close();
  });

  it('delivers every notification and public case event of scripted journeys, in per-key order', async () => {
    const events = store();
    const log = new CaseLog(events);
    const journeys = [
      arrangedGrensvlak(new CaseScript(log, 'k-arranged'), '2026-03-02T08:00:00Z'),
      disputedGrensvlak(new CaseScript(log, 'k-disputed'), '2026-03-02T09:00:00Z', { insurer: ORG.vgz }),
      moeilijkPlaatsbaar(new CaseScript(log, 'k-moeilijk', ORG.zwolle), '2026-03-03T08:00:00Z'),
      referred(new CaseScript(log, 'k-referred'), '2026-03-04T08:00:00Z'),
    ];
    // The first half of every journey before the relay starts, the rest while it runs.
    const relay = new EventRelay({
      store: events,
      publisher: testPublisher(mock.brokers),
      mapping: caseMessages(events),
      logger: silentRelayLogger,
    });
    relays.push(relay);
    for (let i = 0; i < 30; i++) {
      if (i === 4) await relay.start();
      for (const journey of journeys) if (journey[i]) await runSteps([journey[i]]);
    }
    const head = await events.headPosition();
    expect(await relay.waitForCheckpoint(head, 15_000)).toBe(true);

    // Expected, computed apart from the relay: fold each case stream and ask the policy.
    const states = new Map<string, CaseState>();
    const expectedNotifications = new Map<string, string>(); // notification id -> recipient
    const all = await allEvents(events);
    for (const event of all) {
      const before = states.get(event.streamId) ?? initialState();
      const after = nextCaseState(before, event);
      states.set(event.streamId, after);
      for (const n of notificationsFor(event, before, after)) {
        expectedNotifications.set(n.notificationId, n.recipientOrganisationId);
      }
    }
    expect(expectedNotifications.size).toBeGreaterThan(10);
    const notificationIds = () =>
      new Set(consumer.on(NOTIFICATIONS_TOPIC).map((m) => m.headers['notification-id']));
    await consumer.waitUntil(
      () =>
        notificationIds().size >= expectedNotifications.size &&
        consumer.eventIds(CASE_EVENTS_TOPIC).size >= all.length,
      `${expectedNotifications.size} notifications and ${all.length} case events`,
    );

    const notifications = byPartition(consumer.on(NOTIFICATIONS_TOPIC));
    expect(new Map(notifications.map((m) => [m.headers['notification-id'], m.key]))).toEqual(
      expectedNotifications,
    );
    // Per organisation (the key), notifications come in the order of the events they follow from.
    const lastPosition = new Map<string, number>();
    for (const message of notifications) {
      const position = Number(message.headers['global-position']);
      expect(position).toBeGreaterThanOrEqual(lastPosition.get(message.key) ?? 0);
      lastPosition.set(message.key, position);
    }
    const caseEvents = byPartition(consumer.on(CASE_EVENTS_TOPIC));
    expect(new Set(caseEvents.map((m) => m.headers['event-id']))).toEqual(new Set(all.map((e) => e.eventId)));
    expect(keysOutOfOrder(caseEvents)).toEqual([]);
    expect(new Set(caseEvents.map((m) => m.key))).toEqual(
      new Set(['k-arranged', 'k-disputed', 'k-moeilijk', 'k-referred']),
    );
  }, 30_000);

  it('delivers every event of a scripted run (catch-up and live), once, in per-key order', async () => {
    const events = store();
    // Catch-up part: appends of one to three events on 25 case streams, some with events nobody outside needs.
    for (let n = 0; n < 600; n++) {
      const batch = Array.from({ length: 1 + (n % 3) }, (_, i) =>
        testEvent(i === 2 && n % 10 === 0 ? INTERNAL_TYPE : 'test.CaseNoted.v1', { n, i }),
      );
      await events.append(`case-run-${n % 25}`, batch, 'any');
    }
    const internal = new Set(
      (await allEvents(events)).filter((e) => e.type === INTERNAL_TYPE).map((e) => e.globalPosition),
    );
    const recording = new RecordingPublisher(testPublisher(mock.brokers));
    const audit = checkpointAudit(recording, (position) => !internal.has(position));
    const relay = new EventRelay({
      store: events,
      publisher: recording,
      mapping: testMapping(RUN_TOPIC),
      batchSize: 200,
      logger: silentRelayLogger,
      onBatch: audit.onBatch,
    });
    relays.push(relay);
    await relay.start();
    // Live part, while the relay catches up.
    for (let n = 600; n < 800; n++) await events.append(`case-run-${n % 25}`, [testEvent()], 'any');

    const head = await events.headPosition();
    expect(await relay.waitForCheckpoint(head, 15_000)).toBe(true);
    const expected = (await allEvents(events)).filter((event) => event.type !== INTERNAL_TYPE);
    await consumer.waitUntil(
      () => consumer.eventIds(RUN_TOPIC).size >= expected.length,
      `${expected.length} events`,
    );

    const received = byPartition(consumer.on(RUN_TOPIC));
    expect(new Set(received.map((m) => m.headers['event-id']))).toEqual(
      new Set(expected.map((e) => e.eventId)),
    );
    expect(received).toHaveLength(expected.length); // no crash, no retry: no duplicates either
    expect(keysOutOfOrder(received)).toEqual([]);
    for (const message of received) {
      const value = JSON.parse(message.value) as { globalPosition: number; streamId: string };
      expect(String(value.globalPosition)).toBe(message.headers['global-position']);
      expect(message.key).toBe(value.streamId);
    }
    expect(audit.violations).toEqual([]);
    expect(await relay.health()).toMatchObject({ state: 'running', lag: 0, checkpoint: head, head });
  }, 30_000);

  it('puts an unmappable event in the dead-letter topic with its coordinates and relays what follows', async () => {
    const events = store();
    for (let n = 0; n < 5; n++) await events.append(`case-dl-${n}`, [testEvent()], 'any');
    const bad = testEvent(UNMAPPABLE_TYPE, { name: 'Jan Jansen', bsn: '123456782' });
    const badAt = await events.append('case-dl-bad', [bad], 'any');
    for (let n = 5; n < 10; n++) await events.append(`case-dl-${n}`, [testEvent()], 'any');

    const relay = new EventRelay({
      store: events,
      publisher: testPublisher(mock.brokers),
      mapping: testMapping(DEAD_LETTER_RUN_TOPIC),
      logger: silentRelayLogger,
    });
    relays.push(relay);
    await relay.start();
    expect(await relay.waitForCheckpoint(11, 10_000)).toBe(true);
    await consumer.waitUntil(
      () => consumer.on(DEAD_LETTER_RUN_TOPIC).length >= 10 && consumer.on(DEAD_LETTER_TOPIC).length >= 1,
      'ten events and one dead letter',
    );

    const [dead] = consumer.on(DEAD_LETTER_TOPIC);
    expect(dead.key).toBe('case-dl-bad');
    expect(dead.headers).toMatchObject({
      'event-id': bad.eventId,
      'event-type': UNMAPPABLE_TYPE,
      'global-position': String(badAt.lastGlobalPosition),
      'dead-letter-reason': 'unmappable',
    });
    expect(JSON.parse(dead.value) as DeadLetter).toMatchObject({
      reason: 'unmappable',
      streamId: 'case-dl-bad',
      streamVersion: 0,
      globalPosition: 6,
      eventId: bad.eventId,
      eventType: UNMAPPABLE_TYPE,
      error: { name: 'TypeError' },
    });
    expect(dead.value).not.toContain('Jan Jansen');
    expect(dead.value).not.toContain('123456782');
    const after = consumer.on(DEAD_LETTER_RUN_TOPIC).map((m) => Number(m.headers['global-position']));
    expect(after.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    expect(relay.status()).toMatchObject({ state: 'running', deadLettersSinceStart: 1, checkpoint: 11 });
  }, 30_000);

  /*
   * Broker unreachable: the kcat process is suspended with SIGSTOP. Its sockets stay open but nothing is answered,
   * as in a network partition or a hung broker, and, unlike a kill, the mock keeps its data and its ports, so the
   * same relay instance must carry on by itself when it is resumed and the consumer can check the whole run.
   */
  it('keeps the log growing while the broker does not answer, retries with backoff and loses nothing', async () => {
    const events = store();
    const recording = new RecordingPublisher(testPublisher(mock.brokers));
    const audit = checkpointAudit(recording);
    const relay = new EventRelay({
      store: events,
      publisher: recording,
      mapping: testMapping(FROZEN_TOPIC),
      batchSize: 100,
      backoff: { initialMs: 100, maxMs: 800 },
      logger: silentRelayLogger,
      onBatch: audit.onBatch,
    });
    relays.push(relay);
    await relay.start();
    const appender = new Appender(events, 'case-frozen-', 12, 4);
    let thawed = false;
    try {
      await until(() => relay.checkpoint() >= 50, 'the relay publishing', 10_000);

      mock.freeze();
      const appendedAtFreeze = appender.appended;
      await until(() => relay.status().state === 'retrying', 'a failed publish', 10_000);
      const checkpointWhileDown = relay.checkpoint();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const down = await relay.health();
      expect(down.state).toBe('retrying');
      expect(down.checkpoint).toBe(checkpointWhileDown);
      expect(await events.checkpoints.load('kafka-relay')).toBe(checkpointWhileDown);
      expect(down.lag).toBeGreaterThan(0);
      expect(down.consecutiveFailures).toBeGreaterThanOrEqual(1);
      expect(down.lastError?.name).toBe('KafkaPublishError');
      expect(down.failingSince).not.toBeNull();
      expect(appender.appended - appendedAtFreeze).toBeGreaterThan(100); // appends never waited for the broker

      mock.thaw();
      thawed = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      if (!thawed) mock.thaw();
      await appender.stop();
    }

    const head = await events.headPosition();
    expect(await relay.waitForCheckpoint(head, 20_000)).toBe(true);
    const expected = (await allEvents(events)).map((event) => event.eventId);
    await consumer.waitUntil(() => consumer.eventIds(FROZEN_TOPIC).size >= expected.length, `${head} events`);

    const received = byPartition(consumer.on(FROZEN_TOPIC));
    expect(new Set(received.map((m) => m.headers['event-id']))).toEqual(new Set(expected));
    expect(keysOutOfOrder(received)).toEqual([]);
    expect(inconsistentDuplicates(received)).toEqual([]);
    expect(audit.violations).toEqual([]);
    expect(recording.failures).toBeGreaterThanOrEqual(1);
    expect(await relay.health()).toMatchObject({ state: 'running', lag: 0, consecutiveFailures: 0 });
  }, 40_000);

  /*
   * Broker process killed (connections refused, and the mock's data is gone with it). The relay retries with backoff,
   * the log keeps growing, the checkpoint stays at the last acknowledged batch, and a graceful stop does not wait
   * for a broker that is not there. A restarted mock comes up EMPTY on NEW ports (kcat cannot be given ports), so
   * the relay is started again against it; the new broker must then receive exactly what the relay re-publishes
   * from its checkpoint: every event after it. Everything up to the checkpoint was acknowledged by the old broker
   * (recorded at the port), so old acknowledgements plus new arrivals cover the whole log: nothing is lost.
   * This test kills the file's mock, so it runs last and brings a new one up for afterAll.
   */
  it('survives a killed broker: retries, stops gracefully, and re-publishes from its checkpoint to the new one', async () => {
    await consumer.stop();
    const events = store();
    const first = new RecordingPublisher(testPublisher(mock.brokers));
    const firstAudit = checkpointAudit(first);
    const relay = new EventRelay({
      store: events,
      publisher: first,
      mapping: testMapping(KILLED_TOPIC),
      batchSize: 50,
      backoff: { initialMs: 100, maxMs: 500 },
      logger: silentRelayLogger,
      onBatch: firstAudit.onBatch,
    });
    await relay.start();
    const appender = new Appender(events, 'case-killed-', 10, 3);
    let checkpoint: number;
    try {
      await until(() => relay.checkpoint() >= 100, 'the relay publishing', 10_000);
      await mock.kill();
      const appendedAtKill = appender.appended;
      await until(() => relay.status().state === 'retrying', 'a failed publish', 10_000);
      const checkpointWhileDown = relay.checkpoint();
      await new Promise((resolve) => setTimeout(resolve, 800));
      const down = await relay.health();
      expect(down).toMatchObject({ state: 'retrying', checkpoint: checkpointWhileDown });
      expect(down.lag).toBeGreaterThan(0);
      expect(appender.appended - appendedAtKill).toBeGreaterThan(50);

      const stopping = Date.now();
      await relay.stop({ graceMs: 5_000 });
      expect(Date.now() - stopping).toBeLessThan(5_000);
      expect(relay.status().state).toBe('stopped');
      await first.close();
      checkpoint = await events.checkpoints.load('kafka-relay');
      expect(checkpoint).toBe(relay.checkpoint());
      expect(checkpoint).toBe(checkpointWhileDown);
    } finally {
      await appender.stop();
    }
    expect(firstAudit.violations).toEqual([]);
    const all = await allEvents(events);
    const upToCheckpoint = all.filter((event) => event.globalPosition <= checkpoint);
    expect(upToCheckpoint.every((event) => first.acknowledged.has(event.eventId))).toBe(true);

    await mock.start();
    const second = await TestConsumer.start(mock.brokers, [KILLED_TOPIC]);
    const restarted = new EventRelay({
      store: events,
      publisher: testPublisher(mock.brokers),
      mapping: testMapping(KILLED_TOPIC),
      batchSize: 50,
      logger: silentRelayLogger,
    });
    relays.push(restarted);
    try {
      await restarted.start();
      const head = await events.headPosition();
      expect(await restarted.waitForCheckpoint(head, 15_000)).toBe(true);
      const afterCheckpoint = all.filter((event) => event.globalPosition > checkpoint);
      await second.waitUntil(
        () => second.eventIds(KILLED_TOPIC).size >= afterCheckpoint.length,
        `${afterCheckpoint.length} re-published events`,
      );
      const received = byPartition(second.on(KILLED_TOPIC));
      expect(new Set(received.map((m) => m.headers['event-id']))).toEqual(
        new Set(afterCheckpoint.map((event) => event.eventId)),
      );
      expect(keysOutOfOrder(received)).toEqual([]);
      const covered = new Set([
        ...upToCheckpoint.map((e) => e.eventId),
        ...received.map((m) => m.headers['event-id']),
      ]);
      expect(covered.size).toBe(all.length);
    } finally {
      await second.stop();
    }
  }, 40_000);
});
