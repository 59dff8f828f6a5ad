import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { autoEscalationFor, loadReferenceData } from '@casusregie/reference-data';
import { CaseApiModule } from '../../case-api/src/case-api.module';
import { type Clock, systemClock } from '../../case-api/src/platform/clock';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.provider';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthController } from './health/health.controller';
import { READINESS_POLICY } from './health/readiness-policy';
import { deadlineWatcherProviders } from './processors/deadline-watcher.providers';
import { KafkaRelayModule } from './processors/kafka-relay.module';
import { createAuthenticator } from './wiring/authenticator';
import { createDirectory } from './wiring/directory';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** The one clock of the process (commands, store timestamps, the deadline watcher); tests inject a manual one. */
  readonly clock?: Clock;
}

/**
 * The embedded default: event store, case API, read models, the deadline watcher (unless WATCHER_ENABLED=false)
 * and the relay to Kafka (when KAFKA_BROKERS is set), in one process.
 */
@Module({})
export class AppModule {
  static forConfig({ config, logger, clock = systemClock }: AppModuleOptions): DynamicModule {
    const referenceData = loadReferenceData(config.referenceDataFile);
    return {
      module: AppModule,
      imports: [
        EventStoreModule.embedded(config, clock),
        CaseApiModule.forRoot({
          dataDir: config.dataDir,
          authenticator: createAuthenticator(config, logger, () => clock.now()),
          directory: createDirectory(config, referenceData),
          masterKey: config.masterKey,
          readModels: { logger: logger.child({ component: 'projections' }) },
          clock,
        }),
        KafkaRelayModule.forConfig({ kafka: config.kafka, logger: logger.child({ component: 'relay' }) }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: READINESS_POLICY,
          useValue: { maxProjectionLag: config.readyMaxProjectionLag, processorsRequired: false },
        },
        ...deadlineWatcherProviders({
          watcher: config.watcher,
          clock,
          autoEscalationFor: (tableId) => autoEscalationFor(referenceData, tableId),
          logger,
        }),
      ],
    };
  }
}
