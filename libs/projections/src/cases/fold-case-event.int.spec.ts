import { foldCase, responsibilityTimeline } from '@casusregie/domain';
import { SqliteEventStore, type StoredEvent } from '@casusregie/event-store';
import { caseDetailOf } from '../queries/case-detail';
import { ProjectionEventError } from '../runner/errors';
import { generateCases } from '../testing/generate-cases';
import { rawEvent } from '../testing/runner-support';
import type { CaseDocument } from './case-document';
import { foldCaseEvent } from './fold-case-event';

describe('foldCaseEvent', () => {
  let store: SqliteEventStore;
  let streams: Map<string, StoredEvent[]>;

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    await generateCases(store, { cases: 80, seed: 11, spreadDays: 30 });
    streams = new Map();
    const page = await store.readAll({ maxCount: 10_000 });
    for (const event of page.events)
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  });

  afterAll(() => store.close());

  it("holds exactly the decider's state (foldCase) after every event of every case", () => {
    for (const events of streams.values()) {
      let doc: CaseDocument | null = null;
      events.forEach((event, i) => {
        doc = foldCaseEvent(doc, event);
        expect(doc.state).toEqual(foldCase(events.slice(0, i + 1)));
        expect(doc.version).toBe(i + 1);
        expect(doc.lastPosition).toBe(event.globalPosition);
      });
    }
  });

  it("agrees with the domain's responsibility view on gaps and on each need's current responsibility", () => {
    for (const events of streams.values()) {
      const timeline = responsibilityTimeline(
        events.map((e) => ({
          event: { type: e.type, data: e.data },
          eventId: e.eventId,
          position: e.globalPosition,
          recordedAt: e.metadata.recordedAt,
        })),
      );
      let doc: CaseDocument | null = null;
      events.forEach((event, i) => {
        doc = foldCaseEvent(doc, event);
        const view = timeline[i];
        expect(Object.entries(doc.gapSince).map(([needId, mark]) => [needId, mark.position])).toEqual(
          view.gaps.map((g) => [g.needId, g.since.position]),
        );
        const detail = caseDetailOf(doc);
        expect(detail.needs.map((n) => [n.needId, n.current?.responsibilityId ?? null])).toEqual(
          view.needs.map((n) => [n.needId, n.current?.responsibilityId ?? null]),
        );
      });
    }
  });

  it('names the event when a stream skips or repeats a version, or does not start with the registration', () => {
    const events = [...streams.values()].find((s) => s.length > 3)!;
    const first = foldCaseEvent(null, events[0]);
    expect(() => foldCaseEvent(first, events[2])).toThrow(ProjectionEventError);
    expect(() => foldCaseEvent(foldCaseEvent(first, events[1]), events[1])).toThrow(
      /expected stream version 2, got 1/,
    );
    expect(() => foldCaseEvent(null, { ...events[1], streamVersion: 0 })).toThrow(
      /must start with casus.CaseRegistered.v1/,
    );
  });

  it('stops on an unknown type with the reason, type, stream and position', () => {
    const events = [...streams.values()][0];
    const doc = foldCaseEvent(null, events[0]);
    const unknown: StoredEvent = {
      ...rawEvent('casus.CaseBeamedUp.v1', { caseId: 'x' }),
      streamId: events[0].streamId,
      streamVersion: 1,
      globalPosition: 4242,
      chainHash: '',
      metadata: { ...events[0].metadata },
    };
    expect(() => foldCaseEvent(doc, unknown)).toThrow(
      `Unknown case event type without upcaster: event type casus.CaseBeamedUp.v1 in stream ${events[0].streamId} at position 4242`,
    );
  });
});
