import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { KafkaRelay, type KafkaPublisherConfig, type RelayLogger, caseMessages } from '@casusregie/messaging';

/** Injection token: the KafkaRelay of this process, or null when KAFKA_BROKERS is not set. */
export const KAFKA_RELAY = Symbol('KAFKA_RELAY');

/** How long a shutdown waits for the batch in flight before leaving it to be published again after a restart. */
export const RELAY_SHUTDOWN_GRACE_MS = 10_000;

/**
 * A relay that fails (the event store or its checkpoint store under it) is restarted by its RelaySupervisor after
 * this delay, doubling while it keeps failing without progress; /health/ready shows it as `restarting`.
 */
export const RELAY_RESTART_BACKOFF = { initialMs: 1_000, maxMs: 60_000 } as const;

export interface KafkaRelayModuleOptions {
  /** null: the relay is off. */
  readonly kafka: KafkaPublisherConfig | null;
  readonly logger: RelayLogger;
}

/**
 * Starts the relay (under its supervisor) once the application has bootstrapped. Stops it and its restarts in
 * onModuleDestroy, the first shutdown hook,
 * so the batch in flight finishes (its checkpoint is stored only once the broker acknowledged it) or is left for
 * the next start, before any later hook closes the event store.
 */
@Injectable()
class KafkaRelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(KAFKA_RELAY) private readonly relay: KafkaRelay | null) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop({ graceMs: RELAY_SHUTDOWN_GRACE_MS });
  }
}

/**
 * The relay from the event store to Kafka (libs/messaging): public case events and notifications, one checkpoint.
 * The host provides the EventStore port.
 */
@Module({})
export class KafkaRelayModule {
  static forConfig({ kafka, logger }: KafkaRelayModuleOptions): DynamicModule {
    return {
      module: KafkaRelayModule,
      providers: [
        {
          provide: KAFKA_RELAY,
          inject: [EVENT_STORE_PORT],
          useFactory: (store: EventStore): KafkaRelay | null =>
            kafka
              ? new KafkaRelay({
                  store,
                  mapping: caseMessages(store),
                  logger,
                  kafka,
                  restartBackoff: RELAY_RESTART_BACKOFF,
                })
              : null,
        },
        KafkaRelayLifecycle,
      ],
      exports: [KAFKA_RELAY],
    };
  }
}
