import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import type { DeadlineWatcher, KafkaRelay } from '@casusregie/messaging';
import type { CaseReadModelsHandle } from '@casusregie/projections';
import { Public } from '../../../case-api/src/auth/request-principal';
import { INBOX_HANDLE } from '../../../case-api/src/inbox/inbox.provider';
import { CASE_READ_MODELS_HANDLE } from '../../../case-api/src/queries/read-models.provider';
import { DEADLINE_WATCHER } from '../processors/deadline-watcher.providers';
import { KAFKA_RELAY } from '../processors/kafka-relay.module';
import { relayReadiness, watcherReadiness } from './processors-health';
import { READINESS_POLICY, type ReadinessPolicy } from './readiness-policy';
import { eventStoreReadiness, type ProcessorHandle, projectionsReadiness } from './store-readiness';

/** Health of a casusregie process (the embedded default and the notifier), without a token. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(CASE_READ_MODELS_HANDLE) private readonly readModels: CaseReadModelsHandle,
    @Inject(READINESS_POLICY) private readonly policy: ReadinessPolicy,
    @Inject(KAFKA_RELAY) private readonly relay: KafkaRelay | null,
    @Inject(DEADLINE_WATCHER) private readonly watcher: DeadlineWatcher | null,
    /** The liaison inbox (the embedded default; the notifier has none). */
    @Optional() @Inject(INBOX_HANDLE) private readonly inbox: ProcessorHandle | null = null,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready when the event store answers and the case read models and the liaison inbox (where the process has one)
   * are running and no further behind than the policy's maxProjectionLag case events. `relay` (present when KAFKA_BROKERS is set: its state and its lag, the
   * events the broker has not yet acknowledged) and `watcher` (present unless WATCHER_ENABLED=false: its last
   * tick) count only where the policy requires them: in the notifier, not in the embedded default, where a
   * broker that is down must not take the case API out of service (nothing is lost meanwhile).
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await eventStoreReadiness(this.store);
    if (eventStore.status === 'down') {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', eventStore };
    }
    const projections = await projectionsReadiness(this.store, this.readModels, this.policy.maxProjectionLag);
    const inbox =
      this.inbox && (await projectionsReadiness(this.store, this.inbox, this.policy.maxProjectionLag));
    const relay = this.relay && (await relayReadiness(this.relay));
    const watcher = this.watcher && watcherReadiness(this.watcher);
    const processorsUp = (relay?.status ?? 'up') === 'up' && (watcher?.status ?? 'up') === 'up';
    const readModelsUp = projections.status === 'up' && (inbox?.status ?? 'up') === 'up';
    const up = readModelsUp && (processorsUp || !this.policy.processorsRequired);
    if (!up) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'ok' : 'unavailable',
      eventStore,
      projections,
      ...(inbox && { inbox }),
      ...(relay && { relay }),
      ...(watcher && { watcher }),
    };
  }
}
