import type { KafkaPublisherConfig } from '../src/kafka/kafka-config';
import { KafkaMessagePublisher } from '../src/kafka/kafka-message-publisher';
import { type RelayLogger, silentRelayLogger } from '../src/relay/relay-logger';

/**
 * The configuration tests use against the mock: idempotence off (the mock cannot serve it) and short timeouts, so
 * that an unreachable broker shows within about a second.
 */
export function testKafkaConfig(
  brokers: readonly string[],
  overrides: Partial<KafkaPublisherConfig> = {},
): KafkaPublisherConfig {
  return {
    brokers,
    clientId: 'casusregie-test',
    idempotent: false,
    connectionTimeoutMs: 500,
    requestTimeoutMs: 1_000,
    ackTimeoutMs: 1_000,
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 },
    ...overrides,
  };
}

export function testPublisher(
  brokers: readonly string[],
  overrides: Partial<KafkaPublisherConfig> = {},
  logger: RelayLogger = silentRelayLogger,
): KafkaMessagePublisher {
  return new KafkaMessagePublisher(testKafkaConfig(brokers, overrides), logger);
}
