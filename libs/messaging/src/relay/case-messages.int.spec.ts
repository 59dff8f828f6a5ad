import { type CaseState, initialState } from '@casusregie/domain';
import { type EventStore, SqliteEventStore, type StoredEvent } from '@casusregie/event-store';
import {
  CaseLog,
  CaseScript,
  ORG,
  arrangedGrensvlak,
  awaitingAnswer,
  disputedGrensvlak,
  moeilijkPlaatsbaar,
  referred,
  runSteps,
} from '../../../projections/src/testing';
import { MemoryPublisher, allEvents, testEvent } from '../../test-support/relay-fixtures';
import { nextCaseState } from '../policy/case-state';
import { NOTIFICATIONS_TOPIC } from '../policy/notification-message';
import { notificationsFor } from '../policy/notifications-for';
import { CASE_EVENTS_TOPIC } from '../public-events/case-event-message';
import { toPublicCaseEvent } from '../public-events/public-case-event';
import { caseMessages } from './case-messages';
import { DEAD_LETTER_TOPIC } from './dead-letter';
import { EventRelay } from './event-relay';
import type { OutgoingMessage } from './message-publisher';
import { silentRelayLogger } from './relay-logger';

const T0 = '2026-03-02T08:00:00Z';

async function fiveJourneys(store: EventStore): Promise<void> {
  const log = new CaseLog(store);
  // Interleave the cases in the log, as real traffic does.
  const journeys = [
    arrangedGrensvlak(new CaseScript(log, 'c-arranged'), T0),
    disputedGrensvlak(new CaseScript(log, 'c-disputed'), T0, { insurer: ORG.vgz }),
    moeilijkPlaatsbaar(new CaseScript(log, 'c-moeilijk', ORG.zwolle), T0),
    referred(new CaseScript(log, 'c-referred'), T0),
    awaitingAnswer(new CaseScript(log, 'c-awaiting', ORG.houten), T0, { insurer: ORG.cz }),
  ];
  const longest = Math.max(...journeys.map((j) => j.length));
  for (let i = 0; i < longest; i++) {
    for (const journey of journeys) if (journey[i]) await runSteps([journey[i]]);
  }
}

/** What the relay must produce, computed independently: fold each case stream event by event. */
function expectedMessages(events: readonly StoredEvent[]) {
  const states = new Map<string, CaseState>();
  const caseEvents: { eventId: string; key: string }[] = [];
  const notifications: { notificationId: string; key: string; eventId: string }[] = [];
  for (const event of events) {
    if (!event.streamId.startsWith('case-')) continue;
    const before = states.get(event.streamId) ?? initialState();
    const after = nextCaseState(before, event);
    states.set(event.streamId, after);
    const publicEvent = toPublicCaseEvent(event);
    if (publicEvent) caseEvents.push({ eventId: event.eventId, key: publicEvent.caseId });
    for (const n of notificationsFor(event, before, after)) {
      notifications.push({
        notificationId: n.notificationId,
        key: n.recipientOrganisationId,
        eventId: event.eventId,
      });
    }
  }
  return { caseEvents, notifications };
}

function seen(messages: readonly OutgoingMessage[]) {
  return {
    caseEvents: messages
      .filter((m) => m.topic === CASE_EVENTS_TOPIC)
      .map((m) => ({ eventId: m.headers['event-id'], key: m.key })),
    notifications: messages
      .filter((m) => m.topic === NOTIFICATIONS_TOPIC)
      .map((m) => ({
        notificationId: m.headers['notification-id'],
        key: m.key,
        eventId: m.headers['event-id'],
      })),
  };
}

describe('caseMessages: the relay mapping of case events to both topics', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ filename: ':memory:' })));
  afterEach(() => store.close());

  async function relayAll(options: { cacheSize?: number; stopAt?: number } = {}): Promise<MemoryPublisher> {
    const publisher = new MemoryPublisher();
    const head = await store.headPosition();
    const relay = new EventRelay({
      store,
      publisher,
      mapping: caseMessages(store, { cacheSize: options.cacheSize }),
      batchSize: 7,
      logger: silentRelayLogger,
    });
    await relay.start();
    expect(await relay.waitForCheckpoint(head, 5_000)).toBe(true);
    await relay.stop();
    return publisher;
  }

  it('publishes one public event per case event (key: case id) and every notification (key: recipient), in log order', async () => {
    await fiveJourneys(store);
    await store.append('subject-1', [testEvent('casus.SubjectRegistered.v1', { name: 'Jan Jansen' })], 'any');
    const events = await allEvents(store);
    const publisher = await relayAll();

    const expected = expectedMessages(events);
    expect(expected.notifications.length).toBeGreaterThan(10);
    expect(seen(publisher.messages)).toEqual(expected);
    expect(publisher.messages.some((m) => m.value.includes('Jan Jansen'))).toBe(false);
    for (const message of publisher.messages) {
      expect(message.headers).toMatchObject({
        'event-id': expect.any(String),
        'case-id': expect.any(String),
      });
      expect(JSON.parse(message.value)).toMatchObject({ eventId: message.headers['event-id'] });
    }
  });

  it('gives the same messages when case states must be read back from the store (restart, eviction)', async () => {
    await fiveJourneys(store);
    const uninterrupted = await relayAll();
    await store.checkpoints.store('kafka-relay', 0);
    const evicting = await relayAll({ cacheSize: 1 });
    expect(evicting.messages).toEqual(uninterrupted.messages);

    // Restart halfway: a new relay, with an empty cache, continues from the checkpoint.
    const events = await allEvents(store);
    const half = events[Math.floor(events.length / 2)].globalPosition;
    await store.checkpoints.store('kafka-relay', half);
    const resumed = await relayAll();
    const afterHalf = new Set(events.filter((e) => e.globalPosition > half).map((e) => e.eventId));
    expect(resumed.messages).toEqual(
      uninterrupted.messages.filter((m) => afterHalf.has(m.headers['event-id'])),
    );
  });

  it('dead-letters a case event of an unknown type and goes on with the case', async () => {
    await fiveJourneys(store);
    const from = await store.headPosition();
    await store.append(
      'case-c-awaiting',
      [testEvent('casus.FromTheFuture.v9', { caseId: 'c-awaiting' })],
      'any',
    );
    await store.append(
      'case-c-arranged',
      [testEvent('casus.FromTheFuture.v9', { caseId: 'c-arranged' })],
      'any',
    );
    const publisher = new MemoryPublisher();
    await store.checkpoints.store('kafka-relay', from);
    const relay = new EventRelay({
      store,
      publisher,
      mapping: caseMessages(store),
      logger: silentRelayLogger,
    });
    await relay.start();
    expect(await relay.waitForCheckpoint(from + 2, 5_000)).toBe(true);
    await relay.stop();
    expect(
      publisher.messages.map((m) => [
        m.topic,
        JSON.parse(m.value).error?.name,
        JSON.parse(m.value).error?.code,
      ]),
    ).toEqual([
      [DEAD_LETTER_TOPIC, 'UnmappableEventError', 'unmappable-event'],
      [DEAD_LETTER_TOPIC, 'UnmappableEventError', 'unmappable-event'],
    ]);
  });

  it('skips a dead-lettered event in the middle of a case: later events of the case map as if it were not there', async () => {
    const source = new SqliteEventStore({ filename: ':memory:' });
    await fiveJourneys(source);
    const events = await allEvents(source);
    source.close();
    const awaiting = events.filter((e) => e.streamId === 'case-c-awaiting');
    const middle = awaiting[Math.floor(awaiting.length / 2)];
    // The same log, with an unmappable event of the case just before `middle`.
    let badPosition = 0;
    for (const event of events) {
      if (event === middle) {
        const bad = testEvent('casus.FromTheFuture.v9', { caseId: 'c-awaiting' });
        badPosition = (await store.append(event.streamId, [bad], 'any')).lastGlobalPosition;
      }
      const { recordedAt: _recordedAt, ...metadata } = event.metadata;
      await store.append(
        event.streamId,
        [{ eventId: event.eventId, type: event.type, data: event.data, metadata }],
        'any',
      );
    }

    const publisher = await relayAll();
    const letters = publisher.messages.filter((m) => m.topic === DEAD_LETTER_TOPIC);
    expect(letters.map((m) => Number(m.headers['global-position']))).toEqual([badPosition]);
    const expected = expectedMessages(events);
    const laterOfCase = new Set(
      awaiting.filter((e) => e.streamVersion >= middle.streamVersion).map((e) => e.eventId),
    );
    expect(expected.notifications.filter((n) => laterOfCase.has(n.eventId)).length).toBeGreaterThan(0);
    expect(seen(publisher.messages)).toEqual(expected);

    // A relay with an empty cache (restart) that starts right after the dead letter reads the case back the same way.
    await store.checkpoints.store('kafka-relay', badPosition);
    const resumed = await relayAll();
    expect(resumed.messages).toEqual(
      publisher.messages.filter((m) => Number(m.headers['global-position']) > badPosition),
    );
  });
});
