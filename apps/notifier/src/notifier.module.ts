import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { autoEscalationFor, loadReferenceData } from '@casusregie/reference-data';
import { type Clock, systemClock } from '../../case-api/src/platform/clock';
import { ProblemDetailsFilter } from '../../case-api/src/platform/problem-details.filter';
import { EventStoreModule } from '../../casusregie/src/event-store/event-store.module';
import { HealthController } from '../../casusregie/src/health/health.controller';
import { READINESS_POLICY } from '../../casusregie/src/health/readiness-policy';
import { deadlineWatcherProviders } from '../../casusregie/src/processors/deadline-watcher.providers';
import { KafkaRelayModule } from '../../casusregie/src/processors/kafka-relay.module';
import type { NotifierConfig } from './config/notifier-config';
import { notifierReadModelsProviders } from './notifier-read-models';

export interface NotifierModuleOptions {
  readonly config: NotifierConfig;
  readonly logger: Logger;
  /** The deadline watcher's clock; tests inject a manual one to move the calendar. */
  readonly clock?: Clock;
}

/**
 * apps/notifier: the processors without the case API, for when they run as their own process — the deadline
 * watcher and, when KAFKA_BROKERS is set, the relay to Kafka — with health endpoints. On the embedded default's
 * event store in DATA_DIR (the embedded default then runs with WATCHER_ENABLED=false and without KAFKA_BROKERS).
 */
@Module({})
export class NotifierModule {
  static forConfig({ config, logger, clock = systemClock }: NotifierModuleOptions): DynamicModule {
    const referenceData = loadReferenceData(config.referenceDataFile);
    return {
      module: NotifierModule,
      imports: [
        EventStoreModule.embedded(config, clock),
        KafkaRelayModule.forConfig({ kafka: config.kafka, logger: logger.child({ component: 'relay' }) }),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_POLICY,
          useValue: { maxProjectionLag: config.readyMaxProjectionLag, processorsRequired: true },
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ...notifierReadModelsProviders(config.dataDir, logger.child({ component: 'projections' })),
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
