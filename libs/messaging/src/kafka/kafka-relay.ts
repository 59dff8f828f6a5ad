import { EventRelay, type EventRelayOptions, type RelayHealth, type StopOptions } from '../relay/event-relay';
import { stderrRelayLogger } from '../relay/relay-logger';
import { type KafkaPublisherConfig, kafkaConfigFromEnv } from './kafka-config';
import { KafkaMessagePublisher } from './kafka-message-publisher';

export interface KafkaRelayOptions extends Omit<EventRelayOptions, 'publisher'> {
  readonly kafka: KafkaPublisherConfig;
}

/** The event relay wired to a kafkajs publisher, with one lifecycle: start, health, stop (then disconnect). */
export class KafkaRelay {
  readonly relay: EventRelay;
  readonly publisher: KafkaMessagePublisher;

  constructor(options: KafkaRelayOptions) {
    const { kafka, ...relayOptions } = options;
    this.publisher = new KafkaMessagePublisher(kafka, options.logger ?? stderrRelayLogger);
    this.relay = new EventRelay({ ...relayOptions, publisher: this.publisher });
  }

  start(): Promise<void> {
    return this.relay.start();
  }

  health(): Promise<RelayHealth> {
    return this.relay.health();
  }

  /** Stops the relay (the batch in flight finishes or is left for the next start), then disconnects. */
  async stop(options?: StopOptions): Promise<void> {
    await this.relay.stop(options);
    await this.publisher.close();
  }
}

/** The relay when KAFKA_BROKERS is set (see kafkaConfigFromEnv), otherwise null: Kafka is optional. */
export function kafkaRelayFromEnv(
  options: Omit<KafkaRelayOptions, 'kafka'>,
  env: NodeJS.ProcessEnv = process.env,
): KafkaRelay | null {
  const kafka = kafkaConfigFromEnv(env);
  return kafka ? new KafkaRelay({ ...options, kafka }) : null;
}
