/**
 * Relay benchmark: `npm run bench:relay [-- options]` (node -r @swc-node/register scripts/bench-relay.ts). Prints a
 * table and, as the last line, one JSON object. Exits non-zero when a message the latency phase expected never
 * arrived within the timeout.
 *
 * - relayMessagesPerSec (throughput phase): the relay, in this process, catching up on a log of real case events
 *   (generated through the decider), each published as its public form to `casusregie.case-events.v1`, acknowledged
 *   by all replicas (acks -1), with the checkpoint stored after each batch. Measured from start() until the
 *   checkpoint reaches the head. Then the same log with the notifications as well.
 * - endToEndP99Ms / endToEndP50Ms (latency phase, scripts/bench/relay-latency.ts): the embedded app as `npm start`
 *   runs it, in a child process on a fresh data directory, with KAFKA_BROKERS = a fresh broker and
 *   WATCHER_ENABLED=false, takes commands over HTTP at --command-rate commands/s from --clients clients. For every
 *   event named in a 2xx answer: from that answer arriving to its public case event arriving at a kafkajs consumer
 *   in this process (same clock). Notifications are measured the same way, against what the relay's mapping gives
 *   for the stored events. A message that does not arrive within --timeout counts as missing (and as infinitely
 *   late in the percentiles).
 *
 * The broker is librdkafka's mock cluster started with kcat (infra/kafka-mock.sh; 3 brokers, idempotence off, as in
 * the tests), one for each phase, or a real cluster when KAFKA_BROKERS is set (then KAFKA_IDEMPOTENT etc. apply).
 * Options: --cases 3000 (throughput log: about 39,000 events; or BENCH_CASES), --command-rate 500, --duration 10
 * (seconds measured), --warmup 3 (seconds of commands before, not measured), --clients 32, --timeout 30 (seconds to
 * wait for the messages after the last command), --fetch-wait-ms 10 (the consumer's maxWaitTimeInMs; the mock holds
 * every fetch this long), --seed 7, --seed-cases 500 (cases seeded into the app's data directory first with
 * scripts/seed.ts, so commands move cases on rather than only register new ones; the relay checkpoint is set to
 * the seeded head, so the measured commands do not queue behind the seeded history), --dir (keep the working files there; default a temporary directory, removed).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type EventStore, SqliteEventStore } from '@casusregie/event-store';
import type { KafkaPublisherConfig } from '../libs/messaging/src/kafka/kafka-config';
import { KafkaMessagePublisher } from '../libs/messaging/src/kafka/kafka-message-publisher';
import { caseEventMessages, caseMessages } from '../libs/messaging/src/relay/case-messages';
import { EventRelay, type MessageMapping } from '../libs/messaging/src/relay/event-relay';
import { silentRelayLogger } from '../libs/messaging/src/relay/relay-logger';
import { generateCases } from '../libs/projections/src/testing';
import { type Broker, startBroker } from './bench/kafka-mock';
import { CASE_EVENTS_TOPIC } from './bench/kafka-receipts';
import { type LatencyOptions, measureLatency } from './bench/relay-latency';

const REPO_ROOT = resolve(__dirname, '..');

/** The latency phase's settings from the command line. */
type LoadOptions = Omit<LatencyOptions, 'repoRoot' | 'dataDir' | 'broker' | 'appEnv' | 'progress'>;

interface Options extends LoadOptions {
  readonly cases: number;
  readonly dir: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      'command-rate': { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      clients: { type: 'string' },
      timeout: { type: 'string' },
      'fetch-wait-ms': { type: 'string' },
      seed: { type: 'string' },
      'seed-cases': { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const number = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${name} must be a number of at least ${min}`);
    return value;
  };
  return {
    cases: Math.floor(number('cases', values.cases ?? process.env.BENCH_CASES, 3_000, 1)),
    commandRate: number('command-rate', values['command-rate'], 500, 1),
    seconds: number('duration', values.duration, 10, 1),
    warmupSeconds: number('warmup', values.warmup, 3, 0),
    clients: Math.floor(number('clients', values.clients, 32, 1)),
    timeoutMs: number('timeout', values.timeout, 30, 0) * 1000,
    fetchWaitMs: Math.floor(number('fetch-wait-ms', values['fetch-wait-ms'], 10, 0)),
    seed: Math.floor(number('seed', values.seed, 7, 0)),
    seedCases: Math.floor(number('seed-cases', values['seed-cases'], 500, 1)),
    dir: values.dir,
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

async function throughput(root: string, options: Options) {
  const kafka = startBroker(REPO_ROOT, join(root, 'kafka-mock-throughput'));
  try {
    const store = new SqliteEventStore({ filename: join(root, 'events.sqlite'), synchronous: 'NORMAL' });
    const generated = await generateCases(store, { cases: options.cases });
    const caseEventsOnly = await relayUntilHead(store, kafka.config, caseEventMessages, 'bench-case-events');
    const both = await relayUntilHead(store, kafka.config, caseMessages(store), 'bench-case-messages');
    await store.close();
    return { broker: kafka.description, commands: generated.commands, caseEventsOnly, both };
  } finally {
    kafka.stop();
  }
}

async function latency(root: string, options: Options) {
  const kafka: Broker = startBroker(REPO_ROOT, join(root, 'kafka-mock-latency'));
  const dataDir = join(root, 'app-data');
  mkdirSync(dataDir, { recursive: true });
  try {
    return await measureLatency({
      repoRoot: REPO_ROOT,
      dataDir,
      broker: kafka.config,
      appEnv: kafka.mock ? { KAFKA_IDEMPOTENT: 'false' } : {},
      ...options,
      progress: (line) => process.stderr.write(line),
    });
  } finally {
    kafka.stop();
  }
}

const ms = (value: number | null): string =>
  value === null ? '-' : Number.isFinite(value) ? value.toFixed(1) : 'missing';
const json = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : Number(value.toFixed(1));

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = options.dir ?? mkdtempSync(join(tmpdir(), 'casusregie-bench-relay-'));
  const loadBefore = loadavg();
  try {
    process.stderr.write(`throughput: relaying the log of ${options.cases} generated cases\n`);
    const put = await throughput(root, options);
    const live = await latency(root, options);
    const loadAfter = loadavg();

    const relayMessagesPerSec = put.caseEventsOnly.messages / put.caseEventsOnly.seconds;
    const missing = live.caseEvents.expected - live.caseEvents.received;
    const missingNotifications = live.notifications.expected - live.notifications.received;
    const rows: [string, string][] = [
      ['broker', put.broker],
      [
        'log',
        `${put.caseEventsOnly.events} case events from ${put.commands} commands (${options.cases} cases)`,
      ],
      ['relayMessagesPerSec (case events)', relayMessagesPerSec.toFixed(0)],
      [
        '  catch-up time',
        `${put.caseEventsOnly.seconds.toFixed(2)} s for ${put.caseEventsOnly.messages} messages`,
      ],
      ['with notifications: messages/s', (put.both.messages / put.both.seconds).toFixed(0)],
      [
        '  events/s, messages',
        `${(put.both.events / put.both.seconds).toFixed(0)} events/s, ${put.both.messages} messages`,
      ],
      ['app', `embedded app (child process), started in ${(live.appStartupMs / 1000).toFixed(1)} s`],
      [
        'commands offered / achieved',
        `${live.offeredRate}/s by ${options.clients} clients / ${live.commandsPerSec.toFixed(0)} 2xx/s ` +
          `(${options.seconds} s measured after ${options.warmupSeconds} s warm-up)`,
      ],
      [
        '  command p50 / p99 ms (from due)',
        `${ms(live.commands.percentile(0.5))} / ${ms(live.commands.percentile(0.99))}, non-2xx: ${live.commands.errorSummary()}`,
      ],
      [
        'case events received / expected',
        `${live.caseEvents.received} / ${live.caseEvents.expected} (${missing} missing)`,
      ],
      ['endToEndP50Ms (answer -> consumed)', ms(live.caseEvents.p50)],
      ['endToEndP99Ms (answer -> consumed)', ms(live.caseEvents.p99)],
      ['endToEndMaxMs', ms(live.caseEvents.max)],
      ['  consumed before the answer was read', String(live.beforeAnswer)],
      [
        'notifications received / expected',
        `${live.notifications.received} / ${live.notifications.expected} (${missingNotifications} missing)`,
      ],
      ['notification p50 / p99 ms', `${ms(live.notifications.p50)} / ${ms(live.notifications.p99)}`],
      ['consumer fetch wait (maxWaitTimeInMs)', `${options.fetchWaitMs} ms`],
      [
        'load average (1 min) before / after',
        `${loadBefore[0].toFixed(2)} / ${loadAfter[0].toFixed(2)} (${loadAfter.map((l) => l.toFixed(2)).join(' ')})`,
      ],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    console.log(
      JSON.stringify({
        relayMessagesPerSec: Math.round(relayMessagesPerSec),
        endToEndP99Ms: json(live.caseEvents.p99),
        endToEndP50Ms: json(live.caseEvents.p50),
        commandsPerSec: Math.round(live.commandsPerSec),
        offeredCommandsPerSec: live.offeredRate,
        received: live.caseEvents.received,
        expected: live.caseEvents.expected,
        notificationsReceived: live.notifications.received,
        notificationsExpected: live.notifications.expected,
        notificationP99Ms: json(live.notifications.p99),
        messagesPerSecWithNotifications: Math.round(put.both.messages / put.both.seconds),
        loadAvg1m: Number(loadAfter[0].toFixed(2)),
        broker: process.env.KAFKA_BROKERS ? 'kafka' : 'librdkafka-mock',
      }),
    );
    if (missing > 0 || missingNotifications > 0) {
      console.error(
        `FAILED: ${missing} case events and ${missingNotifications} notifications did not arrive within ` +
          `${options.timeoutMs / 1000} s`,
      );
      process.exitCode = 1;
    }
  } finally {
    if (!options.dir) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
