import {
  loadReferenceData,
  organisationByCode,
  type ReferenceData,
  tableById,
} from '@casusregie/reference-data';
import type { OrganisationDirectory } from '../../../case-api/src/cases/organisation-directory';
import type { AppConfig } from '../config/app-config';

/** Organisations and tables from the versioned reference data file, validated at start-up. */
export function createDirectory(
  config: AppConfig,
  data: ReferenceData = loadReferenceData(config.referenceDataFile),
) {
  const directory: OrganisationDirectory = {
    organisation: (code) => {
      const organisation = organisationByCode(data, code);
      return (
        organisation && {
          organisationId: organisation.code,
          kind: organisation.kind,
          code: organisation.code,
        }
      );
    },
    table: (tableId) => {
      const table = tableById(data, tableId);
      return table && { id: table.id, serviceLevels: table.serviceLevels };
    },
    listOrganisations: () => data.organisations,
    listTables: () => data.tables,
  };
  return directory;
}
