import { type CaseState, evolve, initialState } from '@casusregie/domain';
import { readEnvelope, type StoredCaseEventEnvelope } from './envelope';

/**
 * The case state after one more stored event: domain events are upcast and folded with the decider's own `evolve`;
 * the deadline watcher's events change nothing in the state. Throws `UnmappableEventError` for an unknown type.
 * Use it to keep `stateBefore` and `stateAfter` for `notificationsFor` while reading a case stream.
 */
export function nextCaseState(state: CaseState, envelope: StoredCaseEventEnvelope): CaseState {
  const read = readEnvelope(envelope);
  return read.source === 'case' ? evolve(state, read.event) : state;
}

/** The state of a case from its stored events (as `foldCase`, but it also reads the deadline watcher's events). */
export function foldCaseEnvelopes(envelopes: Iterable<StoredCaseEventEnvelope>): CaseState {
  let state = initialState();
  for (const envelope of envelopes) state = nextCaseState(state, envelope);
  return state;
}
