/**
 * The Kafka broker of the relay benchmark: librdkafka's mock cluster started with kcat (infra/kafka-mock.sh; 3
 * brokers, idempotence off, as in the tests), or a real cluster when KAFKA_BROKERS is set.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type KafkaPublisherConfig, kafkaConfigFromEnv } from '../../libs/messaging/src/kafka/kafka-config';

export interface Broker {
  readonly config: KafkaPublisherConfig;
  readonly description: string;
  /** True for the mock cluster started here (KAFKA_BROKERS unset). */
  readonly mock: boolean;
  stop(): void;
}

/** `dir` holds the mock's pid, log and bootstrap file; a second broker needs a directory of its own. */
export function startBroker(repoRoot: string, dir: string): Broker {
  const fromEnv = kafkaConfigFromEnv();
  if (fromEnv) {
    return {
      config: fromEnv,
      description: `KAFKA_BROKERS=${fromEnv.brokers.join(',')}`,
      mock: false,
      stop: () => {},
    };
  }
  const env = { ...process.env, KAFKA_MOCK_DIR: dir };
  const script = join(repoRoot, 'infra', 'kafka-mock.sh');
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
    mock: true,
    stop: () => execFileSync(script, ['stop'], { env, stdio: 'ignore' }),
  };
}
