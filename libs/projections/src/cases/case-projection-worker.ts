/**
 * The case read models as a worker thread builds them (WorkerProjectionRunner loads this module by path in the
 * worker; see openCaseReadModels).
 */
import type { EventStore } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { rebuildProjections } from '../rebuild/rebuild-projections';
import type { ProjectionLogger } from '../runner/logger';
import type { Projection } from '../runner/projection';
import type { ProjectionFactory, ProjectionReplay } from '../runner/worker-protocol';
import { CaseProjection } from './case-projection';

export const createCaseProjection: ProjectionFactory = (database: ReadModelDatabase): Projection =>
  new CaseProjection(database);

export const replayCaseReadModels: ProjectionReplay = async (
  store: EventStore,
  database: ReadModelDatabase,
  logger: ProjectionLogger,
): Promise<void> => {
  await rebuildProjections({ store, database, logger });
};
