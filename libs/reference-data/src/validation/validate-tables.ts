/**
 * `$.tables`: each maatwerktafel and opschaaltafel on its own, then the rules across tables (unique ids, a
 * maatwerktafel escalates to an opschaaltafel of the same file).
 */

import { TABLE_KINDS } from '../types';
import type { Table } from '../types';
import { ID_FORMAT } from './formats';
import {
  checkUnique,
  expectArray,
  expectBoolean,
  expectObject,
  expectOneOf,
  expectString,
  isObject,
  rejectUnknownFields,
  typeName,
  type JsonObject,
} from './primitives';
import { Problems, childPath } from './problems';
import { validateAutoEscalation } from './validate-auto-escalation';
import { validateServiceLevels } from './validate-service-levels';
import { validateSessions } from './validate-sessions';

const TABLE_FIELDS = [
  'id',
  'name',
  'region',
  'kind',
  'memberOrganisationCodes',
  'serviceLevels',
  'autoEscalateOnMissedAnswer',
  'autoEscalation',
  'escalatesTo',
  'sessions',
] as const;

export interface TableContext {
  /** Undefined when the regions could not be read: references to them are then not checked. */
  readonly regionIds: ReadonlySet<string> | undefined;
  /** Undefined when the organisations could not be read. */
  readonly organisationCodes: ReadonlySet<string> | undefined;
}

export function validateTables(
  items: readonly unknown[],
  path: string,
  context: TableContext,
  problems: Problems,
): Table[] {
  const tables: Table[] = [];
  const paths = new Map<Table, string>();
  const ids = new Map<string, string>();
  items.forEach((item, index) => {
    const at = childPath(path, index);
    const obj = expectObject(item, at, problems);
    if (!obj) return;
    const table = validateTable(obj, at, context, problems);
    if (table && checkUnique(ids, table.id, table.id, childPath(at, 'id'), problems, 'table id')) {
      tables.push(table);
      paths.set(table, at);
    }
  });
  checkEscalations(tables, paths, wellFormedIds(items), problems);
  return tables;
}

function validateTable(
  obj: JsonObject,
  at: string,
  context: TableContext,
  problems: Problems,
): Table | undefined {
  rejectUnknownFields(obj, TABLE_FIELDS, at, problems);
  const id = expectString(obj, 'id', at, problems, ID_FORMAT);
  const name = expectString(obj, 'name', at, problems);
  const region = expectString(obj, 'region', at, problems);
  if (region !== undefined && context.regionIds && !context.regionIds.has(region)) {
    problems.add(childPath(at, 'region'), `unknown region "${region}" (not in $.regions)`);
  }
  const kind = expectOneOf(obj, 'kind', at, problems, TABLE_KINDS, 'table kind');
  const members = validateMembers(obj, at, context.organisationCodes, problems);
  const serviceLevels = validateServiceLevels(obj.serviceLevels, childPath(at, 'serviceLevels'), problems);
  const autoEscalateOnMissedAnswer = expectBoolean(obj, 'autoEscalateOnMissedAnswer', at, problems);
  const autoEscalation = validateAutoEscalation(
    obj.autoEscalation,
    childPath(at, 'autoEscalation'),
    { kind, autoEscalateOnMissedAnswer, members: listedMembers(obj) },
    problems,
  );
  const escalatesTo = expectString(obj, 'escalatesTo', at, problems, { optional: true, ...ID_FORMAT });
  const sessionItems = expectArray(obj, 'sessions', at, problems);
  const sessions = sessionItems && validateSessions(sessionItems, childPath(at, 'sessions'), problems);

  if (
    id === undefined ||
    name === undefined ||
    region === undefined ||
    kind === undefined ||
    members === undefined ||
    serviceLevels === undefined ||
    autoEscalateOnMissedAnswer === undefined ||
    (obj.autoEscalation !== undefined && autoEscalation === undefined) ||
    sessions === undefined
  ) {
    return undefined;
  }
  return {
    id,
    name,
    region,
    kind,
    memberOrganisationCodes: members,
    serviceLevels,
    autoEscalateOnMissedAnswer,
    ...(autoEscalation === undefined ? {} : { autoEscalation }),
    ...(escalatesTo === undefined ? {} : { escalatesTo }),
    sessions,
  };
}

function validateMembers(
  obj: JsonObject,
  at: string,
  organisationCodes: ReadonlySet<string> | undefined,
  problems: Problems,
): string[] | undefined {
  const items = expectArray(obj, 'memberOrganisationCodes', at, problems);
  if (!items) return undefined;
  const path = childPath(at, 'memberOrganisationCodes');
  if (items.length === 0) problems.add(path, 'a table needs at least one member organisation');
  const seen = new Map<string, string>();
  const members: string[] = [];
  items.forEach((item, index) => {
    const memberAt = childPath(path, index);
    if (typeof item !== 'string') {
      problems.add(memberAt, `expected an organisation code, got ${typeName(item)}`);
    } else if (organisationCodes && !organisationCodes.has(item)) {
      problems.add(memberAt, `"${item}" is not the code of an organisation in $.organisations`);
    } else if (checkUnique(seen, item, item, memberAt, problems, 'member')) {
      members.push(item);
    }
  });
  return members;
}

/** The member codes as written (also those with problems of their own); undefined when there are none to check. */
function listedMembers(obj: JsonObject): readonly string[] | undefined {
  const items = obj.memberOrganisationCodes;
  const codes = Array.isArray(items) ? items.filter((item) => typeof item === 'string') : [];
  return codes.length === 0 ? undefined : codes;
}

/** Ids of all tables, also of tables with problems (those are reported on their own). */
function wellFormedIds(items: readonly unknown[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (isObject(item) && typeof item.id === 'string') ids.add(item.id);
  }
  return ids;
}

function checkEscalations(
  tables: readonly Table[],
  paths: ReadonlyMap<Table, string>,
  allIds: ReadonlySet<string>,
  problems: Problems,
): void {
  const byId = new Map(tables.map((table) => [table.id, table]));
  for (const table of tables) {
    if (table.escalatesTo === undefined) continue;
    const at = childPath(paths.get(table) as string, 'escalatesTo');
    const target = byId.get(table.escalatesTo);
    if (table.kind !== 'maatwerktafel') {
      problems.add(at, `only a maatwerktafel escalates; "${table.id}" is an ${table.kind}`);
    } else if (!allIds.has(table.escalatesTo)) {
      problems.add(at, `"${table.escalatesTo}" is not the id of a table in $.tables`);
    } else if (target !== undefined && target.kind !== 'opschaaltafel') {
      problems.add(at, `"${target.id}" is a ${target.kind}; a maatwerktafel escalates to an opschaaltafel`);
    }
  }
}
