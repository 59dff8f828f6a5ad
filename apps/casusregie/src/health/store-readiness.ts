import type { EventStore } from '@casusregie/event-store';
import { CASE_STREAM_PREFIX } from '../../../case-api/src/commands/case-stream';

export type EventStoreReadiness =
  | { readonly status: 'up'; readonly headPosition: number }
  | { readonly status: 'down'; readonly error: string };

export interface ProjectionsReadiness {
  readonly status: 'up' | 'behind' | 'idle' | 'stopped' | 'failed';
  readonly checkpoint: number;
  /** Case events not yet in the read models, or "more than <maxLag>". */
  readonly lag: number | string;
  readonly maxLag: number;
}

/** Whether the event store answers, with its head position. */
export async function eventStoreReadiness(store: EventStore): Promise<EventStoreReadiness> {
  try {
    return { status: 'up', headPosition: await store.headPosition() };
  } catch (error) {
    return { status: 'down', error: (error as Error).name };
  }
}

/** A read-model processor as readiness sees it: the case read models' or the inbox's runner. */
export interface ProcessorHandle {
  readonly runner: {
    status(): { readonly state: 'idle' | 'running' | 'stopped' | 'failed'; readonly checkpoint: number };
  };
}

/**
 * A read-model processor (the case read models, the inbox): running and no further behind than `maxLag` case events (counted in the log, so events of
 * other streams do not count).
 */
export async function projectionsReadiness(
  store: EventStore,
  readModels: ProcessorHandle,
  maxLag: number,
): Promise<ProjectionsReadiness> {
  const runner = readModels.runner.status();
  const behind = await store.readAll({
    fromPosition: runner.checkpoint,
    streamPrefix: CASE_STREAM_PREFIX,
    maxCount: maxLag + 1,
  });
  const lag = behind.events.length;
  const up = runner.state === 'running' && lag <= maxLag;
  return {
    status: up ? 'up' : runner.state === 'running' ? 'behind' : runner.state,
    checkpoint: runner.checkpoint,
    lag: lag > maxLag ? `more than ${maxLag}` : lag,
    maxLag,
  };
}
