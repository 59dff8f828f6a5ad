import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DeadlineWatcher } from '@casusregie/messaging';
import { ManualClock } from '../../apps/case-api/src/platform/clock';
import { createLogger } from '../../apps/casusregie/src/logging/logger';
import { DEADLINE_WATCHER } from '../../apps/casusregie/src/processors/deadline-watcher.providers';
import { loadNotifierConfig } from '../../apps/notifier/src/config/notifier-config';
import { createNotifier } from '../../apps/notifier/src/create-notifier';
import { SqliteEventStore } from '@casusregie/event-store';
import { describeWithKafka } from '../../libs/messaging/test-support/kafka-mock';
import { TestConsumer } from '../../libs/messaging/test-support/test-consumer';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { JourneyClient } from './support/journey/http';
import { CaseLog, CaseScript, arrangedGrensvlak, runSteps } from '../../libs/projections/src/testing';
import { freePort, startNpmScript } from './support/service-process';

const CASE_EVENTS = 'casusregie.case-events.v1';
const NOTIFICATIONS = 'casusregie.notifications.v1';

const startNotifierScript = (env: Record<string, string>) => startNpmScript('start:notifier', env);

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Ready {
  readonly status: string;
  readonly eventStore: { readonly status: string; readonly headPosition: number };
  readonly relay: { readonly status: string; readonly lag: number; readonly checkpoint: number };
  readonly watcher: {
    readonly status: string;
    readonly ticks: number;
    readonly lastTick: { today: string } | null;
  };
}

async function ready(url: string): Promise<{ httpStatus: number; body: Ready }> {
  const response = await fetch(`${url}/health/ready`);
  return { httpStatus: response.status, body: (await response.json()) as Ready };
}

describe('apps/notifier: the start:notifier script', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'casusregie-notifier-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves health on PORT with the watcher running, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const service = startNotifierScript({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    try {
      const body = await until(
        async () => {
          const answer = await ready(`http://127.0.0.1:${port}`);
          return answer.httpStatus === 200 && answer.body.watcher.ticks > 0 ? answer.body : undefined;
        },
        'the notifier to be ready',
        30_000,
      );
      expect(body).toMatchObject({
        status: 'ok',
        eventStore: { status: 'up' },
        watcher: { status: 'up', intervalMs: 60_000, approachingWithinDays: 3 },
      });
      expect(body).not.toHaveProperty('relay'); // KAFKA_BROKERS is not set
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'notifier', 'read-models.sqlite'))).toBe(true);
    } finally {
      service.child.kill('SIGTERM');
    }
    // The shutdown hooks ran (watcher stopped, read models and store closed: no WAL left), then the signal.
    expect(await service.exited).toMatchObject({ signal: 'SIGTERM' });
    expect(existsSync(join(dataDir, 'events.sqlite-wal'))).toBe(false);
    expect(service.output()).toContain('Deadline watcher stopped');
  }, 45_000);

  it('refuses to start on a wrong value and says which one', async () => {
    const service = startNotifierScript({
      DATA_DIR: dataDir,
      KAFKA_BROKERS: 'no-port',
      WATCH_INTERVAL_MS: 'often',
    });
    expect(await service.exited).toEqual({ code: 2, signal: null });
    expect(service.output()).toContain('KAFKA_BROKERS: "no-port" is not host:port');
    expect(service.output()).toContain('WATCH_INTERVAL_MS must be a whole number of milliseconds');
  }, 30_000);
});

describeWithKafka('apps/notifier beside the API, with the relay to the mock Kafka broker', (mock) => {
  let api: EmbeddedApp;
  let notifier: NestFastifyApplication;
  let notifierUrl: string;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    // The API on the embedded default, without its own watcher or relay: the notifier runs them.
    api = await startEmbeddedApp({ start: '2026-03-02T09:00:00.000Z' });
    const config = loadNotifierConfig({
      DATA_DIR: api.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      WATCH_INTERVAL_MS: '3600000', // the test ticks the watcher itself
      DEADLINE_APPROACHING_DAYS: '2',
      KAFKA_BROKERS: mock.brokers.join(','),
      KAFKA_IDEMPOTENT: 'false', // the mock cannot serve the idempotent producer
      KAFKA_CONNECTION_TIMEOUT_MS: '500',
      KAFKA_REQUEST_TIMEOUT_MS: '1000',
      KAFKA_ACK_TIMEOUT_MS: '1000',
      KAFKA_RETRIES: '1',
    });
    notifier = await createNotifier({ config, logger: createLogger('silent'), clock });
    await notifier.listen(0, '127.0.0.1');
    notifierUrl = await notifier.getUrl();
  }, 40_000);

  afterAll(async () => {
    await notifier?.close();
    await api?.close({ removeData: true });
  }, 30_000);

  it("relays the API's case events and notifications, shows the relay lag, and relays what its watcher appends", async () => {
    // Stopped before the next test freezes the broker: a kafkajs consumer whose group crashes meanwhile keeps
    // restarting after disconnect() and would hold the test process open.
    const consumer = await TestConsumer.start(mock.brokers, [CASE_EVENTS, NOTIFICATIONS]);
    try {
      await relaysTheCase(consumer);
    } finally {
      await consumer.stop();
    }
  }, 60_000);

  async function relaysTheCase(consumer: TestConsumer): Promise<void> {
    const client = new JourneyClient(api);
    const casus = await CaseJourney.register(client, {
      caseType: 'grensvlak',
      summary: 'Grensvlak wijkverpleging en persoonlijke verzorging.',
    });
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-04');
    api.clock.set('2026-03-04T10:00:00.000Z');
    const [needId] = await casus.discuss({ sessionId, present: ['GM0344', '3311'], needs: ['verpleging'] });
    const { responsibilityId } = await casus.propose(needId, 'Zvw', '3311', { wlzIndication: false });
    const requestId = await casus.requestFinancier(needId, responsibilityId, 'Neemt de verzekeraar dit op?');

    // The relay catches up: /health/ready shows lag 0 at the head, and every event of the case is consumable.
    const head = await api.store.headPosition();
    const caught = await until(async () => {
      const answer = await ready(notifierUrl);
      return answer.body.relay.checkpoint >= head ? answer : undefined;
    }, 'the relay to reach the head of the log');
    expect(caught.httpStatus).toBe(200);
    expect(caught.body.relay).toMatchObject({ status: 'up', lag: 0 });
    const stream = await api.store.readStream(`case-${casus.caseId}`);
    await consumer.waitUntil(
      () => stream.every((e) => consumer.eventIds(CASE_EVENTS).has(e.eventId)),
      'every event of the case on casusregie.case-events.v1',
    );
    const requested = () =>
      consumer
        .on(NOTIFICATIONS)
        .filter((m) => m.headers['case-id'] === casus.caseId && m.key === '3311')
        .map((m) => m.headers['notification-kind']);
    await consumer.waitUntil(() => requested().includes('responsibility-requested'), 'the request for 3311');

    // The watcher: on 12 March the answer (due 11 March) is missed. The notifier appends DeadlineMissed to the
    // case, and relays it: the insurer gets a deadline-missed notification.
    clock.set('2026-03-12T07:00:00.000Z');
    const watcher = notifier.get<DeadlineWatcher>(DEADLINE_WATCHER);
    const tick = await until(async () => {
      const report = await watcher.tick();
      return report.eventsAppended > 0 ? report : undefined;
    }, 'the watcher to see the case in its read models');
    expect(tick.eventTypes).toEqual({ 'casus.DeadlineMissed.v1': 1 });
    const missed = (await api.store.readStream(`case-${casus.caseId}`)).filter(
      (e) => e.type === 'casus.DeadlineMissed.v1',
    );
    expect(missed.map((e) => e.data)).toEqual([
      expect.objectContaining({ deadlineId: `liaison-answer:${requestId}`, dueOn: '2026-03-11' }),
    ]);
    expect(missed[0].metadata.actor).toMatchObject({ role: 'system', userId: 'deadline-watcher' });
    await consumer.waitUntil(() => consumer.eventIds(CASE_EVENTS).has(missed[0].eventId), 'DeadlineMissed');
    await consumer.waitUntil(
      () => requested().includes('deadline-missed'),
      'the deadline-missed notification',
    );
    expect((await ready(notifierUrl)).body.watcher).toMatchObject({
      status: 'up',
      lastTick: { today: '2026-03-12', eventsAppended: 1 },
    });
  }

  it('on SIGTERM while the broker does not answer, stops without storing a checkpoint ahead of an acknowledgement; a restart publishes the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'casusregie-notifier-sigterm-'));
    const env = {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      WATCHER_ENABLED: 'false',
      KAFKA_BROKERS: mock.brokers.join(','),
      KAFKA_IDEMPOTENT: 'false',
      KAFKA_CONNECTION_TIMEOUT_MS: '500',
      KAFKA_REQUEST_TIMEOUT_MS: '1000',
      KAFKA_ACK_TIMEOUT_MS: '1000',
      KAFKA_RETRIES: '1',
    };
    const log = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
    const cases = new CaseLog(log);
    const readyAt = (port: number) => ready(`http://127.0.0.1:${port}`);
    let thawed = true;
    try {
      await runSteps(arrangedGrensvlak(new CaseScript(cases, 'sigterm-1'), '2026-03-02T08:00:00Z'));
      const acknowledged = await log.headPosition();
      let port = await freePort();
      let service = startNotifierScript({ ...env, PORT: String(port) });
      await until(
        async () => {
          const answer = await readyAt(port);
          return answer.httpStatus === 200 && answer.body.relay.checkpoint >= acknowledged
            ? answer
            : undefined;
        },
        'the relay to publish the first case',
        30_000,
      );

      mock.freeze();
      thawed = false;
      await runSteps(arrangedGrensvlak(new CaseScript(cases, 'sigterm-2'), '2026-03-03T08:00:00Z'));
      const head = await log.headPosition();
      const down = await until(async () => {
        const answer = await readyAt(port);
        return answer.body.relay.status === 'retrying' ? answer : undefined;
      }, 'the relay to retry');
      expect(down.body.relay).toMatchObject({ checkpoint: acknowledged, lag: head - acknowledged });
      service.child.kill('SIGTERM');
      expect(await service.exited).toMatchObject({ signal: 'SIGTERM' });
      // Nothing after the last acknowledged batch was checkpointed.
      expect(await log.checkpoints.load('kafka-relay')).toBe(acknowledged);
      mock.thaw();
      thawed = true;

      port = await freePort();
      service = startNotifierScript({ ...env, PORT: String(port) });
      try {
        const caught = await until(
          async () => {
            const answer = await readyAt(port);
            return answer.httpStatus === 200 && answer.body.relay.checkpoint >= head ? answer : undefined;
          },
          'the restarted relay to publish the rest',
          30_000,
        );
        expect(caught.body.relay).toMatchObject({ status: 'up', lag: 0 });
      } finally {
        service.child.kill('SIGTERM');
        await service.exited;
      }
    } finally {
      if (!thawed) mock.thaw();
      await log.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('reports a growing lag and 503 while the broker does not answer, and catches up when it is back', async () => {
    mock.freeze();
    let thawed = false;
    try {
      const client = new JourneyClient(api);
      await CaseJourney.register(client, {
        caseType: 'overig',
        summary: 'Vraag over vervoer naar dagbesteding.',
      });
      const down = await until(async () => {
        const answer = await ready(notifierUrl);
        return answer.body.relay.status === 'retrying' ? answer : undefined;
      }, 'the relay to retry');
      expect(down.httpStatus).toBe(503);
      expect(down.body.status).toBe('unavailable');
      expect(down.body.relay.lag).toBeGreaterThan(0);
      mock.thaw();
      thawed = true;
    } finally {
      if (!thawed) mock.thaw();
    }
    const head = await api.store.headPosition();
    const back = await until(
      async () => {
        const answer = await ready(notifierUrl);
        return answer.httpStatus === 200 && answer.body.relay.checkpoint >= head ? answer : undefined;
      },
      'the relay to catch up',
      40_000,
    );
    expect(back.body.relay).toMatchObject({ status: 'up', lag: 0 });
  }, 60_000);
});
