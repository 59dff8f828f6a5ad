import {
  Kafka,
  type KafkaConfig,
  type LogEntry,
  type Message,
  type Producer,
  type ProducerConfig,
  type SASLOptions,
  type TopicMessages,
  logLevel,
} from 'kafkajs';
import type { MessagePublisher, OutgoingMessage } from '../relay/message-publisher';
import { type RelayLogger, stderrRelayLogger } from '../relay/relay-logger';
import type { KafkaPublisherConfig } from './kafka-config';

/** Acknowledgement from all in-sync replicas. */
const ACKS_ALL = -1;

/** kafkajs log lines that say nothing about our setup (see the comments where they are dropped). */
const IGNORED_LOG_LINES = [
  // We rely on the default partitioner (murmur2, Java-compatible), which is also the Confluent client's default.
  'switched default partitioner',
  // Retries are limited on purpose: the relay retries a failed publish itself, with the same messages, and a
  // publish that never gives up would keep a graceful shutdown waiting.
  'Limiting retries for the idempotent producer',
];

const REPEAT_WINDOW_MS = 60_000;

export class KafkaPublishError extends Error {
  override readonly name = 'KafkaPublishError';
}

/**
 * The MessagePublisher port on kafkajs. Only this folder imports kafkajs, and it uses only what the KafkaJS layer of
 * @confluentinc/kafka-javascript also supports, so a later swap is local:
 * - config at producer creation (allowAutoTopicCreation, idempotent, maxInFlightRequests, retry);
 * - `sendBatch` with `acks: -1` and `timeout` (the Confluent layer takes these two at producer creation instead:
 *   the one line that moves in a swap);
 * - the default partitioner; no createTopics (topics are created by the broker on first use, or by the platform);
 * - logging through `logCreator` (the Confluent layer takes a `logger` object: also local to this file).
 *
 * Messages with one key keep their order: they go to one partition, in one request per broker, and the relay has
 * at most one publish in flight.
 */
export class KafkaMessagePublisher implements MessagePublisher {
  private readonly producer: Producer;
  private readonly ackTimeoutMs: number;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(
    config: KafkaPublisherConfig,
    private readonly logger: RelayLogger = stderrRelayLogger,
  ) {
    if (config.brokers.length === 0) throw new RangeError('KafkaMessagePublisher needs at least one broker');
    const idempotent = config.idempotent ?? true;
    const retry = {
      retries: config.retry?.retries ?? 5,
      initialRetryTime: config.retry?.initialRetryTime ?? 300,
      maxRetryTime: config.retry?.maxRetryTime ?? 30_000,
    };
    const kafkaConfig: KafkaConfig = {
      clientId: config.clientId ?? 'casusregie',
      brokers: [...config.brokers],
      ssl: config.ssl ?? false,
      sasl: config.sasl ? ({ ...config.sasl } as SASLOptions) : undefined,
      connectionTimeout: config.connectionTimeoutMs ?? 3_000,
      requestTimeout: config.requestTimeoutMs ?? 30_000,
      retry,
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(logger),
    };
    const producerConfig: ProducerConfig = {
      allowAutoTopicCreation: true,
      idempotent,
      // kafkajs keeps order with idempotence only with one request in flight per connection (tech.md 3.2).
      maxInFlightRequests: idempotent ? 1 : undefined,
      retry,
    };
    this.producer = new Kafka(kafkaConfig).producer(producerConfig);
    this.ackTimeoutMs = config.ackTimeoutMs ?? 30_000;
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new KafkaPublishError('The publisher is closed');
    if (messages.length === 0) return;
    await this.connect();
    try {
      await this.producer.sendBatch({
        topicMessages: byTopic(messages),
        acks: ACKS_ALL,
        timeout: this.ackTimeoutMs,
      });
    } catch (error) {
      throw publishError(`Publishing ${messages.length} messages failed`, error);
    }
  }

  /** Disconnects. A broker that is gone cannot spoil a shutdown: a failing disconnect is logged, not thrown. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connecting?.catch(() => undefined);
    try {
      await this.producer.disconnect();
    } catch (error) {
      this.logger.warn(
        { component: 'kafka-publisher', error: error instanceof Error ? error.name : typeof error },
        `Disconnecting from Kafka failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw publishError('Connecting to Kafka failed', error);
    });
    return this.connecting;
  }
}

/** Groups by topic, keeping the given order within each topic (and so within each key). */
function byTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const message of messages) {
    let list = topics.get(message.topic);
    if (!list) topics.set(message.topic, (list = []));
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}

function publishError(message: string, cause: unknown): KafkaPublishError {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new KafkaPublishError(`${message}: ${detail}`, { cause });
}

/**
 * Routes kafkajs' own log lines to our logger, without message contents. While a broker is down kafkajs repeats
 * the same connection error for every attempt on every broker; a line already logged in the last minute is dropped
 * (the relay logs each failed publish itself).
 */
function kafkajsLogCreator(logger: RelayLogger): KafkaConfig['logCreator'] {
  const recent = new Map<string, number>();
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, error, broker, clientId, retryCount, retryTime } = log as Record<string, unknown>;
      const text = `kafkajs: ${String(message)}`;
      if (IGNORED_LOG_LINES.some((line) => text.includes(line))) return;
      const now = Date.now();
      if ((recent.get(text) ?? -Infinity) > now - REPEAT_WINDOW_MS) return;
      if (recent.size >= 1_000) recent.clear();
      recent.set(text, now);
      const fields = { component: 'kafkajs', namespace, error, broker, clientId, retryCount, retryTime };
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, text);
      else logger.info(fields, text);
    };
}
