import { KafkaConfigError, kafkaConfigFromEnv } from './kafka-config';

describe('kafkaConfigFromEnv', () => {
  it('is null without KAFKA_BROKERS: the relay is off', () => {
    expect(kafkaConfigFromEnv({})).toBeNull();
    expect(kafkaConfigFromEnv({ KAFKA_BROKERS: '  ' })).toBeNull();
  });

  it('reads the broker list, with the idempotent producer ON by default', () => {
    expect(kafkaConfigFromEnv({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toEqual({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: undefined,
      idempotent: true,
      ssl: undefined,
      sasl: undefined,
      connectionTimeoutMs: undefined,
      requestTimeoutMs: undefined,
      ackTimeoutMs: undefined,
      retry: undefined,
    });
  });

  it('switches idempotence off, and reads ssl, sasl, timeouts and retries', () => {
    expect(
      kafkaConfigFromEnv({
        KAFKA_BROKERS: '127.0.0.1:9092',
        KAFKA_CLIENT_ID: 'notifier',
        KAFKA_IDEMPOTENT: 'false',
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'relay',
        KAFKA_SASL_PASSWORD: 'secret',
        KAFKA_CONNECTION_TIMEOUT_MS: '2000',
        KAFKA_REQUEST_TIMEOUT_MS: '10000',
        KAFKA_ACK_TIMEOUT_MS: '5000',
        KAFKA_RETRIES: '3',
      }),
    ).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'notifier',
      idempotent: false,
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 'secret' },
      connectionTimeoutMs: 2_000,
      requestTimeoutMs: 10_000,
      ackTimeoutMs: 5_000,
      retry: { retries: 3 },
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'kafka-1' }, 'KAFKA_BROKERS: "kafka-1" is not host:port'],
    [{ KAFKA_BROKERS: 'kafka:9092', KAFKA_IDEMPOTENT: 'yes' }, 'KAFKA_IDEMPOTENT must be true or false'],
    [{ KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_MECHANISM: 'gssapi' }, 'KAFKA_SASL_MECHANISM must be'],
    [
      { KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_MECHANISM: 'plain' },
      'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    ],
    [
      { KAFKA_BROKERS: 'kafka:9092', KAFKA_REQUEST_TIMEOUT_MS: '0' },
      'KAFKA_REQUEST_TIMEOUT_MS must be an integer',
    ],
    [{ KAFKA_BROKERS: 'kafka:9092', KAFKA_RETRIES: '-1' }, 'KAFKA_RETRIES must be an integer'],
  ])('refuses %j', (env, message) => {
    expect(() => kafkaConfigFromEnv(env)).toThrow(KafkaConfigError);
    expect(() => kafkaConfigFromEnv(env)).toThrow(message);
  });
});
