import { ReadModelQueryError } from './query-error';

/**
 * Which cases the caller may see, enforced in SQL (before paging and counting, never after):
 * - `tables`: only cases of these tables (a coordinator's tables; an empty list sees nothing);
 * - `organisation`: only cases where this organisation is a party or was asked to answer a responsibility
 *   request (a liaison).
 * Both given: both must hold. `{}` sees every case (auditors); pass it deliberately.
 */
export interface AccessFilter {
  readonly tables?: readonly string[];
  readonly organisation?: string;
}

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Where a query finds a case's table and its id (cases.id); by default on the `cases` row aliased `c`. */
export interface CaseColumns {
  readonly table: string;
  readonly ref: string;
}

const CASES_ROW: CaseColumns = { table: 'c.table_id', ref: 'c.id' };

/** The access filter as conditions on the case columns of the query. */
export function accessCondition(access: AccessFilter, columns: CaseColumns = CASES_ROW): SqlCondition[] {
  if (access === null || typeof access !== 'object') {
    throw new ReadModelQueryError('invalid-argument', 'An access filter is required (deny by default).');
  }
  const conditions: SqlCondition[] = [];
  if (access.tables !== undefined) {
    if (!Array.isArray(access.tables) || access.tables.some((t) => typeof t !== 'string')) {
      throw new ReadModelQueryError('invalid-argument', 'access.tables must be a list of table ids.');
    }
    conditions.push(
      access.tables.length === 0
        ? { sql: '0', params: [] }
        : { sql: `${columns.table} IN (${placeholders(access.tables.length)})`, params: access.tables },
    );
  }
  if (access.organisation !== undefined) {
    if (typeof access.organisation !== 'string' || access.organisation === '') {
      throw new ReadModelQueryError('invalid-argument', 'access.organisation must be an organisation id.');
    }
    conditions.push(involvesOrganisation(access.organisation, columns));
  }
  return conditions;
}

/** The organisation is a party to the case or was asked to answer a responsibility request on it. */
export function involvesOrganisation(organisationId: string, columns: CaseColumns = CASES_ROW): SqlCondition {
  return {
    sql:
      `EXISTS (SELECT 1 FROM case_organisations o ` +
      `WHERE o.organisation_id = ? AND o.case_ref = ${columns.ref})`,
    params: [organisationId],
  };
}

export function placeholders(count: number): string {
  return new Array(count).fill('?').join(', ');
}

/** `WHERE a AND b ...` (or nothing), with the parameters in order. */
export function whereClause(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}`,
    params: conditions.flatMap((c) => c.params),
  };
}
