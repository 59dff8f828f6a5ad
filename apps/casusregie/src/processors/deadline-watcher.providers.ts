import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import type { AutoEscalationConfig } from '@casusregie/domain';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { DeadlineWatcher, type RelayLogger } from '@casusregie/messaging';
import type { CaseReadModelsHandle } from '@casusregie/projections';
import type { Clock } from '../../../case-api/src/platform/clock';
import { CASE_READ_MODELS_HANDLE } from '../../../case-api/src/queries/read-models.provider';
import type { WatcherConfig } from '../config/processors-config';

/** Injection token: the DeadlineWatcher of this process, or null when WATCHER_ENABLED=false. */
export const DEADLINE_WATCHER = Symbol('DEADLINE_WATCHER');

export interface DeadlineWatcherProvidersOptions {
  readonly watcher: WatcherConfig;
  /** The process's one clock (tests inject a manual one to move the calendar). */
  readonly clock: Clock;
  readonly autoEscalationFor: (tableId: string) => AutoEscalationConfig | null;
  readonly logger: RelayLogger;
}

/** How long a tick waits for the read models to reach the head of the log before it asks them anyway. */
const CATCH_UP_WAIT_MS = 5_000;

/**
 * Starts the schedule once the application has bootstrapped; stops it in onModuleDestroy, the first shutdown hook,
 * so the case in hand is finished before the read models and the event store close.
 */
@Injectable()
class DeadlineWatcherLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(DEADLINE_WATCHER) private readonly watcher: DeadlineWatcher | null) {}

  onApplicationBootstrap(): void {
    this.watcher?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.watcher?.stop();
  }
}

/**
 * The deadline watcher (libs/messaging) as providers of the host module, which must also provide the EventStore
 * port and the case read models (CASE_READ_MODELS_HANDLE): they find its candidates.
 */
export function deadlineWatcherProviders(options: DeadlineWatcherProvidersOptions): Provider[] {
  const { watcher, clock, autoEscalationFor, logger } = options;
  return [
    {
      provide: DEADLINE_WATCHER,
      inject: [EVENT_STORE_PORT, CASE_READ_MODELS_HANDLE],
      useFactory: (store: EventStore, readModels: CaseReadModelsHandle): DeadlineWatcher | null =>
        watcher.enabled
          ? new DeadlineWatcher({
              store,
              // Each tick first lets the read models catch up with the log as it is then (bounded: a read model
              // far behind or stopped is asked anyway; later ticks find the rest), so a deadline set just before
              // is seen on the day it applies.
              catchUp: async () => {
                await readModels.runner.waitForPosition(await store.headPosition(), CATCH_UP_WAIT_MS);
              },
              candidates: ({ today, dueOnOrBefore }) =>
                readModels.queries.watchCandidates({ dueOnOrBefore, birthdayOnOrBefore: today }),
              now: () => clock.now(),
              approachingWithinDays: watcher.approachingWithinDays,
              intervalMs: watcher.intervalMs,
              autoEscalationFor,
              logger,
            })
          : null,
    },
    DeadlineWatcherLifecycle,
  ];
}
