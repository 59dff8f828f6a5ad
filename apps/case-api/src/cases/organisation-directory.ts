import type { OrganisationRef, ServiceLevels } from '@casusregie/domain';

/** Resolves the organisation codes and table ids that clients send into what the domain needs. */
export const ORGANISATION_DIRECTORY = Symbol('ORGANISATION_DIRECTORY');

export interface OrganisationDirectory {
  organisation(code: string): OrganisationRef | undefined;
  table(tableId: string): { readonly id: string; readonly serviceLevels: ServiceLevels } | undefined;
  /** Reference data as published to clients (GET /organisations, GET /tables). */
  listOrganisations(): readonly object[];
  listTables(): readonly object[];
}
