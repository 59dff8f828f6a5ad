import { decide, evolve, initialState } from '../../casus/decider';
import type { CaseCommand } from '../../casus/commands';
import type { CaseEvent } from '../../casus/events';
import type { CaseState } from '../../casus/state';
import { responsibilityTimeline } from '../queries';
import type { EventEnvelope, NeedResponsibility, ResponsibilitySnapshot } from '../types';

/**
 * Runs commands through the decider like the write path would and records the events as stored envelopes
 * (`evt-<n>`, positions from 0, recorded at the command's time plus one millisecond per event).
 */
export class Journey {
  readonly envelopes: EventEnvelope[] = [];
  private state: CaseState = initialState();

  run(command: CaseCommand): CaseEvent[] {
    const events = decide(command, this.state);
    const base = Date.parse(command.metadata.now);
    for (const event of events) {
      const position = this.envelopes.length;
      this.envelopes.push({
        event,
        eventId: `evt-${position}`,
        position,
        recordedAt: new Date(base + position).toISOString(),
      });
      this.state = evolve(this.state, event);
    }
    return events;
  }

  get events(): CaseEvent[] {
    return this.envelopes.map((e) => e.event as CaseEvent);
  }

  get caseState(): CaseState {
    return this.state;
  }

  /** The view after the last event. */
  view(): ResponsibilitySnapshot {
    return responsibilityTimeline(this.envelopes).at(-1)!;
  }

  need(needId: string): NeedResponsibility {
    const need = this.view().needs.find((n) => n.needId === needId);
    if (!need) throw new Error(`no need ${needId} in the view`);
    return need;
  }

  /** The envelope of the last event of the given type. */
  last(type: CaseEvent['type']): EventEnvelope {
    const envelope = [...this.envelopes].reverse().find((e) => e.event.type === type);
    if (!envelope) throw new Error(`no ${type} in the journey`);
    return envelope;
  }
}

/** The essentials of a need's line in the view, for compact expectations. */
export function line(need: NeedResponsibility) {
  const c = need.current;
  return c === null
    ? null
    : {
        lawDomain: c.lawDomain,
        financier: c.financierOrganisationId,
        status: c.status,
        basis: c.basis,
        holding: c.holding,
        setBy: c.setBy.type,
      };
}
