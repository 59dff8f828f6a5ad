import { ConfigError } from '../../../casusregie/src/config/env-reader';
import { loadNotifierConfig } from './notifier-config';

describe('loadNotifierConfig', () => {
  it('defaults to ./data, port 3001, the watcher on every minute with 3 days lead time, and no relay', () => {
    expect(loadNotifierConfig({}, '/srv/casusregie')).toEqual({
      dataDir: '/srv/casusregie/data',
      port: 3001,
      host: '0.0.0.0',
      eventStoreSynchronous: 'FULL',
      logLevel: 'info',
      referenceDataFile: undefined,
      readyMaxProjectionLag: 1000,
      watcher: { enabled: true, intervalMs: 60_000, approachingWithinDays: 3 },
      kafka: null,
    });
  });

  it('reads the relay settings when KAFKA_BROKERS is set', () => {
    expect(
      loadNotifierConfig({
        DATA_DIR: '/var/lib/casusregie',
        PORT: '8081',
        KAFKA_BROKERS: 'kafka:9092',
        KAFKA_CLIENT_ID: 'casusregie-notifier',
        KAFKA_IDEMPOTENT: 'false',
        WATCH_INTERVAL_MS: '15000',
        DEADLINE_APPROACHING_DAYS: '5',
      }),
    ).toMatchObject({
      dataDir: '/var/lib/casusregie',
      port: 8081,
      watcher: { enabled: true, intervalMs: 15_000, approachingWithinDays: 5 },
      kafka: { brokers: ['kafka:9092'], clientId: 'casusregie-notifier', idempotent: false },
    });
  });

  it('names every wrong value with what is allowed', () => {
    let error: unknown;
    try {
      loadNotifierConfig({
        PORT: '-1',
        HOST: '',
        LOG_LEVEL: 'verbose',
        READY_MAX_PROJECTION_LAG: 'many',
        WATCHER_ENABLED: 'yes',
        WATCH_INTERVAL_MS: '1.5',
        DEADLINE_APPROACHING_DAYS: '400',
        KAFKA_BROKERS: 'kafka:9092',
        KAFKA_SASL_MECHANISM: 'kerberos',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be an integer from 0 to 65535 (0 = any free port), got "-1"',
      'HOST must not be empty (default 0.0.0.0)',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
      'READY_MAX_PROJECTION_LAG must be a whole number of events from 0 to 1000000000 (default 1000), got "many"',
      'WATCHER_ENABLED must be true or false (default true), got "yes"',
      'WATCH_INTERVAL_MS must be a whole number of milliseconds from 10 to 86400000 (default 60000), got "1.5"',
      'DEADLINE_APPROACHING_DAYS must be a whole number of calendar days from 0 to 365 (default 3), got "400"',
      'KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, not "kerberos"',
    ]);
  });
});
