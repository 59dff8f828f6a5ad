import type { NeedCategory } from '../../vocabulary';
import type { PassEighteenthBirthday } from '../commands/transition';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type {
  BirthdayContinuation,
  BirthdayEnding,
  BirthdayGround,
  BirthdayTakeover,
  TransitionRoute,
} from '../events/transition';
import { hasHoldingStatus, isActive, isFinal, isHolding } from '../holding';
import type { CaseState, NeedRecord, ResponsibilityState } from '../state';
import { toDutchDate } from '../time';
import { requireRegistered } from './guards';
import { own } from '../own';

/** Why Jeugdwet help for a need ends at 18 (research §1.2); other jeugdhulp ends because a jeugdige is under 18. */
const GROUND_BY_CATEGORY: Partial<Record<NeedCategory, BirthdayGround>> = {
  'behandeling-ggz': 'T1',
  begeleiding: 'T3',
  'persoonlijke-verzorging': 'T4',
  'beschermd-wonen': 'T5',
  jeugdbescherming: 'T10',
};

/**
 * Whether the Jeugdwet help for a need continues after 18: by the plan (verlengde jeugdhulp), or by default for
 * strafrechtelijke jeugdhulp (T9) and pleegzorg (T8) when the plan names no other route. Jeugdbescherming always
 * ends at meerderjarigheid (T10).
 */
function continuation(
  need: NeedRecord,
  route: TransitionRoute | undefined,
): BirthdayContinuation['ground'] | null {
  if (need.category === 'jeugdbescherming') return null;
  if (route) return route.route === 'verlengde-jeugdhulp' ? 'verlengde-jeugdhulp' : null;
  return need.jeugdhulpKader;
}

interface NeedOutcome {
  readonly endings: BirthdayEnding[];
  readonly takeovers: BirthdayTakeover[];
  readonly continuations: BirthdayContinuation[];
  readonly ended: boolean;
  readonly newGap: boolean;
}

function ending(
  r: ResponsibilityState,
  to: BirthdayEnding['to'],
  ground: BirthdayGround,
  successor: string | null,
): BirthdayEnding {
  return {
    needId: r.needId,
    responsibilityId: r.responsibilityId,
    from: r.status,
    to,
    ground,
    successorResponsibilityId: successor,
  };
}

function outcomeFor(state: CaseState, need: NeedRecord): NeedOutcome {
  const claims = state.responsibilities.filter((r) => r.needId === need.needId);
  const current = claims.filter((r) => r.takesEffect === 'immediately' && isActive(r));
  const planned = claims.filter((r) => r.takesEffect === 'at-18th-birthday' && !isFinal(r));
  const route = own(state.transitionRoutes, need.needId);
  const hadHolder = current.some(isHolding);

  if (route?.route === 'ending') {
    const endings = [...current, ...planned.filter(isActive)].map((r) =>
      ending(r, 'ended', 'plan-ending', null),
    );
    return { endings, takeovers: [], continuations: [], ended: true, newGap: false };
  }

  // Jeugdbescherming ends at meerderjarigheid whichever domain the table recorded it under (GI or gemeente).
  const jeugdwet = current.filter((r) => r.lawDomain === 'Jeugdwet' || need.category === 'jeugdbescherming');
  const continues = continuation(need, route);
  const ending18 = continues ? [] : jeugdwet;
  const continuations = continues
    ? jeugdwet
        .filter(isHolding)
        .map((r) => ({ needId: need.needId, responsibilityId: r.responsibilityId, ground: continues }))
    : [];
  const remainingHolder = current.some((r) => isHolding(r) && !ending18.includes(r));
  const activePlanned = planned.filter(isActive);
  const successor = remainingHolder
    ? null
    : (activePlanned.find(
        (r) => route?.route === 'successor' && r.responsibilityId === route.responsibilityId,
      ) ??
      activePlanned[0] ??
      null);
  const predecessor = ending18.find(isHolding) ?? null;
  const ground = GROUND_BY_CATEGORY[need.category] ?? 'jeugdige-under-18';

  const endings = ending18.map((r) =>
    isHolding(r) && successor
      ? ending(r, 'transferred', ground, successor.responsibilityId)
      : ending(r, 'ended', ground, null),
  );
  if (remainingHolder)
    endings.push(...activePlanned.map((r) => ending(r, 'ended', 'predecessor-continues', null)));
  const takeovers = planned
    .filter((r) => !remainingHolder || !isActive(r))
    .map((r) => ({
      needId: need.needId,
      responsibilityId: r.responsibilityId,
      predecessorResponsibilityId: predecessor?.responsibilityId ?? null,
      status: r.status,
    }));
  const holderAfter = remainingHolder || (successor !== null && hasHoldingStatus(successor));
  return { endings, takeovers, continuations, ended: false, newGap: hadHolder && !holderAfter };
}

/**
 * The 18th birthday. Sent by the deadline watcher; a second one after the birthday produces no events, so the
 * watcher can retry safely. It is processed even when the case was closed: responsibilities still end by law.
 */
export function passEighteenthBirthday(command: PassEighteenthBirthday, state: CaseState): CaseEvent[] {
  requireRegistered(state);
  if (state.caseType !== 'transitie-18-min-18-plus' || state.birthday18 === null) {
    refuse('not-a-transition-case', 'Only a transition case (18-/18+) knows the 18th birthday.');
  }
  if (state.birthdayPassed) return [];
  const today = toDutchDate(command.metadata.now);
  if (today < state.birthday18) {
    refuse('birthday-not-reached', `The client turns 18 on ${state.birthday18}; it is ${today}.`);
  }
  const outcomes = state.needs
    .filter((n) => n.status === 'open')
    .map((n) => ({ need: n, ...outcomeFor(state, n) }));
  return [
    {
      type: 'casus.EighteenthBirthdayPassed.v1',
      data: {
        caseId: state.caseId!,
        birthday18: state.birthday18,
        endings: outcomes.flatMap((o) => o.endings),
        takeovers: outcomes.flatMap((o) => o.takeovers),
        continuations: outcomes.flatMap((o) => o.continuations),
        endedNeedIds: outcomes.filter((o) => o.ended).map((o) => o.need.needId),
        newGapNeedIds: outcomes.filter((o) => o.newGap).map((o) => o.need.needId),
        occurredAt: command.metadata.now,
      },
    },
  ];
}
