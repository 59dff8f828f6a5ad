import { SqliteEventStore } from '@casusregie/event-store';
import { KafkaRelay, caseMessages, silentRelayLogger } from '@casusregie/messaging';
import { until } from '../../../../libs/messaging/test-support/relay-fixtures';
import { relayReadiness } from './processors-health';

/**
 * The relay's part of /health/ready while its supervisor restarts it. The store fails before anything is
 * published, so no broker is needed (the Kafka client never connects).
 */
describe('relayReadiness', () => {
  let store: SqliteEventStore;
  let relay: KafkaRelay;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    relay = new KafkaRelay({
      store,
      mapping: caseMessages(store),
      logger: silentRelayLogger,
      kafka: { brokers: ['127.0.0.1:1'], idempotent: false },
      restartBackoff: { initialMs: 5, maxMs: 20 },
    });
  });

  afterEach(async () => {
    await relay.stop({ graceMs: 1_000 });
    await store.close();
  });

  it('shows a failed relay as restarting, with its restarts and the last failure (name and time only)', async () => {
    const load = jest
      .spyOn(store.checkpoints, 'load')
      .mockRejectedValue(new Error('SQLITE_IOERR at /data/x'));
    await relay.start();
    await until(async () => (await relayReadiness(relay)).restarts >= 1, 'a restart');
    const readiness = await relayReadiness(relay);
    expect(readiness).toMatchObject({
      status: 'restarting',
      lastFailure: { name: 'Error', at: expect.any(String) as string },
      nextRestartAt: expect.any(String) as string,
    });
    expect(JSON.stringify(readiness)).not.toContain('SQLITE_IOERR');

    load.mockRestore();
    await until(async () => (await relayReadiness(relay)).status === 'up', 'the relay running again');
    expect(await relayReadiness(relay)).toMatchObject({ status: 'up', nextRestartAt: null, lag: 0 });
  });
});
