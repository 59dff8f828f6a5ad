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

/**
 * The deadline watcher's candidates, in case id order, from two small indexes: cases with a deadline due (and not
 * yet noted missed for that date) on or before `dueOnOrBefore`, and 18-/18+ cases whose birthday is due. A superset
 * of what the watcher will note something about. The read model may lag the log: a case it does not show yet is
 * found by a later tick.
 */
export function watchCandidates(db: ReadModelDatabase, query: WatchCandidatesQuery): WatchCandidate[] {
  for (const [name, value] of Object.entries(query)) {
    if (!DATE.test(value)) throw new RangeError(`${name} must be a date (YYYY-MM-DD)`);
  }
  return db
    .statement<[string, string], { case_id: string; version: number }>(
      `SELECT case_id, version FROM cases WHERE watch_due_on IS NOT NULL AND watch_due_on <= ?
       UNION
       SELECT case_id, version FROM cases WHERE birthday_due_on IS NOT NULL AND birthday_due_on <= ?
       ORDER BY case_id`,
    )
    .all(query.dueOnOrBefore, query.birthdayOnOrBefore)
    .map((row) => ({ caseId: row.case_id, version: row.version }));
}
