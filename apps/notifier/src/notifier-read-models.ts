import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import {
  type CaseReadModelsHandle,
  type ProjectionLogger,
  defaultReadModelPath,
  openCaseReadModels,
} from '@casusregie/projections';
import {
  CASE_READ_MODELS_HANDLE,
  ReadModelsLifecycle,
} from '../../case-api/src/queries/read-models.provider';

/** The notifier's own case read models, in DATA_DIR/notifier/: never the file the case API writes. */
export function notifierReadModelsPath(dataDir: string): string {
  return defaultReadModelPath(join(dataDir, 'notifier'));
}

/**
 * The case read models the deadline watcher finds its candidates in. The notifier keeps its own copy (its own
 * processor and checkpoint), as a separate process must: two processors must never write one file.
 */
export function notifierReadModelsProviders(dataDir: string, logger: ProjectionLogger): Provider[] {
  return [
    {
      provide: CASE_READ_MODELS_HANDLE,
      inject: [EVENT_STORE_PORT],
      useFactory: (store: EventStore): CaseReadModelsHandle => {
        const filename = notifierReadModelsPath(dataDir);
        mkdirSync(join(dataDir, 'notifier'), { recursive: true });
        return openCaseReadModels({ store, filename, logger });
      },
    },
    ReadModelsLifecycle,
  ];
}
