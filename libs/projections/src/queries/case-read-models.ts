import type { ReadModelDatabase } from '../database/read-model-database';
import type { AccessFilter } from './access-filter';
import { type Agenda, agenda } from './agenda';
import type { CaseAccessFacts, CaseDetail } from './case-detail';
import { getCase, getCaseAccess } from './get-case';
import { type GapPage, listGaps } from './list-gaps';
import {
  type CaseListFilter,
  type CaseListPage,
  type CaseSort,
  DEFAULT_CASE_SORT,
  DEFAULT_PAGE_SIZE,
  listCases,
} from './list-cases';
import { type CaseStats, type StatsOptions, stats } from './stats';
import { type WatchCandidate, type WatchCandidatesQuery, watchCandidates } from './watch-candidates';

/**
 * The case queries bound to one read-model database: plain methods returning JSON-ready objects, for the HTTP
 * controllers. None reads the event log. Every list and count takes the caller's access filter.
 */
export class CaseReadModels {
  constructor(
    readonly database: ReadModelDatabase,
    private readonly defaults: Pick<StatsOptions, 'regionOf'> = {},
  ) {}

  listCases(
    access: AccessFilter,
    filter: CaseListFilter = {},
    sort: CaseSort = DEFAULT_CASE_SORT,
    cursor: string | null = null,
    limit: number = DEFAULT_PAGE_SIZE,
  ): CaseListPage {
    return listCases(this.database, access, filter, sort, cursor, limit);
  }

  getCase(caseId: string, options: { now?: string } = {}): CaseDetail | null {
    return getCase(this.database, caseId, options);
  }

  getCaseAccess(caseId: string): CaseAccessFacts | null {
    return getCaseAccess(this.database, caseId);
  }

  listGaps(
    access: AccessFilter,
    now: string,
    page: { cursor?: string | null; limit?: number } = {},
  ): GapPage {
    return listGaps(this.database, access, now, page);
  }

  agenda(tableId: string, date: string, access: AccessFilter): Agenda {
    return agenda(this.database, tableId, date, access);
  }

  stats(access: AccessFilter, now: string, options: StatsOptions = {}): CaseStats {
    return stats(this.database, access, now, { ...this.defaults, ...options });
  }

  /** The cases the deadline watcher may have to look at (see watch-candidates.ts). */
  watchCandidates(query: WatchCandidatesQuery): WatchCandidate[] {
    return watchCandidates(this.database, query);
  }

  /** The tables at which the subject has a case (for the subject access rule). */
  subjectTableIds(subjectId: string): string[] {
    return this.database
      .statement<[string], { table_id: string }>(
        'SELECT DISTINCT table_id FROM cases WHERE subject_id = ? ORDER BY table_id',
      )
      .all(subjectId)
      .map((row) => row.table_id);
  }
}
