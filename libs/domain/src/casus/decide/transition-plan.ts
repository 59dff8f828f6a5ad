import type { RecordTransitionPlan, TransitionRouteInput } from '../commands/transition';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { VERLENGDE_JEUGDHULP_CONDITIONS } from '../events/transition';
import type { TransitionRoute } from '../events/transition';
import { evolve } from '../evolve';
import { isFinal, isHolding } from '../holding';
import type { CaseState, NeedRecord } from '../state';
import { addMonths, toDutchDate } from '../time';
import { requireId, requireOneOf, requireText } from '../validation';
import { requireAtTable, requireOpenNeed, requireUnique } from './guards';
import { proposal, requireJeugdwetGrounds } from './proposal';

/** Jeugdhulp categories 2° (begeleiding) and 3° (persoonlijke verzorging) end at 18 (T3, T4); so does jeugdbescherming (T10). */
const NO_VERLENGDE_JEUGDHULP = ['begeleiding', 'persoonlijke-verzorging', 'jeugdbescherming'];

/** Verlengde jeugdhulp runs to the 23rd birthday at most. */
const VERLENGDE_MAX_YEARS_AFTER_18 = 5;
/** Condition (iii): resumption within 6 months after the jeugdhulp ended. */
const RESUMPTION_WINDOW_MONTHS = 6;

export function recordTransitionPlan(command: RecordTransitionPlan, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  if (state.caseType !== 'transitie-18-min-18-plus') {
    refuse('not-a-transition-case', 'Only a transition case (18-/18+) has a toekomstplan.');
  }
  const at = command.metadata.now;
  const inputs = command.data.routes ?? [];
  if (inputs.length === 0)
    refuse('routes-required', 'A toekomstplan records the route after 18 of at least one need.');
  requireUnique(
    inputs.map((r) => r.needId),
    'need',
  );
  const routes = inputs.map((input) => checkedRoute(state, requireOpenNeed(state, input.needId), input, at));
  const withdrawnResponsibilityIds = state.responsibilities
    .filter(
      (r) => inputs.some((i) => i.needId === r.needId) && r.takesEffect === 'at-18th-birthday' && !isFinal(r),
    )
    .map((r) => r.responsibilityId);
  const plan: CaseEvent = {
    type: 'casus.TransitionPlanRecorded.v1',
    data: {
      caseId: state.caseId!,
      birthday18: state.birthday18!,
      routes,
      withdrawnResponsibilityIds,
      occurredAt: at,
    },
  };

  // Successors are proposed after the plan applied, so a revised plan can propose the same financier again.
  const events: CaseEvent[] = [plan];
  let working = evolve(state, plan);
  for (const input of inputs) {
    if (input.route !== 'successor') continue;
    const proposed = proposal(
      working,
      {
        need: requireOpenNeed(working, input.needId),
        responsibilityId: input.responsibilityId,
        lawDomain: input.lawDomain,
        financier: input.financier,
        context: input.context,
        deviationReason: input.deviationReason,
        takesEffect: 'at-18th-birthday',
      },
      at,
    );
    events.push(...proposed);
    working = proposed.reduce(evolve, working);
  }
  return events;
}

function checkedRoute(
  state: CaseState,
  need: NeedRecord,
  input: TransitionRouteInput,
  at: string,
): TransitionRoute {
  if (state.birthdayPassed && !(input.route === 'verlengde-jeugdhulp' && input.condition === 'iii')) {
    refuse(
      'plan-after-birthday-only-condition-iii',
      'After the 18th birthday the plan can only add verlengde jeugdhulp under condition (iii): resumption.',
    );
  }
  switch (input.route) {
    case 'successor':
      requireJeugdwetGrounds(state, need, input.lawDomain, true);
      return {
        route: 'successor',
        needId: need.needId,
        lawDomain: input.lawDomain,
        financierOrganisationId: requireId(input.financier?.organisationId, "The successor's organisation"),
        responsibilityId: requireId(input.responsibilityId, 'The successor responsibility id'),
      };
    case 'verlengde-jeugdhulp': {
      const condition = requireOneOf(input.condition, VERLENGDE_JEUGDHULP_CONDITIONS, 'The legal condition');
      requireVerlengdeAllowed(state, need, condition, toDutchDate(at));
      return {
        route: 'verlengde-jeugdhulp',
        needId: need.needId,
        condition,
        otherLawsExplanation: requireText(
          input.otherLawsExplanation,
          'Why no other law (Wmo, Zvw, Wlz) applies',
        ),
      };
    }
    case 'ending':
      return {
        route: 'ending',
        needId: need.needId,
        explanation: requireText(input.explanation, 'The explanation'),
      };
    default:
      return refuse('invalid-value', "A route is 'successor', 'verlengde-jeugdhulp' or 'ending'.");
  }
}

function requireVerlengdeAllowed(state: CaseState, need: NeedRecord, condition: string, today: string): void {
  if (NO_VERLENGDE_JEUGDHULP.includes(need.category)) {
    refuse(
      'verlengde-jeugdhulp-not-possible',
      `${need.category} cannot continue as verlengde jeugdhulp: it ends at 18 (research §1.2, T3/T4/T10).`,
    );
  }
  const jeugdwet = state.responsibilities.filter(
    (r) => r.needId === need.needId && r.lawDomain === 'Jeugdwet',
  );
  if (condition === 'i' && !jeugdwet.some(isHolding)) {
    refuse(
      'verlengde-jeugdhulp-not-possible',
      'Condition (i) needs jeugdhulp that started before 18 and still runs.',
    );
  }
  if (condition === 'iii') {
    if (!state.birthdayPassed) {
      refuse(
        'verlengde-jeugdhulp-not-possible',
        'Condition (iii) is resumption after 18 of jeugdhulp that ended.',
      );
    }
    const endedOn = jeugdwet
      .map((r) => r.endedOn)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    if (!endedOn) refuse('verlengde-jeugdhulp-not-possible', 'Condition (iii) needs jeugdhulp that ended.');
    const windowEnd = addMonths(endedOn, RESUMPTION_WINDOW_MONTHS);
    const hardEnd = addMonths(state.birthday18!, 12 * VERLENGDE_MAX_YEARS_AFTER_18);
    if (today > windowEnd || today >= hardEnd) {
      refuse(
        'verlengde-jeugdhulp-window-closed',
        `Resumption had to be decided by ${windowEnd < hardEnd ? windowEnd : hardEnd} (6 months after the end, before 23).`,
      );
    }
  }
}
