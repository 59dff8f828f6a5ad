/**
 * The inbox as a worker thread builds it (WorkerProjectionRunner loads this module by path in the worker; see
 * openInbox). New notifications are posted to the host thread, which signals them on the handle's `changes`.
 */
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../runner/projection';
import type { ProjectionFactory } from '../runner/worker-protocol';
import { InboxProjection } from './inbox-projection';

export const createInboxProjection: ProjectionFactory = (
  database: ReadModelDatabase,
  { options, post },
): Projection =>
  new InboxProjection(database, {
    cacheSize: (options as { cacheSize?: number } | undefined)?.cacheSize,
    onNewNotifications: (organisationIds) => post([...organisationIds]),
  });
