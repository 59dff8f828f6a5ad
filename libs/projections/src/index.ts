/**
 * Read models of casusregie: a checkpointed processor runner over the event store, the case read models in their
 * own SQLite file, the queries the API serves, and the rebuild. Framework-free.
 */
export { ReadModelDatabase, defaultReadModelPath } from './database/read-model-database';
export type { ReadModelDatabaseOptions } from './database/read-model-database';
export { READ_MODEL_SCHEMA_VERSION } from './database/schema';

export { ProjectionRunner } from './runner/projection-runner';
export type {
  BatchProgress,
  ProjectionRunnerOptions,
  RunnerState,
  RunnerStatus,
} from './runner/projection-runner';
export type { Projection } from './runner/projection';
export { ProjectionEventError } from './runner/errors';
export type { ProjectionFailure } from './runner/errors';
export { stderrProjectionLogger } from './runner/logger';
export type { ProjectionLogger } from './runner/logger';
export { loadCheckpoint, storeCheckpoint } from './runner/checkpoint-table';

export { CASE_READ_MODELS, CaseProjection } from './cases/case-projection';
export type { CaseProjectionOptions } from './cases/case-projection';
export type * from './cases/case-document';
export { foldCaseEvent } from './cases/fold-case-event';

export { CaseReadModels } from './queries/case-read-models';
export type { AccessFilter } from './queries/access-filter';
export { ReadModelQueryError } from './queries/query-error';
export { DEFAULT_CASE_SORT, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, listCases } from './queries/list-cases';
export type {
  CaseListFilter,
  CaseListItem,
  CaseListPage,
  CaseSort,
  CaseSortField,
  ListedCaseStatus,
} from './queries/list-cases';
export { getCase, getCaseAccess, readCaseDocument } from './queries/get-case';
export { agreementsForOrganisation, caseDetailOf } from './queries/case-detail';
export type {
  AgreementDetail,
  AgreementForOrganisation,
  CaseAccessFacts,
  CaseDetail,
  DeadlineDetail,
  EscalationDetail,
  NeedDetail,
  OfferDetail,
  ResponsibilityDetail,
} from './queries/case-detail';
export { MAX_GAP_PAGE_SIZE, listGaps } from './queries/list-gaps';
export type { GapItem, GapPage } from './queries/list-gaps';
export { agenda } from './queries/agenda';
export type { Agenda, AgendaItem } from './queries/agenda';
export { stats } from './queries/stats';
export type { CaseStats, LeadTime, MonthCount, StatsOptions } from './queries/stats';

export { rebuildProjections } from './rebuild/rebuild-projections';
export type { RebuildOptions, RebuildProgress, RebuildResult } from './rebuild/rebuild-projections';
export { openCaseReadModels } from './open-case-read-models';
export type { CaseReadModelsHandle, OpenCaseReadModelsOptions } from './open-case-read-models';

// The liaison inbox: its own file (DATA_DIR/inbox.sqlite), runner and checkpoint.
export { defaultInboxPath, openInbox } from './inbox/open-inbox';
export type { InboxHandle, OpenInboxOptions } from './inbox/open-inbox';
export { InboxProjection } from './inbox/inbox-projection';
export type { InboxProjectionOptions } from './inbox/inbox-projection';
export { INBOX_PROJECTION, INBOX_SCHEMA_VERSION, ensureInboxSchema, resetInbox } from './inbox/inbox-schema';
export { DEFAULT_INBOX_PAGE_SIZE, InboxQueries, MAX_INBOX_PAGE_SIZE } from './inbox/inbox-queries';
export type { InboxFilter, InboxItem, InboxPage, InboxState } from './inbox/inbox-queries';
export { InboxChanges } from './inbox/inbox-changes';
export { rebuildInbox } from './inbox/rebuild-inbox';
export type { RebuildInboxOptions } from './inbox/rebuild-inbox';
