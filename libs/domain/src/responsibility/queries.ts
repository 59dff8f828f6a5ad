import { startOfDutchDate } from '../deadlines';
import { initialViewState, snapshotOf, step } from './fold';
import type { ViewState } from './fold';
import type { EventEnvelope, ResponsibilitySnapshot } from './types';

export class EnvelopeOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeOrderError';
  }
}

function instantMs(value: string, what: string): number {
  const ms = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(ms))
    throw new EnvelopeOrderError(`${what} is not an ISO instant: ${value}`);
  return ms;
}

function checkOrder(envelopes: readonly EventEnvelope[]): void {
  for (let i = 0; i < envelopes.length; i++) {
    const e = envelopes[i];
    if (!Number.isFinite(e.position))
      throw new EnvelopeOrderError(`Event ${e.eventId} has no numeric position.`);
    instantMs(e.recordedAt, `recordedAt of event ${e.eventId}`);
    if (i > 0 && e.position <= envelopes[i - 1].position) {
      throw new EnvelopeOrderError(
        `Events must come in stream order: position ${e.position} (${e.eventId}) follows ${envelopes[i - 1].position}.`,
      );
    }
  }
}

/** The responsibility view after every event of the stream: element i is the state after envelopes[i]. */
export function responsibilityTimeline(envelopes: readonly EventEnvelope[]): ResponsibilitySnapshot[] {
  checkOrder(envelopes);
  const snapshots: ResponsibilitySnapshot[] = [];
  let view: ViewState = initialViewState();
  for (const envelope of envelopes) {
    view = step(view, envelope);
    snapshots.push(snapshotOf(view));
  }
  return snapshots;
}

function foldWhile(
  envelopes: readonly EventEnvelope[],
  include: (e: EventEnvelope) => boolean,
): ResponsibilitySnapshot {
  checkOrder(envelopes);
  let view: ViewState = initialViewState();
  for (const envelope of envelopes) {
    if (!include(envelope)) break;
    view = step(view, envelope);
  }
  return snapshotOf(view);
}

/** The view after the last event whose position is at most `position` (the empty view before the first event). */
export function responsibilityAtPosition(
  envelopes: readonly EventEnvelope[],
  position: number,
): ResponsibilitySnapshot {
  return foldWhile(envelopes, (e) => e.position <= position);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last millisecond of a Dutch calendar day. */
function endOfDutchDayMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return Date.parse(startOfDutchDate(next)) - 1;
}

/**
 * The view as it stood at `at`: an ISO instant, or a date (`YYYY-MM-DD`, meaning the end of that Dutch calendar
 * day). It is the fold of the longest prefix of the stream recorded at or before that moment. Events are taken in
 * stream order: should a later event carry an earlier recordedAt (a clock stepping back), it still counts only
 * after the events that precede it. Instants are compared as moments, whatever their offsets.
 */
export function responsibilityOn(envelopes: readonly EventEnvelope[], at: string): ResponsibilitySnapshot {
  const limit = DATE.test(at) ? endOfDutchDayMs(at) : instantMs(at, 'The moment asked for');
  if (Number.isNaN(limit)) throw new EnvelopeOrderError(`The date asked for is not a calendar date: ${at}`);
  return foldWhile(envelopes, (e) => Date.parse(e.recordedAt) <= limit);
}
