/**
 * The latency phase of `npm run bench:relay`: the embedded app as `npm start` runs it (child process, fresh data
 * directory, KAFKA_BROKERS = the broker, WATCHER_ENABLED=false) takes commands over HTTP at a paced rate from
 * `clients` concurrent clients (the mixed command load of the API benchmark, command-workload.ts). For every event
 * a 2xx answer names, the time from that answer arriving to its public case event, and to each of its
 * notifications, arriving at a consumer in this process. Events whose message never arrives within the timeout
 * are counted as missing, never left out: the expected notifications are what the relay's own mapping gives for
 * the stored events (read from the app's log after it stopped).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseState } from '@casusregie/domain';
import { SqliteEventStore, type StoredEvent } from '@casusregie/event-store';
import type { KafkaPublisherConfig } from '../../libs/messaging/src/kafka/kafka-config';
import { caseMessages } from '../../libs/messaging/src/relay/case-messages';
import { startApp } from './app-process';
import { sampleCases } from './case-sample';
import { CommandWorkload } from './command-workload';
import { HttpClient } from './http-client';
import { KafkaReceipts, NOTIFICATIONS_TOPIC } from './kafka-receipts';
import { Latencies, percentile } from './latency';
import { Prng } from './prng';
import { tableProfiles } from './tables';
import { Tokens } from './tokens';

export interface LatencyOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly broker: KafkaPublisherConfig;
  /** Extra environment for the app (KAFKA_IDEMPOTENT=false for the mock). */
  readonly appEnv: Readonly<Record<string, string>>;
  readonly commandRate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly clients: number;
  readonly timeoutMs: number;
  readonly fetchWaitMs: number;
  readonly seed: number;
  /** Cases seeded (scripts/seed.ts) into the data directory first, so that commands can move cases on. */
  readonly seedCases: number;
  readonly progress: (line: string) => void;
}

export interface Missing {
  readonly expected: number;
  readonly received: number;
}

export interface LatencyResult {
  readonly offeredRate: number;
  /** 2xx answers per second of the measured window. */
  readonly commandsPerSec: number;
  readonly commands: Latencies;
  readonly caseEvents: Missing & {
    readonly p50: number | null;
    readonly p99: number | null;
    max: number | null;
  };
  readonly notifications: Missing & { readonly p50: number | null; readonly p99: number | null };
  /** Case events consumed before this process had read the HTTP answer that named them (latency counted as 0). */
  readonly beforeAnswer: number;
  readonly appStartupMs: number;
}

/** The checkpoint of the app's relay (EventRelay's default name). */
const RELAY_CHECKPOINT = 'kafka-relay';

interface Answered {
  readonly answeredAt: number;
  readonly measured: boolean;
}

function eventIdsOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as { events?: { eventId?: unknown }[] };
    return (body.events ?? []).map((e) => e.eventId).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** The notifications the relay's mapping gives for each answered event, from the log of the stopped app. */
async function expectedNotifications(
  dataDir: string,
  eventIds: ReadonlySet<string>,
  fromPosition: number,
): Promise<Map<string, number>> {
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  const mapping = caseMessages(store);
  const expected = new Map<string, number>();
  try {
    // From where the app's relay started, as the relay does (a state it has not seen is read from the stream).
    let from = fromPosition;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 1_000 });
      for (const event of page.events as StoredEvent[]) {
        // The mapping keeps case states between events: feed it every event, in order, as the relay does.
        const messages = await mapping(event);
        if (eventIds.has(event.eventId))
          expected.set(event.eventId, messages.filter((m) => m.topic === NOTIFICATIONS_TOPIC).length);
      }
      from = page.nextPosition;
      if (page.isEnd) break;
    }
  } finally {
    await store.close();
  }
  return expected;
}

/**
 * Seeds the data directory and folds the cases the workload starts from. The relay checkpoint is set to the head:
 * the seeded history counts as published before, so the measured commands do not queue behind it.
 */
async function seedDataDir(options: LatencyOptions): Promise<{ states: CaseState[]; head: number }> {
  execFileSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'scripts/seed.ts',
      '--cases',
      String(options.seedCases),
      '--data-dir',
      options.dataDir,
    ],
    { cwd: options.repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const store = new SqliteEventStore({ filename: join(options.dataDir, 'events.sqlite') });
  try {
    const cases = await sampleCases(store, new Prng(options.seed, 2, 0), options.seedCases * 20);
    const head = await store.headPosition();
    await store.checkpoints.store(RELAY_CHECKPOINT, head);
    return { states: cases.map((c) => c.state), head };
  } finally {
    await store.close();
  }
}

async function waitFor(condition: () => boolean, deadline: number): Promise<void> {
  while (!condition() && performance.now() < deadline) await sleep(20);
}

export async function measureLatency(options: LatencyOptions): Promise<LatencyResult> {
  const seeded = await seedDataDir(options);
  const receipts = new KafkaReceipts(options.broker, options.fetchWaitMs);
  await receipts.start();
  const secret = randomBytes(32).toString('hex');
  const app = await startApp({
    repoRoot: options.repoRoot,
    dataDir: options.dataDir,
    secret,
    port: 0,
    logLevel: 'warn',
    logFile: join(options.dataDir, 'app.log'),
    readyTimeoutMs: 120_000,
    env: {
      KAFKA_BROKERS: options.broker.brokers.join(','),
      WATCHER_ENABLED: 'false',
      ...options.appEnv,
    },
  });
  const http = new HttpClient(app.baseUrl, options.clients);
  const tables = tableProfiles();
  const workload = new CommandWorkload(
    http,
    new Tokens(secret, tables),
    tables,
    seeded.states,
    0,
    Date.now(),
  );
  const answered = new Map<string, Answered>();
  const commands = new Latencies();
  let stopped = false;
  try {
    await workload.registerSubjects(50);
    const begin = performance.now();
    const measureFrom = begin + options.warmupSeconds * 1000;
    const measureTo = measureFrom + options.seconds * 1000;
    let lastAnswer = measureTo;
    const interval = (options.clients / options.commandRate) * 1000;
    options.progress(
      `latency: ${options.commandRate} commands/s offered by ${options.clients} clients, ` +
        `${options.warmupSeconds} s warm-up, ${options.seconds} s measured\n`,
    );
    await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        const rng = new Prng(options.seed, 1, client);
        for (let due = begin + (client * interval) / options.clients; due < measureTo; due += interval) {
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          const { result } = await workload.step(rng);
          const answeredAt = performance.now();
          const measured = due >= measureFrom;
          if (measured) {
            commands.record(result.status, answeredAt - due, result.text);
            lastAnswer = Math.max(lastAnswer, answeredAt);
          }
          if (result.status < 200 || result.status >= 300) continue;
          for (const eventId of eventIdsOf(result.text)) answered.set(eventId, { answeredAt, measured });
        }
      }),
    );
    const measuredIds = [...answered].filter(([, a]) => a.measured).map(([id]) => id);
    const deadline = performance.now() + options.timeoutMs;
    await waitFor(() => measuredIds.every((id) => receipts.caseEvents.has(id)), deadline);
    await app.stop();
    stopped = true;

    const expected = await expectedNotifications(options.dataDir, new Set(measuredIds), seeded.head);
    await waitFor(
      () => measuredIds.every((id) => receipts.notificationCount(id) >= (expected.get(id) ?? 0)),
      deadline,
    );

    const eventLatencies: number[] = [];
    const notificationLatencies: number[] = [];
    let beforeAnswer = 0;
    let notificationsExpected = 0;
    let notificationsReceived = 0;
    for (const id of measuredIds) {
      const { answeredAt } = answered.get(id)!;
      const at = receipts.caseEvents.get(id);
      if (at !== undefined && at < answeredAt) beforeAnswer++;
      // A message that never arrived counts as infinitely late: the percentiles cannot hide it.
      eventLatencies.push(at === undefined ? Infinity : Math.max(0, at - answeredAt));
      const wanted = expected.get(id) ?? 0;
      const arrivals = [...(receipts.notifications.get(id)?.values() ?? [])].slice(0, wanted);
      notificationsExpected += wanted;
      notificationsReceived += arrivals.length;
      for (const arrived of arrivals) notificationLatencies.push(Math.max(0, arrived - answeredAt));
      for (let n = arrivals.length; n < wanted; n++) notificationLatencies.push(Infinity);
    }
    // Achieved: the measured commands' 2xx answers over the time they took to arrive (longer than the window
    // when the app falls behind the offered rate).
    const okCommands = commands.ok.length;
    const answerSeconds = (lastAnswer - measureFrom) / 1000;
    return {
      offeredRate: options.commandRate,
      commandsPerSec: okCommands / answerSeconds,
      commands,
      caseEvents: {
        expected: measuredIds.length,
        received: measuredIds.filter((id) => receipts.caseEvents.has(id)).length,
        p50: percentile(eventLatencies, 0.5),
        p99: percentile(eventLatencies, 0.99),
        max: percentile(eventLatencies, 1),
      },
      notifications: {
        expected: notificationsExpected,
        received: notificationsReceived,
        p50: percentile(notificationLatencies, 0.5),
        p99: percentile(notificationLatencies, 0.99),
      },
      beforeAnswer,
      appStartupMs: app.startupMs,
    };
  } finally {
    http.close();
    if (!stopped) await app.stop();
    await receipts.stop();
  }
}
