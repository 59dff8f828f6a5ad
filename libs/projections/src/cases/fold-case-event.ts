import { type CaseEvent, UnknownCaseEventError, evolve, initialState, upcast } from '@casusregie/domain';
import type { StoredEvent } from '@casusregie/event-store';
import { ProjectionEventError } from '../runner/errors';
import type { CaseDocument, EventMark } from './case-document';
import { foldExtras } from './fold-extras';
import { closeEscalations, gapsSince, responsibilityChanges, waitingPeriods } from './fold-provenance';

/**
 * Applies one stored event of a case stream to the case's document (null before the first event). Throws a
 * ProjectionEventError, naming the event, when the event cannot be applied: an unknown type without upcaster, a
 * stream that does not start with the registration, or an event out of stream order.
 */
export function foldCaseEvent(doc: CaseDocument | null, stored: StoredEvent): CaseDocument {
  const event = readEvent(stored);
  const expectedVersion = doc?.version ?? 0;
  if (stored.streamVersion !== expectedVersion) {
    throw new ProjectionEventError(
      stored,
      `Case projection expected stream version ${expectedVersion}, got ${stored.streamVersion}`,
    );
  }
  if (doc === null && event.type !== 'casus.CaseRegistered.v1') {
    throw new ProjectionEventError(stored, 'A case stream must start with casus.CaseRegistered.v1');
  }
  try {
    const before = doc?.state ?? initialState();
    const state = evolve(before, event);
    const mark: EventMark = {
      at: canonicalInstant(event.data.occurredAt),
      position: stored.globalPosition,
      eventType: event.type,
    };
    const base = doc ?? registration(stored, event, mark);
    const extras = foldExtras(base, event, mark);
    return {
      ...base,
      ...extras,
      state,
      updatedAt: mark.at,
      version: expectedVersion + 1,
      lastPosition: stored.globalPosition,
      responsibilitySetBy: responsibilityChanges(base.responsibilitySetBy, before, state, mark),
      gapSince: gapsSince(base.gapSince, before, state, mark),
      escalations: closeEscalations(extras.escalations ?? base.escalations, before, state, mark),
      waiting: waitingPeriods(base.waiting, before, state, mark),
    };
  } catch (error) {
    if (error instanceof ProjectionEventError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ProjectionEventError(stored, `Case projection could not apply the event (${message})`, {
      cause: error,
    });
  }
}

function readEvent(stored: StoredEvent): CaseEvent {
  try {
    return upcast({ type: stored.type, data: stored.data });
  } catch (error) {
    if (error instanceof UnknownCaseEventError) {
      throw new ProjectionEventError(stored, 'Unknown case event type without upcaster', { cause: error });
    }
    throw error;
  }
}

function registration(stored: StoredEvent, event: CaseEvent, mark: EventMark): CaseDocument {
  if (event.type !== 'casus.CaseRegistered.v1') throw new Error('not a registration');
  return {
    caseId: event.data.caseId,
    streamId: stored.streamId,
    state: initialState(),
    summary: event.data.summary,
    registeredAt: mark.at,
    updatedAt: mark.at,
    version: 0,
    lastPosition: stored.globalPosition,
    firstDiscussedAt: null,
    askedOrganisationIds: [],
    responsibilitySetBy: {},
    gapSince: {},
    agreements: [],
    actions: {},
    escalations: {},
    offers: {},
    waiting: [],
  };
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The instant in toISOString() form (what the API writes already; other forms are converted). */
function canonicalInstant(value: string): string {
  return CANONICAL_INSTANT.test(value) ? value : new Date(Date.parse(value)).toISOString();
}
