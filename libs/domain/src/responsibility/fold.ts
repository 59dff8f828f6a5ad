import { evolve } from '../casus/evolve';
import { isHolding } from '../casus/holding';
import { initialState } from '../casus/state';
import type { CaseState, ResponsibilityState } from '../casus/state';
import { upcast } from '../casus/upcasters';
import type {
  EventEnvelope,
  EventRef,
  ResponsibilityEntry,
  ResponsibilityGap,
  ResponsibilitySnapshot,
} from './types';

/**
 * The fold behind the responsibility view: the case state (upcast + evolve, exactly as the decider sees it) plus the
 * provenance the state does not keep: which event last changed each responsibility, and since when each gap exists.
 */
export interface ViewState {
  readonly caseState: CaseState;
  readonly setBy: ReadonlyMap<string, { readonly fingerprint: string; readonly ref: EventRef }>;
  readonly gapSince: ReadonlyMap<string, EventRef>;
  readonly after: EventRef | null;
}

export function initialViewState(): ViewState {
  return { caseState: initialState(), setBy: new Map(), gapSince: new Map(), after: null };
}

function fingerprint(r: ResponsibilityState): string {
  return [r.status, r.lawDomain, r.financierOrganisationId, r.basis, r.takesEffect].join('|');
}

export function refOf(envelope: EventEnvelope): EventRef {
  return {
    eventId: envelope.eventId,
    position: envelope.position,
    type: envelope.event.type,
    recordedAt: envelope.recordedAt,
  };
}

export function step(view: ViewState, envelope: EventEnvelope): ViewState {
  const ref = refOf(envelope);
  const caseState = evolve(view.caseState, upcast(envelope.event));

  const setBy = new Map(view.setBy);
  for (const r of caseState.responsibilities) {
    const print = fingerprint(r);
    if (setBy.get(r.responsibilityId)?.fingerprint !== print)
      setBy.set(r.responsibilityId, { fingerprint: print, ref });
  }

  const gapSince = new Map<string, EventRef>();
  for (const need of caseState.needs) {
    if (need.status !== 'open') continue;
    const held = caseState.responsibilities.some((r) => r.needId === need.needId && isHolding(r));
    if (!held) gapSince.set(need.needId, view.gapSince.get(need.needId) ?? ref);
  }
  return { caseState, setBy, gapSince, after: ref };
}

function entry(view: ViewState, r: ResponsibilityState): ResponsibilityEntry {
  return {
    responsibilityId: r.responsibilityId,
    lawDomain: r.lawDomain,
    financierOrganisationId: r.financierOrganisationId,
    status: r.status,
    basis: r.basis,
    takesEffect: r.takesEffect,
    holding: isHolding(r),
    setBy: view.setBy.get(r.responsibilityId)!.ref,
  };
}

function latest(entries: readonly ResponsibilityEntry[]): ResponsibilityEntry | null {
  return entries.reduce<ResponsibilityEntry | null>(
    (best, e) => (best === null || e.setBy.position >= best.setBy.position ? e : best),
    null,
  );
}

const OUT_OF_PLAY = ['rejected', 'transferred', 'ended'];

export function snapshotOf(view: ViewState): ResponsibilitySnapshot {
  const { caseState } = view;
  const needs = caseState.needs.map((need) => {
    const responsibilities = caseState.responsibilities
      .filter((r) => r.needId === need.needId)
      .map((r) => entry(view, r));
    const current =
      responsibilities.find((e) => e.holding) ??
      latest(responsibilities.filter((e) => !OUT_OF_PLAY.includes(e.status))) ??
      latest(responsibilities);
    return {
      needId: need.needId,
      category: need.category,
      needStatus: need.status,
      current,
      responsibilities,
    };
  });
  const gaps: ResponsibilityGap[] = caseState.needs
    .filter((need) => view.gapSince.has(need.needId))
    .map((need) => ({
      needId: need.needId,
      category: need.category,
      since: view.gapSince.get(need.needId)!,
    }));
  return { after: view.after, needs, gaps };
}
