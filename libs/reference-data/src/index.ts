/**
 * Reference data of casusregie: organisations with their Dutch codes (CBS, UZOVI, zorgkantoorregio, AGB) and the
 * maatwerktafels and opschaaltafels with their service levels and sessions, loaded from a versioned JSON file and
 * validated strictly. See README.md for the file format.
 */

export * from './types';
export * from './reference-data-error';
export { loadReferenceData, defaultReferenceDataPath, REFERENCE_DATA_FILE_NAME } from './loader';
export { checkReferenceData, validateReferenceData } from './validation/validate-reference-data';
export type { CheckResult } from './validation/validate-reference-data';
export {
  autoEscalationFor,
  escalationTableFor,
  nextSession,
  organisationByCode,
  sessionsOn,
  tableById,
  tablesOf,
  unverifiedOrganisations,
  zorgkantoorFor,
} from './queries';
export type { AutoEscalationFunctionaris } from './queries';
