import type { CaseCommand } from './commands';
import { decide } from './decide';
import type { CaseEvent } from './events';
import { evolve } from './evolve';
import { initialState } from './state';
import type { CaseState } from './state';
import { upcast } from './upcasters';
import type { StoredCaseEvent } from './upcasters';

export { decide, evolve, initialState };

/** The casus decider in Emmett's shape: decide(command, state) → events, evolve(state, event) → state. */
export const caseDecider = { decide, evolve, initialState } as const satisfies {
  decide(command: CaseCommand, state: CaseState): CaseEvent[];
  evolve(state: CaseState, event: CaseEvent): CaseState;
  initialState(): CaseState;
};

/** The state of a case from its stored events (any version): upcast, then fold with evolve. */
export function foldCase(events: Iterable<StoredCaseEvent>): CaseState {
  let state = initialState();
  for (const event of events) state = evolve(state, upcast(event));
  return state;
}
