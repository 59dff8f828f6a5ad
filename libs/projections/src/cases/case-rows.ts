import { type Deadline, effectiveDueAt, eighteenthBirthdayDueOn, watchedDeadlines } from '@casusregie/domain';
import type { CaseDocument } from './case-document';

/** Rows of one child table for one case, as positional statement parameters (without the leading case_ref). */
export type Rows = readonly (readonly unknown[])[];

/** Everything the read models hold about one case, derived from its document alone. */
export interface CaseRows {
  /** Values of FIXED_CASE_COLUMNS. */
  readonly fixed: readonly unknown[];
  /** Values of CHANGING_CASE_COLUMNS. */
  readonly changing: readonly unknown[];
  readonly organisations: Rows;
  readonly gaps: Rows;
  readonly sessions: Rows;
  readonly escalations: Rows;
  readonly offers: Rows;
  readonly waiting: Rows;
}

/** Columns no event changes after the registration. */
export const FIXED_CASE_COLUMNS = [
  'case_id',
  'stream_id',
  'table_id',
  'subject_id',
  'case_type',
  'urgency',
  'urgency_order',
  'summary',
  'summary_folded',
  'registered_at',
] as const;

/** Columns an event may change: the only ones an update writes (so only their indexes are touched). */
export const CHANGING_CASE_COLUMNS = [
  'status',
  'updated_at',
  'gap_count',
  'escalated',
  'next_due_on',
  'watch_due_on',
  'birthday_due_on',
  'closed_at',
  'first_discussed_at',
  'version',
  'last_position',
] as const;

export const URGENCY_ORDER: Readonly<Record<string, number>> = { spoed: 0, hoog: 1, normaal: 2 };

/** The case-insensitive form of a text for substring search: Unicode lower case. */
export function foldText(text: string): string {
  return text.toLowerCase();
}

export function ms(iso: string): number {
  return Date.parse(iso);
}

function msOrNull(iso: string | null | undefined): number | null {
  return iso === null || iso === undefined ? null : Date.parse(iso);
}

function isSuspended(d: Deadline): boolean {
  const last = d.suspensions[d.suspensions.length - 1];
  return last !== undefined && last.until === undefined;
}

/**
 * The earliest effective due date among the open deadlines whose clock runs. A deadline is missed from the day
 * after its effective due date, and a suspended one is never missed, so "a deadline is missed at t" is exactly
 * "nextDueOn < the Dutch date of t"; the row changes only when an event changes a deadline.
 */
export function nextDueOn(deadlines: Readonly<Record<string, Deadline>>): string | null {
  let earliest: string | null = null;
  for (const id in deadlines) {
    const d = deadlines[id];
    if (d.closedAt !== undefined || isSuspended(d)) continue;
    const due = effectiveDueAt(d);
    if (earliest === null || due < earliest) earliest = due;
  }
  return earliest;
}

/**
 * The earliest due date (as the deadline watcher sees it at `at`) of the open deadlines whose clock runs and whose
 * DeadlineMissed was not noted for that date: the watcher has nothing to note about a case before this date minus
 * its lead time. A deadline noted missed needs no watching until its due date changes, which takes an event.
 */
export function watchDueOn(state: CaseDocument['state'], at: string): string | null {
  let earliest: string | null = null;
  for (const watched of watchedDeadlines(state, at, 0)) {
    if (watched.missedFrom === null) continue;
    if (earliest === null || watched.dueOn < earliest) earliest = watched.dueOn;
  }
  return earliest;
}

export function caseRowsOf(doc: CaseDocument): CaseRows {
  const { state } = doc;
  const open = state.status !== 'closed' && state.status !== 'referred';
  const gaps = open
    ? state.needs
        .filter((need) => doc.gapSince[need.needId] !== undefined)
        .map((need) => {
          const since = doc.gapSince[need.needId];
          return [need.needId, state.tableId, need.category, ms(since.at), since.position, since.eventType];
        })
    : [];

  const organisations = new Map<string, [number, number]>();
  for (const organisationId in state.parties) organisations.set(organisationId, [1, 0]);
  for (const organisationId of doc.askedOrganisationIds) {
    organisations.set(organisationId, [organisations.get(organisationId)?.[0] ?? 0, 1]);
  }

  return {
    fixed: [
      doc.caseId,
      doc.streamId,
      state.tableId,
      state.subjectId,
      state.caseType,
      state.urgency,
      URGENCY_ORDER[state.urgency ?? 'normaal'] ?? 2,
      doc.summary,
      foldText(doc.summary),
      ms(doc.registeredAt),
    ],
    changing: [
      state.status,
      ms(doc.updatedAt),
      gaps.length,
      state.openEscalationId === null ? 0 : 1,
      nextDueOn(state.deadlines),
      watchDueOn(state, doc.updatedAt),
      eighteenthBirthdayDueOn(state),
      msOrNull(state.closure?.closedAt),
      msOrNull(doc.firstDiscussedAt),
      doc.version,
      doc.lastPosition,
    ],
    organisations: [...organisations].map(([id, [party, asked]]) => [id, party, asked]),
    gaps,
    sessions: Object.entries(state.sessions).map(([sessionId, s]) => [
      sessionId,
      state.tableId,
      s.sessionDate,
      s.discussed ? 1 : 0,
    ]),
    escalations: Object.values(state.escalations).map((e) => {
      const entry = doc.escalations[e.escalationId];
      const provisional = entry?.decision?.assignments.some((a) => a.provisional) ?? false;
      return [
        e.escalationId,
        e.level,
        e.reason,
        e.status,
        provisional ? 1 : 0,
        ms(entry?.openedAt ?? doc.updatedAt),
        msOrNull(entry?.closedAt),
      ];
    }),
    offers: Object.values(state.offers).map((o) => {
      const entry = doc.offers[o.offerId];
      return [
        o.offerId,
        o.needId,
        o.providerOrganisationId,
        o.status,
        entry?.refusalReason ?? null,
        ms(entry?.requestedAt ?? doc.updatedAt),
        msOrNull(entry?.answeredAt),
      ];
    }),
    waiting: doc.waiting.map((p, seq) => [seq, ms(p.from), msOrNull(p.until)]),
  };
}
