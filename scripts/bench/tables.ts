/**
 * The four maatwerktafels of the shipped reference data, with the organisations a case at each table deals with:
 * gemeenten (regiehouder), zorgverzekeraars, the zorgkantoor, GGD, CIZ, GI and aanbieders of the region. Seeded and
 * benchmarked cases use these codes, so that tokens, access checks and the work queue filters see real ones.
 */
import type { OrganisationRef, ServiceLevels } from '@casusregie/domain';
import { type Organisation, type ReferenceData, loadReferenceData } from '@casusregie/reference-data';

export interface TableProfile {
  readonly id: string;
  readonly region: string;
  readonly serviceLevels: ServiceLevels;
  readonly gemeenten: readonly OrganisationRef[];
  readonly insurers: readonly OrganisationRef[];
  readonly zorgkantoor: OrganisationRef;
  readonly advisers: readonly OrganisationRef[];
  readonly providers: readonly OrganisationRef[];
  /** Day number (days since 1970-01-01) of a session; the table meets every 14 days from it. */
  readonly sessionAnchorDay: number;
  /** Share of the cases registered at this table. */
  readonly weight: number;
}

const DAY_MS = 86_400_000;

/** Share of cases per table: Utrecht Stad is the largest. */
const TABLE_WEIGHTS: Readonly<Record<string, number>> = {
  'mwt-utrecht': 0.35,
  'mwt-zuidoost-utrecht': 0.2,
  'mwt-ijssel-vecht': 0.25,
  'mwt-hart-van-brabant': 0.2,
};

/** Regions whose organisations also serve a table of another region (regio Utrecht serves both Utrecht tables). */
const SERVING_REGIONS: Readonly<Record<string, readonly string[]>> = {
  'utrecht-stad': ['utrecht-stad', 'regio-utrecht'],
  'zuidoost-utrecht': ['zuidoost-utrecht', 'regio-utrecht'],
  'ijssel-vecht': ['ijssel-vecht'],
  'hart-van-brabant': ['hart-van-brabant'],
};

export function refOf(organisation: Organisation): OrganisationRef {
  return { organisationId: organisation.code, kind: organisation.kind, code: organisation.code };
}

export function tableProfiles(data: ReferenceData = loadReferenceData()): TableProfile[] {
  const byCode = new Map(data.organisations.map((o) => [o.code, o]));
  return data.tables
    .filter((table) => table.kind === 'maatwerktafel')
    .map((table) => {
      const members = table.memberOrganisationCodes
        .map((code) => byCode.get(code))
        .filter((o): o is Organisation => o !== undefined);
      const ofKind = (...kinds: string[]) => members.filter((o) => kinds.includes(o.kind)).map(refOf);
      const serving = SERVING_REGIONS[table.region] ?? [table.region];
      const regional = data.organisations.filter((o) => o.kind === 'aanbieder' && serving.includes(o.region));
      const providers = (
        regional.length > 0 ? regional : data.organisations.filter((o) => o.kind === 'aanbieder')
      ).map(refOf);
      const zorgkantoor = ofKind('zorgkantoor')[0];
      const gemeenten = ofKind('gemeente');
      const insurers = ofKind('zorgverzekeraar');
      if (!zorgkantoor || gemeenten.length === 0 || insurers.length === 0) {
        throw new Error(
          `Table ${table.id} lacks a zorgkantoor, gemeente or zorgverzekeraar among its members.`,
        );
      }
      const firstSession = table.sessions[0]?.date ?? data.validFrom;
      return {
        id: table.id,
        region: table.region,
        serviceLevels: table.serviceLevels,
        gemeenten,
        insurers,
        zorgkantoor,
        advisers: ofKind('GGD', 'CIZ', 'GI'),
        providers,
        sessionAnchorDay: Math.floor(Date.parse(`${firstSession}T00:00:00Z`) / DAY_MS),
        weight: TABLE_WEIGHTS[table.id] ?? 0.1,
      };
    });
}

/** The first session of the table on or after `day` (a day number): every 14 days from its anchor. */
export function sessionOnOrAfter(
  table: TableProfile,
  day: number,
): { sessionId: string; sessionDate: string } {
  const offset = (((day - table.sessionAnchorDay) % 14) + 14) % 14;
  const sessionDay = offset === 0 ? day : day + (14 - offset);
  const sessionDate = new Date(sessionDay * DAY_MS).toISOString().slice(0, 10);
  return { sessionId: `${table.id}-${sessionDate}`, sessionDate };
}

export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}
