import { CasusregieConsumer } from './casusregie-consumer';
import { ConsumerStore } from './consumer-store';

/**
 * KAFKA_BROKERS=localhost:9092 CONSUMER_GROUP=zilveren-kruis CONSUMER_ORGANISATION=3311 \
 *   CONSUMER_DB=./consumer.sqlite npm run example:consumer
 */
async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim());
  const store = new ConsumerStore(process.env.CONSUMER_DB ?? './consumer.sqlite');
  const consumer = await CasusregieConsumer.start({
    brokers,
    groupId: process.env.CONSUMER_GROUP ?? 'casusregie-consumer-example',
    organisation: process.env.CONSUMER_ORGANISATION || undefined,
    store,
    onDelivery: ({ topic, id, processed }) =>
      process.stdout.write(`${processed ? 'processed' : 'duplicate'} ${topic} ${id}\n`),
  });
  const shutdown = async () => {
    await consumer.stop();
    store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

void main();
