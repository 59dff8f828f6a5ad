import type { StoredEvent } from '@casusregie/event-store';
import {
  CASE_EVENTS_TOPIC,
  DEAD_LETTER_TOPIC,
  type DeadlineWatcher,
  type KafkaRelay,
  NOTIFICATIONS_TOPIC,
  NOTIFICATION_KINDS,
  type NotificationMessageValue,
} from '@casusregie/messaging';
import type { InboxHandle, InboxItem } from '@casusregie/projections';
import { INBOX_HANDLE } from '../../apps/case-api/src/inbox/inbox.provider';
import { DEADLINE_WATCHER } from '../../apps/casusregie/src/processors/deadline-watcher.providers';
import { KAFKA_RELAY } from '../../apps/casusregie/src/processors/kafka-relay.module';
import { describeWithKafka } from '../../libs/messaging/test-support/kafka-mock';
import { allEvents, byPartition, keysOutOfOrder } from '../../libs/messaging/test-support/relay-fixtures';
import { type ReceivedMessage, TestConsumer } from '../../libs/messaging/test-support/test-consumer';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { SseClient } from './support/inbox-sse';
import { JourneyClient, coordinatorUtrecht, liaisonOf } from './support/journey/http';
import { LogCapture } from './support/log-capture';
import { PersonalDataScan, SUBJECTS } from './support/personal-data-scan';
import { type PrivacyJourneyCases, runPrivacyJourneys } from './support/privacy-journeys';
import { relayCaughtUp } from './support/processors-readiness';

/** Everyone the journeys can notify: the Utrecht coordinators and financiers, the aanbrenger, two providers. */
const ORGANISATIONS = ['GM0344', '3311', 'ZK-UTRECHT', 'GGD-UTRECHT', '99000001', '99000002'];
/** The liaisons whose consoles follow GET /inbox/stream during the whole run. */
const STREAMED = ['3311', 'ZK-UTRECHT', 'GM0344'];

/** Every kind of the policy (docs/MESSAGES.md) but these four must come out of the journeys. */
const KINDS_NOT_IN_THE_JOURNEYS = [
  'escalation-withdrawn',
  'responsibility-assigned',
  'delivery-assigned',
  'statutory-application-submitted',
];
const EXPECTED_KINDS = NOTIFICATION_KINDS.filter((kind) => !KINDS_NOT_IN_THE_JOURNEYS.includes(kind));

interface InboxPage {
  readonly items: InboxItem[];
  readonly nextCursor: string | null;
}

const isCaseEvent = (event: StoredEvent) => event.streamId.startsWith('case-');

/**
 * Personal data never leaves the service in a notification. The embedded default runs with the Kafka relay on
 * (against librdkafka's mock cluster) and the deadline watcher in-process; three clients with distinctive names,
 * BSNs and birth dates go through journeys whose free texts name them too. Then every key, value and header on
 * casusregie.notifications.v1, casusregie.case-events.v1 and the dead-letter topic, every GET /inbox page and every
 * server-sent event of the liaisons, and every log line the application wrote are scanned for every written form
 * of those data. Along the way: the notifications arrived, keyed by recipient, in log order per key, each with its
 * event id and notification id, exactly the notifications of the inbox.
 */
describeWithKafka('the embedded default with the Kafka relay on', (mock) =>
  // Nested, so that its afterAll (consumer, app) runs before describeWithKafka's stops the broker.
  describe('notifications, case events, inbox and logs carry no personal data', () => {
    const logs = new LogCapture();
    const streams = new Map<string, SseClient>();
    let embedded: EmbeddedApp;
    let client: JourneyClient;
    let consumer: TestConsumer;

    beforeAll(async () => {
      logs.start();
      [embedded, consumer] = await Promise.all([
        startEmbeddedApp({
          start: '2026-03-02T09:00:00.000Z',
          logDestination: logs.destination,
          env: {
            LOG_LEVEL: 'trace',
            KAFKA_BROKERS: mock.brokers.join(','),
            KAFKA_IDEMPOTENT: 'false', // the mock cannot serve the idempotent producer
            KAFKA_CONNECTION_TIMEOUT_MS: '1000',
            KAFKA_REQUEST_TIMEOUT_MS: '5000',
            KAFKA_ACK_TIMEOUT_MS: '5000',
            // The watcher runs in-process; its own schedule ticks once at start, the test ticks it at chosen dates.
            WATCHER_ENABLED: 'true',
            WATCH_INTERVAL_MS: '86400000',
          },
        }),
        TestConsumer.start(mock.brokers, [NOTIFICATIONS_TOPIC, CASE_EVENTS_TOPIC, DEAD_LETTER_TOPIC]),
      ]);
      client = new JourneyClient(embedded);
      const inbox = embedded.app.get<symbol, InboxHandle>(INBOX_HANDLE, { strict: false });
      for (const org of STREAMED) {
        const token = embedded.token({ role: 'liaison', org, sub: `u-liaison-${org}` });
        const sse = await SseClient.open(`${embedded.url}/inbox/stream`, {
          authorization: `Bearer ${token}`,
        });
        if (sse.response.status !== 200) throw new Error(`GET /inbox/stream answered ${sse.response.status}`);
        streams.set(org, sse);
      }
      await streams
        .get('3311')!
        .until(() => inbox.changes.listenerCount === STREAMED.length, 5_000, 'the streams to be listened to');
    }, 30_000);

    afterAll(async () => {
      for (const sse of streams.values()) sse.close();
      await consumer?.stop();
      await embedded?.close({ removeData: true });
      logs.stop();
    }, 30_000);

    it('publishes every notification to its recipient and no name, BSN or birth date anywhere', async () => {
      const watcher = embedded.app.get<DeadlineWatcher>(DEADLINE_WATCHER);
      const cases = await runPrivacyJourneys({
        embedded,
        client,
        tick: async () => {
          // The watcher finds its cases in the read models: let them reach the log's head first.
          const head = await embedded.store.headPosition();
          await client.read(coordinatorUtrecht, `/cases?minPosition=${head}&limit=1`);
          const report = await watcher.tick();
          if (report.error) throw new Error(`The watcher's tick failed: ${report.error.message}`);
        },
      });

      // ---- The relay catches up (bounded), and everything it acknowledged is consumable ----
      await relayCaughtUp(embedded);
      const head = await embedded.store.headPosition();
      const caseEvents = (await allEvents(embedded.store)).filter(isCaseEvent);
      await consumer.waitUntil(
        () => caseEvents.every((e) => consumer.eventIds(CASE_EVENTS_TOPIC).has(e.eventId)),
        `all ${caseEvents.length} case events on ${CASE_EVENTS_TOPIC}`,
      );
      const inboxes = await readInboxes(client, head);
      const inboxIds = new Set(
        [...inboxes.values()].flatMap((page) => page.items.map((n) => n.notificationId)),
      );
      const notificationIds = () =>
        new Set(consumer.on(NOTIFICATIONS_TOPIC).map((m) => m.headers['notification-id']));
      await consumer.waitUntil(
        () => [...inboxIds].every((id) => notificationIds().has(id)),
        `all ${inboxIds.size} notifications of the inboxes on ${NOTIFICATIONS_TOPIC}`,
      );
      for (const [org, sse] of streams) {
        const expected = inboxes.get(org)!.items.map((n) => String(n.sequence));
        await sse.until(
          () => expected.every((id) => sse.events.some((e) => e.id === id)),
          10_000,
          `the ${expected.length} notifications of ${org} on its stream`,
        );
      }

      // ---- Nothing went to the dead-letter topic ----
      const relay = embedded.app.get<KafkaRelay>(KAFKA_RELAY);
      expect(relay.relay.status().deadLettersSinceStart).toBe(0);
      expect(consumer.on(DEAD_LETTER_TOPIC)).toEqual([]);

      // ---- The notifications: headers, keys, exactly the inboxes', in log order per recipient ----
      const notifications = firstOfEach(byPartition(consumer.on(NOTIFICATIONS_TOPIC)), 'notification-id');
      expect(differingCopies(consumer.on(NOTIFICATIONS_TOPIC), 'notification-id')).toEqual([]);
      for (const message of notifications) {
        const value = JSON.parse(message.value) as NotificationMessageValue;
        expect(message.headers).toMatchObject({
          'event-id': value.eventId,
          'notification-id': value.notificationId,
          'notification-kind': value.kind,
          'case-id': value.caseId,
          'correlation-id': value.correlationId,
          schema: 'casusregie.notification.v1',
        });
        expect(message.key).toBe(value.recipientOrganisationId);
      }
      const byRecipient = groupBy(notifications, (m) => m.key);
      for (const org of new Set([...byRecipient.keys(), ...inboxes.keys()])) {
        const onKafka = (byRecipient.get(org) ?? []).map((m) => m.headers['notification-id']).sort();
        const inInbox = (inboxes.get(org)?.items ?? []).map((n) => n.notificationId).sort();
        expect({ org, ids: onKafka }).toEqual({ org, ids: inInbox });
      }
      expect(notificationsOutOfLogOrder(byRecipient)).toEqual([]);

      // Every responsibility request: one notification, keyed by the financier asked, and by no one else.
      const requested = caseEvents.filter((e) => e.type === 'casus.FinancierRequested.v1');
      expect(requested).toHaveLength(8);
      for (const event of requested) {
        const asked = (event.data as { financierOrganisationId: string }).financierOrganisationId;
        const sent = notifications
          .filter((m) => m.headers['event-id'] === event.eventId)
          .map((m) => [m.key, m.headers['notification-kind']]);
        expect(sent).toEqual([[asked, 'responsibility-requested']]);
      }
      const kinds = new Set(notifications.map((m) => m.headers['notification-kind']));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(EXPECTED_KINDS));

      // ---- The case events: one per stored case event, keyed by case, in stream order ----
      const published = firstOfEach(byPartition(consumer.on(CASE_EVENTS_TOPIC)), 'event-id');
      expect(published.map((m) => m.headers['event-id']).sort()).toEqual(
        caseEvents.map((e) => e.eventId).sort(),
      );
      for (const message of published) expect(message.key).toBe(message.headers['case-id']);
      expect(keysOutOfOrder(byPartition(consumer.on(CASE_EVENTS_TOPIC)))).toEqual([]);
      expect(differingCopies(consumer.on(CASE_EVENTS_TOPIC), 'event-id')).toEqual([]);

      // ---- The scan: the personal data are in the subjects, and nowhere else ----
      const scan = new PersonalDataScan(Object.values(SUBJECTS));
      await positiveControl(client, scan, cases);
      const add = (source: string, text: string) => scan.add(source, withoutTheClockOnTheBirthday(text));
      for (const message of consumer.messages) {
        const where = `${message.topic}[${message.partition}]@${message.offset}`;
        add(`${where} key`, message.key);
        add(`${where} value`, message.value);
        for (const [name, value] of Object.entries(message.headers))
          add(`${where} header ${name}`, `${name}: ${value}`);
      }
      for (const [org, page] of inboxes) for (const text of page.texts) add(`GET /inbox of ${org}`, text);
      for (const [org, sse] of streams) {
        for (const event of sse.events) add(`SSE of ${org}`, `${event.event}\n${event.id}\n${event.data}`);
      }
      for (const line of logs.lines) add('log', line);
      expect(scan.findings).toEqual([]);

      // The scan read what it should: every message, page, frame and line, including the relay's and the watcher's logs.
      expect(notifications.length).toBeGreaterThanOrEqual(35);
      expect(logs.lines.length).toBeGreaterThan(100);
      expect(logs.ofComponent('deadline-watcher').length).toBeGreaterThan(0);
      expect(logs.ofComponent('relay').length).toBeGreaterThan(0);
      expect(scan.scanned).toBeGreaterThan(consumer.messages.length * 8);
    }, 90_000);
  }),
);

/** The youth's 18th birthday, the day the journeys' last tick happens on (privacy-journeys.ts). */
const YOUTH_TURNS_18 = '2028-04-14';
/** The clock's fields (a JSON property name and an ISO date or instant of that day), and nothing else. */
const CLOCK_ON_THE_BIRTHDAY = new RegExp(
  `"(occurredAt|createdAt|now|today)":"${YOUTH_TURNS_18}(T[0-9:.]+Z)?"`,
  'g',
);

/**
 * The texts without the service's clock when it stands on the youth's 18th birthday: the watcher passes the
 * birthday on the day itself, so the moment it notes `EighteenthBirthdayPassed` (`occurredAt`), the notifications
 * that follow (`createdAt`), the inbox pages read then (`now`, `today`) and the watcher's log (`today`) carry that
 * day. That moment is documented residue (docs/MESSAGES.md); the date is not exempt anywhere else, so an id, a due
 * date or any other field that holds it is still a finding.
 */
function withoutTheClockOnTheBirthday(text: string): string {
  return text.replace(CLOCK_ON_THE_BIRTHDAY, '"$1":"<the clock on the birthday>"');
}

/** The first message of each id (by the header `header`), in the order given. */
function firstOfEach(messages: readonly ReceivedMessage[], header: string): ReceivedMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(m.headers[header]) && seen.add(m.headers[header]));
}

/** Ids (by the header `header`) received more than once whose copies differ in key, value or headers. */
function differingCopies(messages: readonly ReceivedMessage[], header: string): string[] {
  const first = new Map<string, string>();
  return messages.flatMap((m) => {
    const copy = JSON.stringify([m.key, m.value, m.headers]);
    const earlier = first.get(m.headers[header]);
    if (earlier === undefined) first.set(m.headers[header], copy);
    return earlier === undefined || earlier === copy ? [] : [m.headers[header]];
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * Recipients whose notifications are not in log order: all in one partition, in the order of the global position
 * of the events they come from. Empty when every recipient's order is right.
 */
function notificationsOutOfLogOrder(byRecipient: Map<string, ReceivedMessage[]>): string[] {
  return [...byRecipient].flatMap(([org, messages]) => {
    const partitions = new Set(messages.map((m) => m.partition));
    const positions = messages.map((m) => Number(m.headers['global-position']));
    const ordered = positions.every((p, i) => i === 0 || p >= positions[i - 1]);
    return partitions.size === 1 && ordered ? [] : [`${org}: partitions ${[...partitions]}, ${positions}`];
  });
}

/** Every page of GET /inbox of each organisation (as its liaison), with the raw response texts. */
async function readInboxes(
  client: JourneyClient,
  minPosition: number,
): Promise<Map<string, { items: InboxItem[]; texts: string[] }>> {
  const inboxes = new Map<string, { items: InboxItem[]; texts: string[] }>();
  for (const org of ORGANISATIONS) {
    const items: InboxItem[] = [];
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `minPosition=${minPosition}&limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await client.request<InboxPage>(liaisonOf(org), `/inbox?${query}`);
      if (answer.status !== 200)
        throw new Error(`GET /inbox of ${org} answered ${answer.status}: ${answer.text}`);
      texts.push(answer.text);
      items.push(...answer.body.items);
      cursor = answer.body.nextCursor;
    } while (cursor !== null);
    inboxes.set(org, { items, texts });
  }
  return inboxes;
}

/** The scan finds the data where they belong: in GET /subjects/{id}, which a coordinator reads with a purpose. */
async function positiveControl(client: JourneyClient, scan: PersonalDataScan, cases: PrivacyJourneyCases) {
  for (const [key, subjectId] of Object.entries(cases.subjectIds) as [keyof typeof SUBJECTS, string][]) {
    const answer = await client.request(
      coordinatorUtrecht,
      `/subjects/${subjectId}?purpose=voorbereiding-tafel`,
    );
    expect(answer.status).toBe(200);
    const subject = SUBJECTS[key];
    expect(scan.dataIn(answer.text)).toEqual(
      expect.arrayContaining([
        `name of ${subject.name}`,
        `BSN of ${subject.name}`,
        `birth date YYYY-MM-DD of ${subject.name}`,
      ]),
    );
  }
}
