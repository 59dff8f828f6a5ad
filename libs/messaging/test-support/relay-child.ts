/**
 * A relay in its own process, for the crash test: `node -r @swc-node/register relay-child.ts <events.sqlite>
 * <brokers> <topic> [batchSize] [checkpointDelayMs]` (cwd: the repository root). Prints `started <checkpoint>` and,
 * after every acknowledged batch, `checkpoint <position>` on stdout. SIGTERM stops it gracefully; SIGKILL is the
 * crash. `checkpointDelayMs` delays every checkpoint write (at the store port), which widens the window between
 * the broker's acknowledgement and the stored checkpoint, so that a kill can be aimed into it.
 */
import { type CheckpointStore, type EventStore, SqliteEventStore } from '@casusregie/event-store';
import { KafkaMessagePublisher } from '../src/kafka/kafka-message-publisher';
import { EventRelay } from '../src/relay/event-relay';
import { stderrRelayLogger } from '../src/relay/relay-logger';
import { testMapping } from './relay-fixtures';
import { testKafkaConfig } from './test-publisher';

async function main(): Promise<void> {
  const [filename, brokers, topic, batchSize, checkpointDelayMs] = process.argv.slice(2);
  if (!filename || !brokers || !topic)
    throw new Error('usage: relay-child.ts <events.sqlite> <brokers> <topic>');
  const sqlite = new SqliteEventStore({ filename, pollIntervalMs: 10 });
  const store = withSlowCheckpoints(sqlite, Number(checkpointDelayMs ?? 0));
  const publisher = new KafkaMessagePublisher(testKafkaConfig(brokers.split(',')), stderrRelayLogger);
  const relay = new EventRelay({
    store,
    publisher,
    mapping: testMapping(topic),
    batchSize: Number(batchSize ?? 100),
    logger: stderrRelayLogger,
    onBatch: ({ checkpoint }) => process.stdout.write(`checkpoint ${checkpoint}\n`),
  });
  process.once('SIGTERM', () => {
    void (async () => {
      await relay.stop();
      await publisher.close();
      await sqlite.close();
      process.exit(0);
    })();
  });
  await relay.start();
  process.stdout.write(`started ${relay.checkpoint()}\n`);
}

function withSlowCheckpoints(store: EventStore, delayMs: number): EventStore {
  if (delayMs <= 0) return store;
  const checkpoints: CheckpointStore = {
    load: (name) => store.checkpoints.load(name),
    store: async (name, position) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await store.checkpoints.store(name, position);
    },
  };
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'checkpoints') return checkpoints;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`relay-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
