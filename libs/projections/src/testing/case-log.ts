import { randomUUID } from 'node:crypto';
import {
  type CaseCommand,
  type CaseState,
  type CaseEvent,
  type CommandMetadata,
  decide,
  evolve,
  initialState,
} from '@casusregie/domain';
import type { AppendResult, EventStore, NewEvent } from '@casusregie/event-store';

/**
 * Test and benchmark helper: runs real domain commands through `decide` on the case's current state and appends
 * the events to the store (stream `case-<caseId>`, expected version checked), as the case API does.
 */
export class CaseLog {
  private readonly cases = new Map<string, { state: CaseState; version: number }>();

  constructor(readonly store: EventStore) {}

  async execute(command: CaseCommand): Promise<AppendResult> {
    const caseId = command.data.caseId;
    const current = this.cases.get(caseId) ?? { state: initialState(), version: 0 };
    const events = decide(command, current.state);
    const result = await this.store.append(
      `case-${caseId}`,
      this.envelopes(command, events),
      current.version === 0 ? 'no_stream' : current.version,
    );
    this.cases.set(caseId, {
      state: events.reduce(evolve, current.state),
      version: result.nextExpectedVersion,
    });
    return result;
  }

  /** The envelopes the case API would write for `events` decided on `command`. */
  protected envelopes(command: CaseCommand, events: readonly CaseEvent[]): NewEvent[] {
    return events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        actor: {
          userId: command.metadata.userId,
          role: command.metadata.role,
          organisationId: command.metadata.organisationId,
        },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: command.metadata.now,
        schemaVersion: 1,
      },
    }));
  }

  stateOf(caseId: string): CaseState {
    return this.cases.get(caseId)?.state ?? initialState();
  }
}

export function metadata(
  organisationId: string,
  now: string,
  role: CommandMetadata['role'] = 'coordinator',
): CommandMetadata {
  return { userId: `user-${organisationId}`, role, organisationId, now };
}
