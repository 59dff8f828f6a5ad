import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@casusregie/event-store';
import type { DeadlineWatcher, KafkaRelay } from '@casusregie/messaging';
import type { CaseReadModelsHandle } from '@casusregie/projections';
import { Public } from '../../../case-api/src/auth/request-principal';
import { CASE_READ_MODELS_HANDLE } from '../../../case-api/src/queries/read-models.provider';
import { APP_CONFIG } from '../config/app-config.provider';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/event-store.module';
import { DEADLINE_WATCHER } from '../processors/deadline-watcher.providers';
import { KAFKA_RELAY } from '../processors/kafka-relay.module';
import { relayReadiness, watcherReadiness } from './processors-health';
import { eventStoreReadiness, projectionsReadiness } from './store-readiness';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_READ_MODELS_HANDLE) private readonly readModels: CaseReadModelsHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KAFKA_RELAY) private readonly relay: KafkaRelay | null,
    @Inject(DEADLINE_WATCHER) private readonly watcher: DeadlineWatcher | null,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready when the event store answers and the case read models are running and no further behind than
   * READY_MAX_PROJECTION_LAG case events. The relay (when KAFKA_BROKERS is set) and the deadline watcher (unless
   * WATCHER_ENABLED=false) are shown with their lag and last tick, but do not make the API unready: a broker that
   * is down must not take the case API out of service, and nothing is lost meanwhile.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await eventStoreReadiness(this.store);
    if (eventStore.status === 'down') {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', eventStore };
    }
    const projections = await projectionsReadiness(
      this.store,
      this.readModels,
      this.config.readyMaxProjectionLag,
    );
    const up = projections.status === 'up';
    if (!up) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'ok' : 'unavailable',
      eventStore,
      projections,
      ...(this.relay && { relay: await relayReadiness(this.relay) }),
      ...(this.watcher && { watcher: watcherReadiness(this.watcher) }),
    };
  }
}
