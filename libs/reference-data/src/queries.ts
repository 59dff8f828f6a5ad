/**
 * Look-ups on loaded reference data. The first call on a `ReferenceData` value builds an index (kept in a WeakMap,
 * safe because the data is frozen); later calls are map look-ups.
 */

import { toDutchDate } from './from-domain';
import type { Organisation, ReferenceData, Table, TableSession } from './types';
import { isIsoDate } from './validation/primitives';

interface Index {
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly tables: ReadonlyMap<string, Table>;
  readonly tablesByMember: ReadonlyMap<string, readonly Table[]>;
  readonly zorgkantoorByRegio: ReadonlyMap<string, Organisation>;
}

const indexes = new WeakMap<ReferenceData, Index>();

function indexOf(data: ReferenceData): Index {
  let index = indexes.get(data);
  if (!index) {
    const tablesByMember = new Map<string, Table[]>();
    for (const table of data.tables) {
      for (const code of table.memberOrganisationCodes) {
        tablesByMember.set(code, [...(tablesByMember.get(code) ?? []), table]);
      }
    }
    index = {
      organisations: new Map(data.organisations.map((org) => [org.code, org])),
      tables: new Map(data.tables.map((table) => [table.id, table])),
      tablesByMember,
      zorgkantoorByRegio: new Map(
        data.organisations
          .filter((org) => org.kind === 'zorgkantoor' && org.codes.zorgkantoorregio !== undefined)
          .map((org) => [org.codes.zorgkantoorregio as string, org]),
      ),
    };
    indexes.set(data, index);
  }
  return index;
}

/** The organisation with this code (exact match, e.g. `GM0344`, `3311`, `ZK-UTRECHT`). */
export function organisationByCode(data: ReferenceData, code: string): Organisation | undefined {
  return indexOf(data).organisations.get(code);
}

/** The tables the organisation is a member of, in file order; empty for an unknown code. */
export function tablesOf(data: ReferenceData, organisationCode: string): readonly Table[] {
  return indexOf(data).tablesByMember.get(organisationCode) ?? [];
}

export function tableById(data: ReferenceData, id: string): Table | undefined {
  return indexOf(data).tables.get(id);
}

/**
 * The sessions of a table on a Dutch calendar day. `date` is `YYYY-MM-DD` or an ISO date-time with a zone (then
 * its Dutch day counts). Throws a `RangeError` for an unknown table or an unreadable date.
 */
export function sessionsOn(data: ReferenceData, tableId: string, date: string): readonly TableSession[] {
  const day = dutchDay(date);
  return requireTable(data, tableId).sessions.filter((session) => session.date === day);
}

/** The first session of a table on or after a day (same `date` rules as `sessionsOn`), if any. */
export function nextSession(data: ReferenceData, tableId: string, from: string): TableSession | undefined {
  const day = dutchDay(from);
  let next: TableSession | undefined;
  for (const session of requireTable(data, tableId).sessions) {
    if (session.date >= day && (next === undefined || session.date < next.date)) next = session;
  }
  return next;
}

/** The opschaaltafel a maatwerktafel escalates to, if it names one. */
export function escalationTableFor(data: ReferenceData, tableId: string): Table | undefined {
  const target = requireTable(data, tableId).escalatesTo;
  return target === undefined ? undefined : tableById(data, target);
}

/** A functionaris as the domain's commands take it: the organisation id in casusregie is its code. */
export interface AutoEscalationFunctionaris {
  readonly organisationId: string;
  readonly functionTitle: string;
}

/**
 * What the deadline watcher passes to WatchDeadlines (`autoEscalation`) for a case at this table: the mandate holder
 * and decision owner of an automatic escalation of a missed liaison answer, or null when the table does not escalate
 * automatically, or is not in this file (a case of a table since removed escalates by hand only).
 */
export function autoEscalationFor(
  data: ReferenceData,
  tableId: string,
): {
  readonly mandateHolder: AutoEscalationFunctionaris;
  readonly decisionOwner: AutoEscalationFunctionaris;
} | null {
  const table = tableById(data, tableId);
  if (!table?.autoEscalateOnMissedAnswer || !table.autoEscalation) return null;
  const { mandateHolder, decisionOwner } = table.autoEscalation;
  return {
    mandateHolder: {
      organisationId: mandateHolder.organisationCode,
      functionTitle: mandateHolder.functionTitle,
    },
    decisionOwner: {
      organisationId: decisionOwner.organisationCode,
      functionTitle: decisionOwner.functionTitle,
    },
  };
}

/** The zorgkantoor of the zorgkantoorregio a gemeente lies in, when the file records it. */
export function zorgkantoorFor(data: ReferenceData, gemeenteCode: string): Organisation | undefined {
  const regio = organisationByCode(data, gemeenteCode)?.codes.zorgkantoorregio;
  return regio === undefined ? undefined : indexOf(data).zorgkantoorByRegio.get(regio);
}

/** Organisations with `verified: false`: a code or fact still to be confirmed (see README.md). */
export function unverifiedOrganisations(data: ReferenceData): readonly Organisation[] {
  return data.organisations.filter((org) => org.verified === false);
}

function requireTable(data: ReferenceData, tableId: string): Table {
  const table = tableById(data, tableId);
  if (!table) throw new RangeError(`Unknown table "${tableId}".`);
  return table;
}

function dutchDay(date: string): string {
  if (isIsoDate(date)) return date;
  try {
    return toDutchDate(date);
  } catch {
    throw new RangeError(`"${date}" is not an ISO date (YYYY-MM-DD) or an ISO date-time with a zone.`);
  }
}
