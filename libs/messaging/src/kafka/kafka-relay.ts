import type { BackoffOptions } from '../relay/backoff';
import { EventRelay, type EventRelayOptions, type RelayHealth, type StopOptions } from '../relay/event-relay';
import { stderrRelayLogger } from '../relay/relay-logger';
import { RelaySupervisor, type SupervisorStatus } from '../relay/relay-supervisor';
import { type KafkaPublisherConfig, kafkaConfigFromEnv } from './kafka-config';
import { KafkaMessagePublisher } from './kafka-message-publisher';

export interface KafkaRelayOptions extends Omit<EventRelayOptions, 'publisher'> {
  readonly kafka: KafkaPublisherConfig;
  /** Delay before restarting a failed relay (default: DEFAULT_RESTART_BACKOFF of the RelaySupervisor). */
  readonly restartBackoff?: BackoffOptions;
}

export interface KafkaRelayHealth extends RelayHealth {
  /** Restarts after failures (the relay's own state is `failed` while a restart is pending). */
  readonly supervisor: SupervisorStatus;
}

/**
 * The event relay wired to a kafkajs publisher, with one lifecycle: start, health, stop (then disconnect). A relay
 * that fails (the store under it) is restarted by its RelaySupervisor.
 */
export class KafkaRelay {
  readonly relay: EventRelay;
  readonly publisher: KafkaMessagePublisher;
  readonly supervisor: RelaySupervisor;

  constructor(options: KafkaRelayOptions) {
    const { kafka, restartBackoff, ...relayOptions } = options;
    const logger = options.logger ?? stderrRelayLogger;
    this.publisher = new KafkaMessagePublisher(kafka, logger);
    this.relay = new EventRelay({ ...relayOptions, publisher: this.publisher });
    this.supervisor = new RelaySupervisor(this.relay, {
      backoff: restartBackoff,
      logger,
      now: options.now,
      random: options.random,
    });
  }

  start(): Promise<void> {
    return this.supervisor.start();
  }

  async health(): Promise<KafkaRelayHealth> {
    return { ...(await this.relay.health()), supervisor: this.supervisor.status() };
  }

  /** Stops the relay and its restarts (the batch in flight finishes or is left for the next start), then disconnects. */
  async stop(options?: StopOptions): Promise<void> {
    await this.supervisor.stop(options);
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
