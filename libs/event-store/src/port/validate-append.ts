import type { EventMetadataInput, ExpectedVersion, NewEvent } from './envelope';
import { InvalidAppendError } from './errors';
import { isValidExpectedVersion } from './expected-version';

/** An append checked and serialised before it reaches a writer. */
export interface PreparedAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly PreparedEvent[];
}

export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadata: EventMetadataInput;
}

export const MAX_STREAM_ID_LENGTH = 200;

export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
): PreparedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppendError(
      `Stream id must be a non-empty string of at most ${MAX_STREAM_ID_LENGTH} characters`,
    );
  }
  if (!isValidExpectedVersion(expectedVersion)) {
    throw new InvalidAppendError(`Invalid expected version ${String(expectedVersion)}`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('An append needs at least one event');
  }
  const seen = new Set<string>();
  const prepared = events.map((event, index): PreparedEvent => {
    if (typeof event.eventId !== 'string' || event.eventId.length === 0) {
      throw new InvalidAppendError(`Event ${index} has no event id`);
    }
    if (seen.has(event.eventId))
      throw new InvalidAppendError(`Event id ${event.eventId} appears twice in one append`);
    seen.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(`Event ${event.eventId} has no type`);
    }
    if (!event.metadata || typeof event.metadata !== 'object') {
      throw new InvalidAppendError(`Event ${event.eventId} has no metadata`);
    }
    let dataJson: string | undefined;
    try {
      dataJson = JSON.stringify(event.data);
    } catch (cause) {
      throw new InvalidAppendError(`Event ${event.eventId} data is not JSON-serialisable: ${String(cause)}`);
    }
    if (dataJson === undefined)
      throw new InvalidAppendError(`Event ${event.eventId} data is not JSON-serialisable`);
    return { eventId: event.eventId, type: event.type, dataJson, metadata: event.metadata };
  });
  return { streamId, expectedVersion, events: prepared };
}
