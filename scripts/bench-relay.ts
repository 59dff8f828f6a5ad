/**
 * Relay benchmark: `npm run bench:relay` (node -r @swc-node/register scripts/bench-relay.ts). Prints a table and, as
 * the last line, one JSON object.
 *
 * - relayMessagesPerSec: the relay catching up on a log of real case events (generated through the decider), each
 *   published as its public form to `casusregie.case-events.v1`, acknowledged by all replicas (acks -1), with the
 *   checkpoint stored after each batch. Measured from start() until the checkpoint reaches the head.
 * - endToEndP99Ms: real commands appended at BENCH_RATE commands/s while the relay runs live with the full mapping
 *   (public case events and notifications); for every case event, the time from the append being acknowledged to the
 *   consumer receiving the message from the broker (kafkajs consumer group in the same process, same clock).
 *
 * The broker is librdkafka's mock cluster started with kcat (infra/kafka-mock.sh; 3 brokers, idempotence off, as in
 * the tests), or a real cluster when KAFKA_BROKERS is set (then KAFKA_IDEMPOTENT etc. apply; idempotence defaults
 * on). Options (environment): BENCH_CASES (3000: about 39,000 events), BENCH_RATE (500), BENCH_SECONDS (10),
 * BENCH_FETCH_WAIT_MS (10: the consumer's maxWaitTimeInMs; the mock holds every fetch this long), BENCH_DIR.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type EventStore, SqliteEventStore } from '@casusregie/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { type KafkaPublisherConfig, kafkaConfigFromEnv } from '../libs/messaging/src/kafka/kafka-config';
import { KafkaMessagePublisher } from '../libs/messaging/src/kafka/kafka-message-publisher';
import { caseEventMessages, caseMessages } from '../libs/messaging/src/relay/case-messages';
import { EventRelay, type MessageMapping } from '../libs/messaging/src/relay/event-relay';
import { silentRelayLogger } from '../libs/messaging/src/relay/relay-logger';
import {
  CaseLog,
  CaseScript,
  ORG,
  type Step,
  after,
  arrangedGrensvlak,
  awaitingAnswer,
  disputedGrensvlak,
  generateCases,
  moeilijkPlaatsbaar,
  referred,
} from '../libs/projections/src/testing';

const CASES = Number(process.env.BENCH_CASES ?? 3_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FETCH_WAIT_MS = Number(process.env.BENCH_FETCH_WAIT_MS ?? 10);
const CASE_EVENTS_TOPIC = 'casusregie.case-events.v1';
const REPO_ROOT = resolve(__dirname, '..');
const root = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'casusregie-bench-relay-'));

interface Broker {
  readonly config: KafkaPublisherConfig;
  readonly description: string;
  stop(): void;
}

function broker(): Broker {
  const fromEnv = kafkaConfigFromEnv();
  if (fromEnv)
    return { config: fromEnv, description: `KAFKA_BROKERS=${fromEnv.brokers.join(',')}`, stop: () => {} };
  const env = { ...process.env, KAFKA_MOCK_DIR: join(root, 'kafka-mock') };
  const script = join(REPO_ROOT, 'infra', 'kafka-mock.sh');
  const brokers = execFileSync(script, ['start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split(',');
  return {
    config: { brokers, idempotent: false },
    description: `librdkafka mock cluster via kcat, ${brokers.length} brokers, idempotence off`,
    stop: () => execFileSync(script, ['stop'], { env, stdio: 'ignore' }),
  };
}

async function relayUntilHead(
  store: EventStore,
  config: KafkaPublisherConfig,
  mapping: MessageMapping,
  name: string,
): Promise<{ events: number; messages: number; seconds: number }> {
  const publisher = new KafkaMessagePublisher({ ...config, clientId: `bench-${name}` }, silentRelayLogger);
  // Connect (and create the topics) before the clock starts.
  await publisher.publish([{ topic: CASE_EVENTS_TOPIC, key: 'warm-up', value: '{}', headers: {} }]);
  let messages = 0;
  const relay = new EventRelay({
    store,
    publisher,
    mapping,
    name,
    batchSize: 500,
    logger: silentRelayLogger,
    onBatch: (batch) => (messages += batch.messages),
  });
  const head = await store.headPosition();
  const started = performance.now();
  await relay.start();
  if (!(await relay.waitForCheckpoint(head, 300_000))) throw new Error(`relay ${name} did not reach ${head}`);
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  await publisher.close();
  return { events: head, messages, seconds };
}

/** Journeys of fresh cases, their commands interleaved round-robin: a steady mix like live traffic. */
function liveCommands(log: CaseLog, count: number): Step[][] {
  const builders = [arrangedGrensvlak, disputedGrensvlak, awaitingAnswer, moeilijkPlaatsbaar, referred];
  const regiehouders = [ORG.utrecht, ORG.houten, ORG.zwolle, ORG.tilburg];
  const journeys: Step[][] = [];
  let total = 0;
  for (let i = 0; total < count; i++) {
    const script = new CaseScript(log, `live-${i}`, regiehouders[i % regiehouders.length]);
    const journey = builders[i % builders.length](script, after('2026-06-01T08:00:00Z', i % 30));
    journeys.push(journey);
    total += journey.length;
  }
  return journeys;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function endToEnd(store: EventStore, config: KafkaPublisherConfig) {
  const appendedAt = new Map<number, number>(); // global position -> when its append was acknowledged
  const acknowledgedAt = new Map<number, number>(); // global position -> when the broker acknowledged it
  const latencies: number[] = [];
  const relayLatencies: number[] = [];
  const pendingReceipts = new Map<number, number>();

  const kafka = new Kafka({
    clientId: 'bench-consumer',
    brokers: [...config.brokers],
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({
    groupId: `bench-${Date.now()}`,
    sessionTimeout: 6_000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: FETCH_WAIT_MS,
  });
  const joined = new Promise<void>((done) => consumer.on(consumer.events.GROUP_JOIN, () => done()));
  await consumer.connect();
  await consumer.subscribe({ topic: CASE_EVENTS_TOPIC, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const receivedAt = performance.now();
      const position = Number(message.headers?.['global-position']?.toString());
      if (!Number.isFinite(position)) return;
      const at = appendedAt.get(position);
      if (at === undefined) pendingReceipts.set(position, receivedAt);
      else latencies.push(Math.max(0, receivedAt - at));
    },
  });
  await joined;

  const publisher = new KafkaMessagePublisher({ ...config, clientId: 'bench-live' }, silentRelayLogger);
  await store.checkpoints.store('kafka-relay-live', await store.headPosition());
  let previous = await store.headPosition();
  const relay = new EventRelay({
    store,
    publisher,
    mapping: caseMessages(store),
    name: 'kafka-relay-live',
    logger: silentRelayLogger,
    onBatch: ({ checkpoint }) => {
      const now = performance.now();
      for (let position = previous + 1; position <= checkpoint; position++) acknowledgedAt.set(position, now);
      previous = checkpoint;
    },
  });
  await relay.start();
  // Let the consumer's first fetches reach the end of the (so far empty) partitions.
  await new Promise((done) => setTimeout(done, 1_000));

  const log = new CaseLog(store);
  const journeys = liveCommands(log, RATE * SECONDS);
  const queue = journeys.flatMap((journey, index) => journey.map((step, n) => ({ index, n, step })));
  queue.sort((a, b) => a.n - b.n || a.index - b.index);
  const busy = new Map<number, Promise<void>>();
  const started = performance.now();
  let sent = 0;
  let events = 0;
  const total = Math.min(queue.length, RATE * SECONDS);
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE) + 1);
    for (; sent < due; sent++) {
      const { index, step } = queue[sent];
      const run = (busy.get(index) ?? Promise.resolve()).then(async () => {
        const result = await step.run();
        const now = performance.now();
        for (let position = result.firstGlobalPosition; position <= result.lastGlobalPosition; position++) {
          appendedAt.set(position, now);
          events++;
          const received = pendingReceipts.get(position);
          if (received !== undefined) latencies.push(Math.max(0, received - now));
          pendingReceipts.delete(position);
        }
      });
      busy.set(index, run);
    }
    await new Promise((done) => setTimeout(done, 2));
  }
  await Promise.all(busy.values());
  const offeredSeconds = (performance.now() - started) / 1000;
  const head = await store.headPosition();
  await relay.waitForCheckpoint(head, 30_000);
  const deadline = Date.now() + 15_000;
  while (latencies.length < events && Date.now() < deadline)
    await new Promise((done) => setTimeout(done, 20));
  for (const [position, at] of appendedAt) {
    const acked = acknowledgedAt.get(position);
    if (acked !== undefined) relayLatencies.push(Math.max(0, acked - at));
  }
  await relay.stop();
  await publisher.close();
  await consumer.disconnect();

  latencies.sort((a, b) => a - b);
  relayLatencies.sort((a, b) => a - b);
  return {
    commands: total,
    commandsPerSec: total / offeredSeconds,
    events,
    received: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    relayP99: percentile(relayLatencies, 99),
  };
}

async function main(): Promise<void> {
  const kafka = broker();
  try {
    const store = new SqliteEventStore({ filename: join(root, 'events.sqlite'), synchronous: 'NORMAL' });
    const generated = await generateCases(store, { cases: CASES });
    const caseEventsOnly = await relayUntilHead(store, kafka.config, caseEventMessages, 'bench-case-events');
    const both = await relayUntilHead(store, kafka.config, caseMessages(store), 'bench-case-messages');
    const live = await endToEnd(store, kafka.config);
    await store.close();

    const relayMessagesPerSec = caseEventsOnly.messages / caseEventsOnly.seconds;
    const rows: [string, string][] = [
      ['broker', kafka.description],
      ['log', `${caseEventsOnly.events} case events from ${generated.commands} commands (${CASES} cases)`],
      ['relayMessagesPerSec (case events)', relayMessagesPerSec.toFixed(0)],
      ['  catch-up time', `${caseEventsOnly.seconds.toFixed(2)} s for ${caseEventsOnly.messages} messages`],
      ['with notifications: messages/s', (both.messages / both.seconds).toFixed(0)],
      [
        '  events/s, messages',
        `${(both.events / both.seconds).toFixed(0)} events/s, ${both.messages} messages`,
      ],
      [
        'live load offered',
        `${live.commandsPerSec.toFixed(0)} commands/s (${live.commands} commands, ${live.events} events)`,
      ],
      ['endToEndP50Ms', live.p50.toFixed(1)],
      ['endToEndP99Ms', live.p99.toFixed(1)],
      ['endToEndMaxMs', live.max.toFixed(1)],
      ['appendToAckP99Ms (relay only)', live.relayP99.toFixed(1)],
      ['consumer fetch wait (maxWaitTimeInMs)', `${FETCH_WAIT_MS} ms`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    console.log(
      JSON.stringify({
        relayMessagesPerSec: Math.round(relayMessagesPerSec),
        endToEndP99Ms: Number(live.p99.toFixed(1)),
        endToEndP50Ms: Number(live.p50.toFixed(1)),
        appendToAckP99Ms: Number(live.relayP99.toFixed(1)),
        messagesPerSecWithNotifications: Math.round(both.messages / both.seconds),
        commandsPerSec: Math.round(live.commandsPerSec),
        liveEvents: live.events,
        received: live.received,
        broker: process.env.KAFKA_BROKERS ? 'kafka' : 'librdkafka-mock',
      }),
    );
  } finally {
    kafka.stop();
    if (!process.env.BENCH_DIR) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
