import { type CaseState, type ResponsibilityState, isHolding } from '@casusregie/domain';
import type { EscalationEntry, EventMark, WaitingPeriod } from './case-document';

function fingerprint(r: ResponsibilityState): string {
  return `${r.status}|${r.lawDomain}|${r.financierOrganisationId}|${r.basis}|${r.takesEffect}`;
}

/**
 * Marks each responsibility whose status, domain, financier, basis or effect the event changed (the same rule as
 * the domain's responsibility view, so "current" is chosen the same way).
 */
export function responsibilityChanges(
  setBy: Readonly<Record<string, EventMark>>,
  before: CaseState,
  after: CaseState,
  mark: EventMark,
): Readonly<Record<string, EventMark>> {
  if (before.responsibilities === after.responsibilities) return setBy;
  const previous = new Map(before.responsibilities.map((r) => [r.responsibilityId, r]));
  let next: Record<string, EventMark> | null = null;
  for (const r of after.responsibilities) {
    const old = previous.get(r.responsibilityId);
    if (old === r || (old && fingerprint(old) === fingerprint(r))) continue;
    next ??= { ...setBy };
    next[r.responsibilityId] = mark;
  }
  return next ?? setBy;
}

/** Open needs without a holder, each since the event that left it without one. */
export function gapsSince(
  since: Readonly<Record<string, EventMark>>,
  before: CaseState,
  state: CaseState,
  mark: EventMark,
): Readonly<Record<string, EventMark>> {
  // Gaps depend on the needs and the responsibilities only; most events change neither.
  if (before.needs === state.needs && before.responsibilities === state.responsibilities) return since;
  const next: Record<string, EventMark> = {};
  for (const need of state.needs) {
    if (need.status !== 'open') continue;
    const held = state.responsibilities.some((r) => r.needId === need.needId && isHolding(r));
    if (!held) next[need.needId] = since[need.needId] ?? mark;
  }
  return next;
}

/** Records when an escalation stopped being open (decided, de-escalated, or raised to the next level). */
export function closeEscalations(
  entries: Readonly<Record<string, EscalationEntry>>,
  before: CaseState,
  after: CaseState,
  mark: EventMark,
): Readonly<Record<string, EscalationEntry>> {
  if (before.escalations === after.escalations) return entries;
  let next: Record<string, EscalationEntry> | null = null;
  for (const [id, escalation] of Object.entries(after.escalations)) {
    const entry = entries[id];
    if (escalation.status === 'open' || !entry || entry.closedAt !== null) continue;
    next ??= { ...entries };
    next[id] = { ...entry, closedAt: mark.at };
  }
  return next ?? entries;
}

/**
 * A moeilijk plaatsbare client waits without a suitable offer while the case is open (registered or accepted at
 * triage) and no offer has been accepted or led to a placement.
 */
export function isWaitingForOffer(state: CaseState): boolean {
  if (state.caseType !== 'moeilijk-plaatsbaar') return false;
  if (state.status !== 'registered' && state.status !== 'accepted') return false;
  for (const offerId in state.offers) {
    const status = state.offers[offerId].status;
    if (status === 'accepted' || status === 'placed') return false;
  }
  return true;
}

export function waitingPeriods(
  periods: readonly WaitingPeriod[],
  before: CaseState,
  after: CaseState,
  mark: EventMark,
): readonly WaitingPeriod[] {
  const was = isWaitingForOffer(before);
  const is = isWaitingForOffer(after);
  if (was === is) return periods;
  if (is) return [...periods, { from: mark.at, until: null }];
  return [...periods.slice(0, -1), { ...periods[periods.length - 1], until: mark.at }];
}
