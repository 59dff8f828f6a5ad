import { Inject, Injectable } from '@nestjs/common';
import { type CaseState, type EventEnvelope, foldCase } from '@casusregie/domain';
import {
  EVENT_STORE_PORT,
  type EventStore,
  type StoredEvent,
  StreamNotFoundError,
} from '@casusregie/event-store';
import type { RequestPrincipal } from '../auth/request-principal';
import { assertMayReadCase, caseNotFound } from '../cases/case-access';
import { caseStreamId } from '../commands/case-stream';

export interface ReadableCase {
  readonly events: readonly StoredEvent[];
  readonly state: CaseState;
}

/** Reads a case stream for a query, after checking that the caller may see the case. */
@Injectable()
export class CaseStreamReader {
  constructor(@Inject(EVENT_STORE_PORT) private readonly store: EventStore) {}

  async read(caseId: string, principal: RequestPrincipal): Promise<ReadableCase> {
    let events: StoredEvent[];
    try {
      events = await this.store.readStream(caseStreamId(caseId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw caseNotFound();
      throw error;
    }
    const state = foldCase(events);
    assertMayReadCase(principal, state);
    return { events, state };
  }
}

/**
 * Stored events as the responsibility view reads them. `recordedAt` is the store's commit time; the embedded
 * default gives the store the same clock as the commands, so it matches the command's `now`.
 */
export function toEnvelopes(events: readonly StoredEvent[]): EventEnvelope[] {
  return events.map((e) => ({
    event: { type: e.type, data: e.data },
    eventId: e.eventId,
    position: e.globalPosition,
    recordedAt: e.metadata.recordedAt,
  }));
}
