import {
  CASE_TYPES,
  ESCALATION_LEVELS,
  ESCALATION_REASONS,
  OFFER_REFUSAL_REASONS,
  startOfDutchDate,
} from '@casusregie/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { type AccessFilter, type SqlCondition, accessCondition, whereClause } from './access-filter';
import { ReadModelQueryError } from './query-error';
import { MS_PER_DAY, dutchDateOf, instant, isoOf } from './time';

export interface StatsOptions {
  /** The region of a table (e.g. from the reference data). Tables without one count as 'unknown'. */
  readonly regionOf?: (tableId: string) => string | null | undefined;
  /** Months in the moeilijk-plaatsbaar series, ending with the month of `now` (default 12, at most 120). */
  readonly months?: number;
}

export interface LeadTime {
  /** Cases the median is taken over. */
  readonly cases: number;
  readonly medianDays: number | null;
}

export interface MonthCount {
  /** 'YYYY-MM' (Dutch calendar month). */
  readonly month: string;
  /** The moment counted at: the end of the month, or `now` for the current month. */
  readonly at: string;
  readonly count: number;
}

export interface CaseStats {
  readonly now: string;
  readonly cases: {
    readonly total: number;
    readonly byType: Record<string, number>;
    readonly byStatus: Record<string, number>;
    readonly byTable: Record<string, number>;
    readonly byRegion: Record<string, number>;
  };
  readonly escalations: {
    readonly total: number;
    readonly byLevel: Record<string, number>;
    readonly byReason: Record<string, number>;
    /** open, decided (a doorbraakbesluit), de-escalated, raised (to the next level). */
    readonly byOutcome: Record<string, number>;
    /** Decisions that assigned at least one provisional financier. */
    readonly decidedWithProvisionalFinancing: number;
  };
  readonly offerRefusals: { readonly total: number; readonly byReason: Record<string, number> };
  readonly leadTimes: {
    /** Closed cases: registration to (last) closure. */
    readonly registrationToClosure: LeadTime;
    /** Discussed cases: registration to the first discussion at the table. */
    readonly registrationToFirstDiscussion: LeadTime;
  };
  /**
   * Moeilijk plaatsbare clients without a suitable offer (none accepted or placed) while their case was open,
   * counted at the end of each month.
   */
  readonly moeilijkPlaatsbaarWithoutSuitableOffer: MonthCount[];
}

const STATUSES = ['registered', 'accepted', 'referred', 'closed'] as const;
const OUTCOMES = ['open', 'decided', 'de-escalated', 'raised'] as const;

function zeros(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/** Management figures over the cases `access` may see, as the read models stand; `now` ends the monthly series. */
export function stats(
  db: ReadModelDatabase,
  access: AccessFilter,
  now: string,
  options: StatsOptions = {},
): CaseStats {
  const nowMs = instant(now);
  const months = options.months ?? 12;
  if (!Number.isSafeInteger(months) || months < 1 || months > 120) {
    throw new ReadModelQueryError('invalid-argument', 'months must be a whole number from 1 to 120.');
  }
  const visible = accessCondition(access);
  const where = whereClause(visible);

  const byType = zeros(CASE_TYPES);
  const byStatus = zeros(STATUSES);
  const byTable: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  let total = 0;
  const groups = db
    .statement<unknown[], { table_id: string; case_type: string; status: string; n: number }>(
      `SELECT c.table_id, c.case_type, c.status, COUNT(*) AS n FROM cases c ${where.sql} ` +
        'GROUP BY c.table_id, c.case_type, c.status',
    )
    .all(...where.params);
  for (const { table_id: tableId, case_type: caseType, status, n } of groups) {
    total += n;
    byTable[tableId] = (byTable[tableId] ?? 0) + n;
    byType[caseType] = (byType[caseType] ?? 0) + n;
    byStatus[status] = (byStatus[status] ?? 0) + n;
  }
  for (const [tableId, n] of Object.entries(byTable)) {
    const region = options.regionOf?.(tableId) ?? 'unknown';
    byRegion[region] = (byRegion[region] ?? 0) + n;
  }

  const escalations = {
    total: 0,
    byLevel: zeros(ESCALATION_LEVELS),
    byReason: zeros(ESCALATION_REASONS),
    byOutcome: zeros(OUTCOMES),
    decidedWithProvisionalFinancing: 0,
  };
  const escalationRows = db
    .statement<unknown[], { level: string; reason: string; status: string; provisional: number; n: number }>(
      'SELECT e.level, e.reason, e.status, e.provisional, COUNT(*) AS n FROM case_escalations e ' +
        `JOIN cases c ON c.id = e.case_ref ${where.sql} GROUP BY e.level, e.reason, e.status, e.provisional`,
    )
    .all(...where.params);
  for (const row of escalationRows) {
    escalations.total += row.n;
    escalations.byLevel[row.level] = (escalations.byLevel[row.level] ?? 0) + row.n;
    escalations.byReason[row.reason] = (escalations.byReason[row.reason] ?? 0) + row.n;
    escalations.byOutcome[row.status] = (escalations.byOutcome[row.status] ?? 0) + row.n;
    if (row.status === 'decided' && row.provisional === 1)
      escalations.decidedWithProvisionalFinancing += row.n;
  }

  const refusals = { total: 0, byReason: zeros(OFFER_REFUSAL_REASONS) };
  const refusalWhere = whereClause([...visible, { sql: 'o.refusal_reason IS NOT NULL', params: [] }]);
  const refusalRows = db
    .statement<unknown[], { k: string; n: number }>(
      'SELECT o.refusal_reason AS k, COUNT(*) AS n FROM case_offers o JOIN cases c ON c.id = o.case_ref ' +
        `${refusalWhere.sql} GROUP BY k`,
    )
    .all(...refusalWhere.params);
  for (const { k, n } of refusalRows) {
    refusals.total += n;
    refusals.byReason[k] = n;
  }

  return {
    now,
    cases: { total, byType, byStatus, byTable, byRegion },
    escalations,
    offerRefusals: refusals,
    leadTimes: {
      registrationToClosure: medianLeadTime(db, visible, 'c.closed_at'),
      registrationToFirstDiscussion: medianLeadTime(db, visible, 'c.first_discussed_at'),
    },
    moeilijkPlaatsbaarWithoutSuitableOffer: monthlyWaiting(db, visible, now, nowMs, months),
  };
}

function medianLeadTime(db: ReadModelDatabase, visible: SqlCondition[], endColumn: string): LeadTime {
  const where = whereClause([...visible, { sql: `${endColumn} IS NOT NULL`, params: [] }]);
  const leads = db
    .statement<unknown[], number>(`SELECT ${endColumn} - c.registered_at FROM cases c ${where.sql}`)
    .pluck()
    .all(...where.params)
    .sort((a, b) => a - b);
  if (leads.length === 0) return { cases: 0, medianDays: null };
  const middle = Math.floor(leads.length / 2);
  const median = leads.length % 2 === 1 ? leads[middle] : (leads[middle - 1] + leads[middle]) / 2;
  return { cases: leads.length, medianDays: Math.round((median / MS_PER_DAY) * 100) / 100 };
}

/** Counts, at each month's end, the waiting periods that cover it (a case's periods never overlap). */
function monthlyWaiting(
  db: ReadModelDatabase,
  visible: SqlCondition[],
  now: string,
  nowMs: number,
  months: number,
): MonthCount[] {
  const [year, month] = dutchDateOf(now).split('-').map(Number);
  const points: { month: string; at: number }[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const next = index + 1;
    const nextStart = `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`;
    points.push({
      month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      at: Math.min(Date.parse(startOfDutchDate(nextStart)) - 1, nowMs),
    });
  }
  const where = whereClause([...visible, { sql: 'w.from_at <= ?', params: [points[points.length - 1].at] }]);
  const periods = db
    .statement<unknown[], [number, number | null]>(
      `SELECT w.from_at, w.until_at FROM case_waiting w JOIN cases c ON c.id = w.case_ref ${where.sql}`,
    )
    .raw()
    .all(...where.params);
  return points.map(({ month: label, at }) => ({
    month: label,
    at: isoOf(at),
    count: periods.filter(([from, until]) => from <= at && (until === null || until > at)).length,
  }));
}
