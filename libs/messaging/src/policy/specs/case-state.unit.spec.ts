import { foldCase } from '@casusregie/domain';
import type { StoredEvent } from '@casusregie/event-store';
import { foldCaseEnvelopes, nextCaseState } from '../case-state';
import { readEnvelope, type StoredCaseEventEnvelope, UnmappableEventError } from '../envelope';
import { at } from '../test-support/case-journey';
import { catalogue } from '../test-support/catalogue';

describe('reading a case stream for the policy', () => {
  const { journeys } = catalogue();

  it('takes the event store’s stored events as they come', () => {
    const stored = {} as StoredEvent;
    const envelope: StoredCaseEventEnvelope = stored;
    expect(envelope).toBe(stored);
  });

  it('folds a stream to the state the decider folds, also when it holds the watcher’s events and a legacy version', () => {
    for (const j of journeys) {
      const envelopes = j.steps.map((s) => s.envelope);
      expect(foldCaseEnvelopes(envelopes)).toEqual(j.state);
      expect(foldCaseEnvelopes(envelopes)).toEqual(
        foldCase(envelopes.map((e) => ({ type: e.type, data: e.data }))),
      );
    }
  });

  it('records what the watcher noted, as the decider does', () => {
    const step = journeys[0].steps.find((s) => s.envelope.type === 'casus.DeadlineMissed.v1')!;
    const { deadlineId, dueOn } = step.envelope.data as { deadlineId: string; dueOn: string };
    expect(nextCaseState(step.before, step.envelope).deadlineNotices[deadlineId]).toMatchObject({
      missedFor: dueOn,
    });
  });

  it('refuses an envelope without the metadata the messages carry', () => {
    const step = journeys[0].steps[0];
    const broken = {
      ...step.envelope,
      metadata: { occurredAt: at(0) },
    } as unknown as StoredCaseEventEnvelope;
    expect(() => readEnvelope(broken)).toThrow(UnmappableEventError);
    expect(() => nextCaseState(step.before, { ...step.envelope, type: 'casus.Nope.v1' })).toThrow(
      UnmappableEventError,
    );
  });
});
