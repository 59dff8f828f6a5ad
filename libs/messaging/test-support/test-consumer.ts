import { randomUUID } from 'node:crypto';
import { type Consumer, Kafka, logLevel } from 'kafkajs';

export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
  /** Date.now() when the consumer handed the message over. */
  readonly receivedAt: number;
}

export interface TestConsumerOptions {
  /** Longest time the broker holds a fetch without data (default 20 ms: the mock holds fetches this long). */
  readonly maxWaitTimeInMs?: number;
  readonly onMessage?: (message: ReceivedMessage) => void;
}

/**
 * A real kafkajs consumer group (its own group id) that reads the given topics from the beginning and keeps every
 * message, so a test can check what is consumable. Short session timeout: the mock rejoins only after it.
 */
export class TestConsumer {
  readonly messages: ReceivedMessage[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(
    brokers: readonly string[],
    topics: readonly string[],
    options: TestConsumerOptions = {},
  ): Promise<TestConsumer> {
    const kafka = new Kafka({
      clientId: 'casusregie-test-consumer',
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: 5_000,
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
    const consumer = kafka.consumer({
      groupId: `test-${randomUUID()}`,
      sessionTimeout: 6_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 20,
      allowAutoTopicCreation: true,
    });
    const self = new TestConsumer(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value.toString();
        }
        const received: ReceivedMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers,
          receivedAt: Date.now(),
        };
        self.messages.push(received);
        options.onMessage?.(received);
      },
    });
    return self;
  }

  on(topic: string): ReceivedMessage[] {
    return this.messages.filter((message) => message.topic === topic);
  }

  /** Distinct values of the `event-id` header seen on `topic`. */
  eventIds(topic: string): Set<string> {
    return new Set(this.on(topic).map((message) => message.headers['event-id']));
  }

  /** Polls until `done()` holds; throws with `what` after `timeoutMs`. */
  async waitUntil(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what} (${this.messages.length} messages)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Disconnects, but gives up after a few seconds (a consumer of a killed broker cannot leave its group). */
  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.consumer.disconnect().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 3_000))),
    ]);
    clearTimeout(timer);
  }
}
