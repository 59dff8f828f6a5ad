/**
 * The relay benchmark's consumer: a kafkajs consumer group on the public case events and the notifications, from
 * the beginning of a fresh broker, noting when each message arrived (performance.now(), the same clock as the HTTP
 * client's). At least once: a message seen twice counts once, at its first arrival.
 */
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaPublisherConfig } from '../../libs/messaging/src/kafka/kafka-config';

export const CASE_EVENTS_TOPIC = 'casusregie.case-events.v1';
export const NOTIFICATIONS_TOPIC = 'casusregie.notifications.v1';

export class KafkaReceipts {
  /** event id -> when its public case event arrived. */
  readonly caseEvents = new Map<string, number>();
  /** event id -> notification id -> when it arrived. */
  readonly notifications = new Map<string, Map<string, number>>();
  private readonly consumer;

  constructor(config: KafkaPublisherConfig, fetchWaitMs: number) {
    const kafka = new Kafka({
      clientId: 'bench-relay-consumer',
      brokers: [...config.brokers],
      ssl: config.ssl,
      sasl: config.sasl,
      logLevel: logLevel.NOTHING,
    } as ConstructorParameters<typeof Kafka>[0]);
    this.consumer = kafka.consumer({
      groupId: `bench-relay-${Date.now()}`,
      sessionTimeout: 6_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: fetchWaitMs,
      allowAutoTopicCreation: true,
    });
  }

  /** Resolves once the consumer joined its group (and so fetches from the beginning of both topics). */
  async start(): Promise<void> {
    const joined = new Promise<void>((done) =>
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => done()),
    );
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [CASE_EVENTS_TOPIC, NOTIFICATIONS_TOPIC], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const at = performance.now();
        const eventId = message.headers?.['event-id']?.toString();
        if (!eventId) return;
        if (topic === CASE_EVENTS_TOPIC) {
          if (!this.caseEvents.has(eventId)) this.caseEvents.set(eventId, at);
          return;
        }
        const notificationId = message.headers?.['notification-id']?.toString() ?? `${message.offset}`;
        let byId = this.notifications.get(eventId);
        if (!byId) this.notifications.set(eventId, (byId = new Map()));
        if (!byId.has(notificationId)) byId.set(notificationId, at);
      },
    });
    await joined;
  }

  notificationCount(eventId: string): number {
    return this.notifications.get(eventId)?.size ?? 0;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
