import { type CaseState, evolve, initialState } from '@casusregie/domain';
import { readEnvelope, type StoredCaseEventEnvelope } from './envelope';

/**
 * The case state after one more stored event: events are upcast and folded with the decider's own `evolve` (the
 * deadline watcher's events record what was noted). Throws `UnmappableEventError` for an unknown type.
 * Use it to keep `stateBefore` and `stateAfter` for `notificationsFor` while reading a case stream.
 */
export function nextCaseState(state: CaseState, envelope: StoredCaseEventEnvelope): CaseState {
  return evolve(state, readEnvelope(envelope).event);
}

/** The state of a case from its stored events (as `foldCase`, refusing what the messaging cannot map). */
export function foldCaseEnvelopes(envelopes: Iterable<StoredCaseEventEnvelope>): CaseState {
  let state = initialState();
  for (const envelope of envelopes) state = nextCaseState(state, envelope);
  return state;
}
