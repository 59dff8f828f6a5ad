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
  const count = (select: string, from: string, extra: SqlCondition[] = []) => {
    const where = whereClause([...visible, ...extra]);
    return db
      .statement<unknown[], { k: string; n: number }>(`SELECT ${select} FROM ${from} ${where.sql} GROUP BY k`)
      .all(...where.params);
  };

  const byType = zeros(CASE_TYPES);
  const byStatus = zeros(STATUSES);
  const byTable: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  let total = 0;
  for (const { k, n } of count('c.table_id AS k, COUNT(*) AS n', 'cases c')) {
    total += n;
    byTable[k] = n;
    const region = options.regionOf?.(k) ?? 'unknown';
    byRegion[region] = (byRegion[region] ?? 0) + n;
  }
  for (const { k, n } of count('c.case_type AS k, COUNT(*) AS n', 'cases c')) byType[k] = n;
  for (const { k, n } of count('c.status AS k, COUNT(*) AS n', 'cases c')) byStatus[k] = n;

  const escalations = {
    total: 0,
    byLevel: zeros(ESCALATION_LEVELS),
    byReason: zeros(ESCALATION_REASONS),
    byOutcome: zeros(OUTCOMES),
    decidedWithProvisionalFinancing: 0,
  };
  const escalationRows = (() => {
    const where = whereClause(visible);
    return db
      .statement<
        unknown[],
        { level: string; reason: string; status: string; provisional: number; n: number }
      >(
        'SELECT e.level, e.reason, e.status, e.provisional, COUNT(*) AS n FROM case_escalations e ' +
          `JOIN cases c ON c.id = e.case_ref ${where.sql} GROUP BY e.level, e.reason, e.status, e.provisional`,
      )
      .all(...where.params);
  })();
  for (const row of escalationRows) {
    escalations.total += row.n;
    escalations.byLevel[row.level] = (escalations.byLevel[row.level] ?? 0) + row.n;
    escalations.byReason[row.reason] = (escalations.byReason[row.reason] ?? 0) + row.n;
    escalations.byOutcome[row.status] = (escalations.byOutcome[row.status] ?? 0) + row.n;
    if (row.status === 'decided' && row.provisional === 1)
      escalations.decidedWithProvisionalFinancing += row.n;
  }

  const refusals = { total: 0, byReason: zeros(OFFER_REFUSAL_REASONS) };
  const refusalRows = count(
    'o.refusal_reason AS k, COUNT(*) AS n',
    'case_offers o JOIN cases c ON c.id = o.case_ref',
    [{ sql: 'o.refusal_reason IS NOT NULL', params: [] }],
  );
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
  const lead = `${endColumn} - c.registered_at`;
  const { n } = db
    .statement<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM cases c ${where.sql}`)
    .get(...where.params)!;
  if (n === 0) return { cases: 0, medianDays: null };
  const { m } = db
    .statement<unknown[], { m: number }>(
      `SELECT AVG(x) AS m FROM (SELECT ${lead} AS x FROM cases c ${where.sql} ORDER BY x LIMIT ? OFFSET ?)`,
    )
    .get(...where.params, 2 - (n % 2), Math.floor((n - 1) / 2))!;
  return { cases: n, medianDays: Math.round((m / MS_PER_DAY) * 100) / 100 };
}

function monthlyWaiting(
  db: ReadModelDatabase,
  visible: SqlCondition[],
  now: string,
  nowMs: number,
  months: number,
): MonthCount[] {
  const [year, month] = dutchDateOf(now).split('-').map(Number);
  const where = whereClause([
    ...visible,
    { sql: 'w.from_at <= ? AND (w.until_at IS NULL OR w.until_at > ?)', params: [] },
  ]);
  const statement = db.statement<unknown[], { n: number }>(
    `SELECT COUNT(DISTINCT w.case_ref) AS n FROM case_waiting w JOIN cases c ON c.id = w.case_ref ${where.sql}`,
  );
  const series: MonthCount[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const next = index + 1;
    const nextStart = `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`;
    const at = Math.min(Date.parse(startOfDutchDate(nextStart)) - 1, nowMs);
    const { n } = statement.get(...where.params, at, at)!;
    series.push({ month: label, at: isoOf(at), count: n });
  }
  return series;
}
