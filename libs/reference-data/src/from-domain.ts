/**
 * What this library uses from the domain, in one place. Imported by relative path rather than through the
 * `@casusregie/domain` alias, so that the loader also works where no tsconfig paths are in effect (a script started
 * from another directory), and so that only the vocabulary and the deadline calendar are loaded, not the decider.
 */

export { ORGANISATION_KINDS } from '../../domain/src/vocabulary';
export type { OrganisationKind } from '../../domain/src/vocabulary';
export { isWorkingDay, toDutchDate } from '../../domain/src/deadlines';
export type { ServiceLevels } from '../../domain/src/deadlines';
