import type { ClosureEvent } from '../events/closure';
import type { CaseState } from '../state';

export function evolveClosure(state: CaseState, event: ClosureEvent): CaseState {
  switch (event.type) {
    case 'casus.CaseClosed.v1':
      return {
        ...state,
        status: 'closed',
        closure: { result: event.data.result, closedAt: event.data.occurredAt },
      };
    case 'casus.CaseReopened.v1':
      return { ...state, status: 'accepted', closure: null, reopenCount: state.reopenCount + 1 };
  }
}
