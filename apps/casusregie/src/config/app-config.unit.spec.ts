import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to ./data, port 3000 and durable commits', () => {
    expect(loadConfig({}, '/srv/casusregie')).toEqual({
      dataDir: '/srv/casusregie/data',
      port: 3000,
      host: '0.0.0.0',
      eventStoreSynchronous: 'FULL',
      logLevel: 'info',
      auth: { mode: 'hs256', secret: undefined, issuer: undefined, audience: undefined },
      referenceDataFile: undefined,
      readyMaxProjectionLag: 1000,
      masterKey: undefined,
      watcher: { enabled: true, intervalMs: 60_000, approachingWithinDays: 3 },
      kafka: null,
    });
  });

  it('takes a MASTER_KEY of 32 bytes and refuses another length without echoing it', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ MASTER_KEY: key }).masterKey).toBe(key);
    let message = '';
    try {
      loadConfig({ MASTER_KEY: 'c2hvcnQ=' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('MASTER_KEY must be the base64 encoding of 32 random bytes');
    expect(message).not.toContain('c2hvcnQ=');
  });

  it('switches to RS256 with a JWKS URL and refuses a short HS256 secret or both at once', () => {
    expect(
      loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_ISSUER: 'https://idp.example' }).auth,
    ).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://idp.example/jwks.json',
      issuer: 'https://idp.example',
      audience: undefined,
    });
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET must be at least 32 bytes/,
    );
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://a/b' })).toThrow(
      /not both/,
    );
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' })).toThrow(
      /AUTH_JWKS_URL must be an http\(s\) URL/,
    );
  });

  it('takes DATA_DIR, PORT, HOST and EVENT_STORE_SYNCHRONOUS from the environment', () => {
    expect(
      loadConfig(
        { DATA_DIR: '/var/lib/cr', PORT: '8080', HOST: '127.0.0.1', EVENT_STORE_SYNCHRONOUS: 'normal' },
        '/x',
      ),
    ).toMatchObject({
      dataDir: '/var/lib/cr',
      port: 8080,
      host: '127.0.0.1',
      eventStoreSynchronous: 'NORMAL',
    });
  });

  it('names every wrong value with what is allowed', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE_SYNCHRONOUS: 'OFF', DATA_DIR: ' ', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATA_DIR must not be empty (default ./data)',
      'PORT must be an integer from 0 to 65535 (0 = any free port), got "eighty"',
      'EVENT_STORE_SYNCHRONOUS must be FULL or NORMAL, got "OFF"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });

  it('reads the deadline watcher settings and the Kafka relay (on when KAFKA_BROKERS is set)', () => {
    expect(
      loadConfig({
        WATCHER_ENABLED: 'false',
        WATCH_INTERVAL_MS: '500',
        DEADLINE_APPROACHING_DAYS: '0',
        KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
        KAFKA_IDEMPOTENT: 'false',
      }),
    ).toMatchObject({
      watcher: { enabled: false, intervalMs: 500, approachingWithinDays: 0 },
      kafka: { brokers: ['kafka-1:9092', 'kafka-2:9092'], idempotent: false },
    });
  });

  it('names wrong watcher and Kafka settings', () => {
    let error: unknown;
    try {
      loadConfig({
        WATCHER_ENABLED: 'sometimes',
        WATCH_INTERVAL_MS: '5',
        DEADLINE_APPROACHING_DAYS: 'three',
        KAFKA_BROKERS: 'kafka',
      });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'WATCHER_ENABLED must be true or false (default true), got "sometimes"',
      'WATCH_INTERVAL_MS must be a whole number of milliseconds from 10 to 86400000 (default 60000), got "5"',
      'DEADLINE_APPROACHING_DAYS must be a whole number of calendar days from 0 to 365 (default 3), got "three"',
      'KAFKA_BROKERS: "kafka" is not host:port',
    ]);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be an integer from 0 to 65535/);
  });
});
