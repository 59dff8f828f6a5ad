import type { CaseDocument } from '../cases/case-document';
import type { ReadModelDatabase } from '../database/read-model-database';
import { type CaseAccessFacts, type CaseDetail, caseDetailOf } from './case-detail';
import { instant } from './time';

export function readCaseDocument(db: ReadModelDatabase, caseId: string): CaseDocument | null {
  const row = db
    .statement<[string], { doc: string }>(
      'SELECT d.doc FROM cases c JOIN case_documents d ON d.id = c.id WHERE c.case_id = ?',
    )
    .get(caseId);
  return row ? (JSON.parse(row.doc) as CaseDocument) : null;
}

/** The case detail, or null when there is no such case. `now` sets effective due dates and `missed`. */
export function getCase(
  db: ReadModelDatabase,
  caseId: string,
  options: { now?: string } = {},
): CaseDetail | null {
  if (options.now !== undefined) instant(options.now);
  const doc = readCaseDocument(db, caseId);
  return doc ? caseDetailOf(doc, options.now) : null;
}

/** Only what an access check needs, without reading the document. */
export function getCaseAccess(db: ReadModelDatabase, caseId: string): CaseAccessFacts | null {
  const found = db
    .statement<[string], { id: number; table_id: string }>('SELECT id, table_id FROM cases WHERE case_id = ?')
    .get(caseId);
  if (!found) return null;
  const organisations = db
    .statement<[number], { organisation_id: string; is_party: number; is_asked: number }>(
      'SELECT organisation_id, is_party, is_asked FROM case_organisations WHERE case_ref = ? ORDER BY organisation_id',
    )
    .all(found.id);
  return {
    caseId,
    tableId: found.table_id,
    partyOrganisationIds: organisations.filter((o) => o.is_party === 1).map((o) => o.organisation_id),
    askedOrganisationIds: organisations.filter((o) => o.is_asked === 1).map((o) => o.organisation_id),
  };
}
