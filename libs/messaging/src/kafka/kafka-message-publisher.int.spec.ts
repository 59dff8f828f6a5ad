import { randomUUID } from 'node:crypto';
import { describeWithKafka } from '../../test-support/kafka-mock';
import { byPartition } from '../../test-support/relay-fixtures';
import { TestConsumer } from '../../test-support/test-consumer';
import { testPublisher } from '../../test-support/test-publisher';
import type { OutgoingMessage } from '../relay/message-publisher';
import { KafkaPublishError } from './kafka-message-publisher';

describeWithKafka('KafkaMessagePublisher against the mock broker', (mock) => {
  it('writes every message of a publish, to each topic, with key, value and headers, in order per key', async () => {
    const topicA = `test.publisher-a.${randomUUID()}`;
    const topicB = `test.publisher-b.${randomUUID()}`;
    const consumer = await TestConsumer.start(mock.brokers, [topicA, topicB]);
    const publisher = testPublisher(mock.brokers);
    try {
      const messages: OutgoingMessage[] = Array.from({ length: 300 }, (_, n) => ({
        topic: n % 3 === 0 ? topicB : topicA,
        key: `key-${n % 7}`,
        value: JSON.stringify({ n }),
        headers: { 'event-id': `event-${n}`, n: String(n) },
      }));
      for (let start = 0; start < messages.length; start += 100) {
        await publisher.publish(messages.slice(start, start + 100));
      }
      await consumer.waitUntil(() => consumer.messages.length >= 300, 'all 300 messages');

      const received = byPartition(consumer.messages);
      expect(received).toHaveLength(300);
      for (const message of received) {
        const n = Number(message.headers.n);
        expect(message).toMatchObject({
          topic: messages[n].topic,
          key: messages[n].key,
          value: messages[n].value,
          headers: { 'event-id': `event-${n}` },
        });
      }
      const partitionsPerKey = new Map<string, Set<number>>();
      const lastPerKey = new Map<string, number>();
      for (const message of received) {
        const id = `${message.topic}/${message.key}`;
        partitionsPerKey.set(id, (partitionsPerKey.get(id) ?? new Set()).add(message.partition));
        const n = Number(message.headers.n);
        expect(n).toBeGreaterThan(lastPerKey.get(id) ?? -1);
        lastPerKey.set(id, n);
      }
      for (const partitions of partitionsPerKey.values()) expect(partitions.size).toBe(1);
      // Auto-created topics (no createTopics): the mock gives them 4 partitions, and the keys spread over them.
      expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThan(1);
    } finally {
      await publisher.close();
      await consumer.stop();
    }
  }, 30_000);

  it('rejects with a KafkaPublishError, within the configured timeouts, when no broker answers', async () => {
    const publisher = testPublisher(['127.0.0.1:1']);
    const started = Date.now();
    try {
      await expect(
        publisher.publish([{ topic: 'test.nowhere', key: 'k', value: '{}', headers: { 'event-id': 'e' } }]),
      ).rejects.toBeInstanceOf(KafkaPublishError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await publisher.close();
    }
  });

  it('asks for the idempotent producer by default (which the mock cannot serve: it fails at connect)', async () => {
    const publisher = testPublisher(mock.brokers, { idempotent: undefined });
    try {
      await expect(
        publisher.publish([{ topic: `test.idempotent.${randomUUID()}`, key: 'k', value: '{}', headers: {} }]),
      ).rejects.toThrow(/Connecting to Kafka failed: .*Broker 0 not found/);
    } finally {
      await publisher.close();
    }
  });

  it('refuses to publish after close', async () => {
    const publisher = testPublisher(mock.brokers);
    await publisher.publish([{ topic: `test.closed.${randomUUID()}`, key: 'k', value: '{}', headers: {} }]);
    await publisher.close();
    await expect(publisher.publish([{ topic: 'x', key: 'k', value: '{}', headers: {} }])).rejects.toThrow(
      'The publisher is closed',
    );
  });
});
