import type { ReferenceDataProblem } from '../reference-data-error';
import { checkReferenceData } from '../validation/validate-reference-data';
import { type SampleDocument, sampleReferenceData } from './sample-reference-data';

/** The problems the validator reports after `change` has been applied to a fresh sample document. */
export function problemsAfter(change: (doc: SampleDocument) => void): readonly ReferenceDataProblem[] {
  const doc = sampleReferenceData();
  change(doc);
  return checkReferenceData(doc).problems;
}

export function organisation(doc: SampleDocument, code: string): Record<string, unknown> {
  const found = doc.organisations.find((org) => org.code === code);
  if (!found) throw new Error(`No organisation ${code} in the sample`);
  return found;
}

export function codesOf(doc: SampleDocument, code: string): Record<string, unknown> {
  return organisation(doc, code).codes as Record<string, unknown>;
}

/** Changes an organisation's code everywhere it is used (its entry, the table memberships, the functionaries). */
export function renameOrganisation(doc: SampleDocument, from: string, to: string): void {
  organisation(doc, from).code = to;
  for (const table of doc.tables) {
    table.memberOrganisationCodes = (table.memberOrganisationCodes as string[]).map((code) =>
      code === from ? to : code,
    );
    const auto = table.autoEscalation as Record<string, { organisationCode: string }> | undefined;
    for (const functionaris of Object.values(auto ?? {})) {
      if (functionaris.organisationCode === from) functionaris.organisationCode = to;
    }
  }
}
