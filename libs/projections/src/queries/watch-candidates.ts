import type { ReadModelDatabase } from '../database/read-model-database';

/** A case the deadline watcher may have to look at, with the version (event count) the read model has of it. */
export interface WatchCandidate {
  readonly caseId: string;
  readonly version: number;
}

export interface WatchCandidatesQuery {
  /** Cases with an open deadline whose clock runs and whose effective due date is on or before this date. */
  readonly dueOnOrBefore: string;
  /** 18-/18+ cases whose 18th birthday is on or before this date and was not processed yet. */
  readonly birthdayOnOrBefore: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TRANSITION_CASE_TYPE = 'transitie-18-min-18-plus';

/**
 * The deadline watcher's candidates, in case id order: the `cases_by_next_due` index finds the deadlines; the
 * birthdays are read from the documents of the 18-/18+ cases only (the birthday is no column). The read model may
 * lag the log: a case it does not show yet is found by a later tick.
 */
export function watchCandidates(db: ReadModelDatabase, query: WatchCandidatesQuery): WatchCandidate[] {
  for (const [name, value] of Object.entries(query)) {
    if (!DATE.test(value)) throw new RangeError(`${name} must be a date (YYYY-MM-DD)`);
  }
  return db
    .statement<[string, string, string], { case_id: string; version: number }>(
      `SELECT case_id, version FROM cases WHERE next_due_on IS NOT NULL AND next_due_on <= ?
       UNION
       SELECT c.case_id, c.version FROM cases c JOIN case_documents d ON d.id = c.id
        WHERE c.case_type = ?
          AND json_extract(d.doc, '$.state.birthdayPassed') = 0
          AND json_extract(d.doc, '$.state.birthday18') <= ?
       ORDER BY case_id`,
    )
    .all(query.dueOnOrBefore, TRANSITION_CASE_TYPE, query.birthdayOnOrBefore)
    .map((row) => ({ caseId: row.case_id, version: row.version }));
}
