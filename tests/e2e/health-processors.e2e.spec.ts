import { describeWithKafka } from '../../libs/messaging/test-support/kafka-mock';
import { until } from '../../libs/messaging/test-support/relay-fixtures';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { JourneyClient } from './support/journey/http';
import { readiness, relayCaughtUp, watcherTicksNow } from './support/processors-readiness';

/**
 * /health/ready of the embedded default with its processors: the relay (KAFKA_BROKERS set, against the mock
 * broker) and the deadline watcher are shown, and a broker that does not answer does not make the API unready.
 */
describeWithKafka('health of the embedded default with the relay and the watcher', (mock) => {
  let embedded: EmbeddedApp;

  beforeAll(async () => {
    embedded = await startEmbeddedApp({
      env: {
        WATCHER_ENABLED: 'true',
        WATCH_INTERVAL_MS: '50',
        KAFKA_BROKERS: mock.brokers.join(','),
        KAFKA_IDEMPOTENT: 'false', // the mock cannot serve the idempotent producer
        KAFKA_CONNECTION_TIMEOUT_MS: '500',
        KAFKA_REQUEST_TIMEOUT_MS: '1000',
        KAFKA_ACK_TIMEOUT_MS: '1000',
        KAFKA_RETRIES: '1',
      },
    });
  }, 30_000);
  afterAll(() => embedded?.close({ removeData: true }), 30_000);

  it('shows the relay with its lag and the watcher with its last tick', async () => {
    await CaseJourney.register(new JourneyClient(embedded), {
      caseType: 'overig',
      summary: 'Vraag over vervoer.',
    });
    const relay = await relayCaughtUp(embedded);
    expect(relay).toMatchObject({ status: 'up', lag: 0, consecutiveFailures: 0, lastError: null });
    expect(relay.checkpoint).toBe(await embedded.store.headPosition());
    const watcher = await watcherTicksNow(embedded, 1);
    expect(watcher).toMatchObject({
      status: 'up',
      intervalMs: 50,
      approachingWithinDays: 3,
      lastTick: { today: '2026-03-02', error: null },
    });
    const response = await fetch(`${embedded.url}/health/ready`);
    expect(response.status).toBe(200);
  }, 30_000);

  it('stays ready and keeps taking commands while the broker does not answer; the relay catches up after', async () => {
    mock.freeze();
    let thawed = false;
    try {
      // The API keeps working: commands are stored; the relay falls behind.
      const client = new JourneyClient(embedded);
      const casus = await CaseJourney.register(client, {
        caseType: 'overig',
        summary: 'Vraag over dagbesteding.',
      });
      await casus.triage();
      await until(async () => (await readiness(embedded)).relay?.status === 'retrying', 'the relay to retry');
      const response = await fetch(`${embedded.url}/health/ready`);
      const body = (await response.json()) as Awaited<ReturnType<typeof readiness>>;
      expect(response.status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.relay).toMatchObject({ status: 'retrying', lastError: { name: 'KafkaPublishError' } });
      expect(body.relay?.lag).toBeGreaterThan(0);
      mock.thaw();
      thawed = true;
    } finally {
      if (!thawed) mock.thaw();
    }
    expect(await relayCaughtUp(embedded, 40_000)).toMatchObject({ status: 'up', lag: 0 });
  }, 60_000);
});
