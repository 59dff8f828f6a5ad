/**
 * Picks seeded cases for the benchmark straight from the event store (before the app starts): random global
 * positions, the case stream each falls in, and that stream folded with the real `foldCase`. Busy cases (long
 * streams) are picked more often, as they are in real use.
 */
import { type CaseState, foldCase } from '@casusregie/domain';
import type { EventStore } from '@casusregie/event-store';
import type { Prng } from './prng';

export interface SampledCase {
  readonly caseId: string;
  readonly state: CaseState;
  readonly version: number;
}

export async function sampleCases(store: EventStore, rng: Prng, draws: number): Promise<SampledCase[]> {
  const head = await store.headPosition();
  if (head === 0) throw new Error('The event store is empty: run npm run seed first.');
  const streams = new Set<string>();
  for (let i = 0; i < draws; i++) {
    const position = rng.int(1, head);
    const page = await store.readAll({ fromPosition: position - 1, maxCount: 1 });
    const streamId = page.events[0]?.streamId;
    if (streamId?.startsWith('case-')) streams.add(streamId);
  }
  const cases: SampledCase[] = [];
  for (const streamId of [...streams].sort()) {
    const events = await store.readStream(streamId);
    cases.push({ caseId: streamId.slice('case-'.length), state: foldCase(events), version: events.length });
  }
  return cases;
}
