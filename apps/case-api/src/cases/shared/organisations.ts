import type { OrganisationRef } from '@casusregie/domain';
import type { OrganisationDirectory } from '../organisation-directory';
import { unknownReference } from '../registration.controller';

/** An organisation code from a body, resolved with the reference data; unknown codes are a 422 unknown-reference. */
export function resolveOrganisation(
  directory: OrganisationDirectory,
  field: string,
  code: string,
): OrganisationRef {
  const organisation = directory.organisation(code);
  if (!organisation) throw unknownReference(field, code);
  return organisation;
}
