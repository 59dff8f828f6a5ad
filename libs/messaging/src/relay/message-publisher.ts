/**
 * The messaging port. The relay and every other producer in the service talk to this interface only; the Kafka
 * adapter (libs/messaging/src/kafka) is the one place that knows the client library, so a swap of kafkajs for
 * @confluentinc/kafka-javascript stays local to that folder.
 */

/** One message to a topic. Plain data: the adapter decides how it goes over the wire. */
export interface OutgoingMessage {
  readonly topic: string;
  /** The partitioning key: messages with one key keep their order (for example the case id). */
  readonly key: string;
  /** A JSON document, already serialised. */
  readonly value: string;
  /** Small string metadata. Every message carries at least `event-id`, the id consumers dedupe on. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface MessagePublisher {
  /**
   * Resolves only when the broker has acknowledged every message (from all in-sync replicas). Messages with the
   * same key are written in the order given. Rejects when any message could not be acknowledged; some of them may
   * nevertheless have been written, so a caller that retries can cause duplicates (at-least-once).
   */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Disconnects. Waits for nothing beyond a publish call that is still in flight. */
  close(): Promise<void>;
}

/** Dependency-injection token for the MessagePublisher port. */
export const MESSAGE_PUBLISHER_PORT = Symbol.for('casusregie.MessagePublisher');
