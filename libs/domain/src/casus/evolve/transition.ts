import type { TransitionEvent } from '../events/transition';
import type { CaseState } from '../state';
import { toDutchDate } from '../time';
import { endResponsibilities, patchResponsibilities } from './helpers';

export function evolveTransition(state: CaseState, event: TransitionEvent): CaseState {
  switch (event.type) {
    case 'casus.TransitionPlanRecorded.v1': {
      const e = event.data;
      const withdrawn = endResponsibilities(state, e.withdrawnResponsibilityIds, e.occurredAt);
      const routes = { ...withdrawn.transitionRoutes };
      for (const route of e.routes) routes[route.needId] = route;
      return { ...withdrawn, transitionRoutes: routes };
    }
    case 'casus.EighteenthBirthdayPassed.v1': {
      const e = event.data;
      const endedOn = toDutchDate(e.occurredAt);
      let next = state;
      for (const ending of e.endings) {
        next = patchResponsibilities(next, [ending.responsibilityId], () => ({
          status: ending.to,
          openRequestId: null,
          endedOn,
        }));
      }
      next = patchResponsibilities(
        next,
        e.takeovers.map((t) => t.responsibilityId),
        () => ({ takesEffect: 'immediately' }),
      );
      return {
        ...next,
        needs: next.needs.map((n) =>
          e.endedNeedIds.includes(n.needId) ? { ...n, status: 'ended' as const } : n,
        ),
        birthdayPassed: true,
      };
    }
  }
}
