import { type Consumer, type KafkaConfig, type ConsumerConfig, Kafka, logLevel } from 'kafkajs';
import type { CaseEventMessage, ConsumerStore, NotificationMessage } from './consumer-store';

export const CASE_EVENTS_TOPIC = 'casusregie.case-events.v1';
export const NOTIFICATIONS_TOPIC = 'casusregie.notifications.v1';

/** One message as the consumer saw it, and whether it was new (false: a duplicate, skipped). */
export interface Delivery {
  readonly topic: string;
  readonly id: string;
  readonly processed: boolean;
}

export interface CasusregieConsumerOptions {
  readonly brokers: readonly string[];
  /** The consumer group: one per consuming system; Kafka keeps its offsets. */
  readonly groupId: string;
  readonly store: ConsumerStore;
  /** Only notifications for this organisation code (the message key); all when absent. */
  readonly organisation?: string;
  /** Called after each message, also a duplicate. */
  readonly onDelivery?: (delivery: Delivery) => void;
  /** kafkajs client settings (timeouts, retry, ssl, sasl). */
  readonly kafka?: Partial<KafkaConfig>;
  /** kafkajs consumer settings (session timeout, heartbeat). */
  readonly consumer?: Partial<ConsumerConfig>;
}

/**
 * A system of an organisation that keeps its own copy of casusregie's facts: it reads both topics from the
 * beginning, applies each case event and each notification ONCE (the store deduplicates by event id and
 * notification id, in the same transaction as the change), and lets kafkajs commit offsets only for messages whose
 * handler has finished. At-least-once delivery plus this dedup gives exactly-once effects.
 */
export class CasusregieConsumer {
  private constructor(private readonly consumer: Consumer) {}

  static async start(options: CasusregieConsumerOptions): Promise<CasusregieConsumer> {
    const kafka = new Kafka({
      clientId: 'casusregie-consumer-example',
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      ...options.kafka,
    });
    const consumer = kafka.consumer({ groupId: options.groupId, ...options.consumer });
    await consumer.connect();
    await consumer.subscribe({ topics: [CASE_EVENTS_TOPIC, NOTIFICATIONS_TOPIC], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = message.value?.toString();
        if (value === undefined) return;
        const delivery = handle(options, topic, message.key?.toString() ?? '', value);
        if (delivery) options.onDelivery?.(delivery);
      },
    });
    return new CasusregieConsumer(consumer);
  }

  /** Leaves the group; offsets of handled messages are committed. */
  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

/** Applies one message (value = the JSON of docs/MESSAGES.md); null for a message this consumer ignores. */
function handle(
  options: CasusregieConsumerOptions,
  topic: string,
  key: string,
  value: string,
): Delivery | null {
  if (topic === CASE_EVENTS_TOPIC) {
    const event = JSON.parse(value) as CaseEventMessage;
    return { topic, id: event.eventId, processed: options.store.applyCaseEvent(event) };
  }
  if (topic === NOTIFICATIONS_TOPIC) {
    if (options.organisation !== undefined && key !== options.organisation) return null;
    const notification = JSON.parse(value) as NotificationMessage;
    return {
      topic,
      id: notification.notificationId,
      processed: options.store.applyNotification(notification),
    };
  }
  return null;
}
