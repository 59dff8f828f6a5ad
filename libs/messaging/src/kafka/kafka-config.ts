/**
 * Configuration of the Kafka adapter. Every option here exists in kafkajs AND in the KafkaJS-compatible layer of
 * @confluentinc/kafka-javascript (research/tech.md 3.5, that package's MIGRATION.md): brokers as a plain list,
 * ssl as a boolean, sasl plain/scram, timeouts, retry with retries/initialRetryTime/maxRetryTime (no factor or
 * multiplier), idempotent, acks -1, allowAutoTopicCreation, the default (murmur2, Java-compatible) partitioner.
 */
export interface KafkaPublisherConfig {
  readonly brokers: readonly string[];
  /** Client id the broker sees (default 'casusregie'). */
  readonly clientId?: string;
  /**
   * The idempotent producer (default ON): the broker drops duplicates caused by the client's own retries. Switch it
   * off for brokers that cannot serve it (librdkafka's mock cluster, which the tests use). Correctness does not
   * depend on it: the relay is at-least-once either way and every message carries the event id to dedupe on.
   */
  readonly idempotent?: boolean;
  readonly ssl?: boolean;
  readonly sasl?: KafkaSasl;
  /** Time to open a connection (default 3,000 ms). */
  readonly connectionTimeoutMs?: number;
  /** Time for one request, a produce included (default 30,000 ms). */
  readonly requestTimeoutMs?: number;
  /** How long the broker may wait for the in-sync replicas to acknowledge (default 30,000 ms). */
  readonly ackTimeoutMs?: number;
  /** The client's own retries within one publish; the relay retries a failed publish on top of these. */
  readonly retry?: KafkaRetry;
}

export interface KafkaSasl {
  readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface KafkaRetry {
  /** Default 5. */
  readonly retries?: number;
  /** Default 300 ms. */
  readonly initialRetryTime?: number;
  /** Default 30,000 ms. */
  readonly maxRetryTime?: number;
}

export class KafkaConfigError extends Error {
  override readonly name = 'KafkaConfigError';
}

/**
 * Reads the adapter's configuration from the environment, or null when KAFKA_BROKERS is not set (the relay is then
 * off). KAFKA_BROKERS=host:port,host:port; KAFKA_CLIENT_ID; KAFKA_IDEMPOTENT=true|false (default true);
 * KAFKA_SSL=true|false; KAFKA_SASL_MECHANISM=plain|scram-sha-256|scram-sha-512 with KAFKA_SASL_USERNAME and
 * KAFKA_SASL_PASSWORD; KAFKA_CONNECTION_TIMEOUT_MS; KAFKA_REQUEST_TIMEOUT_MS; KAFKA_ACK_TIMEOUT_MS; KAFKA_RETRIES.
 */
export function kafkaConfigFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaPublisherConfig | null {
  const list = env.KAFKA_BROKERS?.trim();
  if (!list) return null;
  const brokers = list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  for (const broker of brokers) {
    if (!/^[^\s:/]+:\d{1,5}$/.test(broker)) {
      throw new KafkaConfigError(`KAFKA_BROKERS: "${broker}" is not host:port`);
    }
  }
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  let sasl: KafkaSasl | undefined;
  if (mechanism) {
    if (mechanism !== 'plain' && mechanism !== 'scram-sha-256' && mechanism !== 'scram-sha-512') {
      throw new KafkaConfigError(
        `KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, not "${mechanism}"`,
      );
    }
    const username = env.KAFKA_SASL_USERNAME;
    const password = env.KAFKA_SASL_PASSWORD;
    if (!username || !password) {
      throw new KafkaConfigError(
        'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM',
      );
    }
    sasl = { mechanism, username, password };
  }
  const retries = optionalInteger(env, 'KAFKA_RETRIES', 0);
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID?.trim() || undefined,
    idempotent: optionalBoolean(env, 'KAFKA_IDEMPOTENT') ?? true,
    ssl: optionalBoolean(env, 'KAFKA_SSL'),
    sasl,
    connectionTimeoutMs: optionalInteger(env, 'KAFKA_CONNECTION_TIMEOUT_MS', 1),
    requestTimeoutMs: optionalInteger(env, 'KAFKA_REQUEST_TIMEOUT_MS', 1),
    ackTimeoutMs: optionalInteger(env, 'KAFKA_ACK_TIMEOUT_MS', 1),
    retry: retries === undefined ? undefined : { retries },
  };
}

function optionalBoolean(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new KafkaConfigError(`${name} must be true or false, not "${env[name]}"`);
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) {
    throw new KafkaConfigError(`${name} must be an integer of at least ${min}, not "${value}"`);
  }
  return number;
}
