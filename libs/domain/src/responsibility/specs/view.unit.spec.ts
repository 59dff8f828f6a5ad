import type { CaseCommand } from '../../casus/commands';
import type { ResponsibilityRejectedV1 } from '../../casus/upcasters';
import {
  CASE_ID,
  ORG,
  acceptAtTriage,
  acceptBy,
  at,
  discuss,
  meta,
  propose,
  putOnAgenda,
  register,
  requestFinancier,
} from '../../casus/test-support/fixtures';
import { EnvelopeOrderError, responsibilityAtPosition, responsibilityOn, responsibilityTimeline } from '..';
import type { EventEnvelope } from '..';
import { Journey } from '../test-support/journey';

function started(): Journey {
  const j = new Journey();
  for (const command of [
    register(),
    acceptAtTriage(),
    putOnAgenda(),
    discuss({ needsIdentified: [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }] }),
  ]) {
    j.run(command);
  }
  return j;
}

const end = (responsibilityId: string, now: string): CaseCommand => ({
  type: 'EndResponsibility',
  data: { caseId: CASE_ID, responsibilityId, reason: 'Zorg gestopt.' },
  metadata: meta(now),
});

describe('responsibilityTimeline', () => {
  it('has one snapshot per event, each after that event', () => {
    const j = started();
    const timeline = responsibilityTimeline(j.envelopes);
    expect(timeline).toHaveLength(j.envelopes.length);
    timeline.forEach((snapshot, i) => expect(snapshot.after?.eventId).toBe(j.envelopes[i].eventId));
  });

  it('points at the event that last changed a responsibility, not at later unrelated events', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    const proposed = j.last('casus.ResponsibilityProposed.v1');
    j.run({
      type: 'AddParty',
      data: { caseId: CASE_ID, party: ORG.ggd, role: 'adviseur' },
      metadata: meta(at(3, 2)),
    });
    expect(j.need('need-pv').current?.setBy).toEqual({
      eventId: proposed.eventId,
      position: proposed.position,
      type: 'casus.ResponsibilityProposed.v1',
      recordedAt: proposed.recordedAt,
    });
  });

  it('prefers the holder as the current line, then the latest responsibility still in play', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    j.run(requestFinancier('r-wmo', 'req-1', at(3, 2)));
    j.run(acceptBy(ORG.utrecht, 'r-wmo', at(4)));
    j.run(propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(5)));
    expect(j.need('need-pv').current?.responsibilityId).toBe('r-wmo');
    j.run(end('r-wmo', at(6)));
    expect(j.need('need-pv').current?.responsibilityId).toBe('r-zvw');
    j.run(end('r-zvw', at(7)));
    expect(j.need('need-pv').current).toMatchObject({ responsibilityId: 'r-zvw', status: 'ended' });
  });

  it('dates a gap from the event that left the need without a holder', () => {
    const j = started();
    const identified = j.last('casus.NeedIdentified.v1');
    expect(j.view().gaps[0].since.eventId).toBe(identified.eventId);
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    expect(j.view().gaps[0].since.eventId).toBe(identified.eventId);
    j.run(requestFinancier('r-wmo', 'req-1', at(3, 2)));
    j.run(acceptBy(ORG.utrecht, 'r-wmo', at(4)));
    expect(j.view().gaps).toEqual([]);
    j.run(end('r-wmo', at(9)));
    expect(j.view().gaps[0].since).toMatchObject({
      type: 'casus.ResponsibilityEnded.v1',
      recordedAt: j.envelopes.at(-1)?.recordedAt,
    });
  });

  it('reads stored events of older versions through the upcaster', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    j.run(requestFinancier('r-wmo', 'req-1', at(3, 2)));
    const v1: ResponsibilityRejectedV1 = {
      type: 'casus.ResponsibilityRejected.v1',
      data: {
        caseId: CASE_ID,
        needId: 'need-pv',
        responsibilityId: 'r-wmo',
        requestId: 'req-1',
        financierOrganisationId: ORG.utrecht.organisationId,
        reason: 'Valt onder de Zvw.',
        occurredAt: at(4),
      },
    };
    const envelopes: EventEnvelope[] = [
      ...j.envelopes,
      { event: v1, eventId: 'evt-old', position: j.envelopes.length, recordedAt: at(4) },
    ];
    const last = responsibilityTimeline(envelopes).at(-1)!;
    expect(last.needs[0].current).toMatchObject({
      status: 'rejected',
      setBy: { eventId: 'evt-old', type: 'casus.ResponsibilityRejected.v1' },
    });
  });

  it('refuses events out of stream order', () => {
    const j = started();
    const swapped = [j.envelopes[1], j.envelopes[0], ...j.envelopes.slice(2)];
    expect(() => responsibilityTimeline(swapped)).toThrow(EnvelopeOrderError);
  });

  it('refuses an envelope without a recorded time', () => {
    const j = started();
    const broken = j.envelopes.map((e, i) => (i === 2 ? { ...e, recordedAt: 'gisteren' } : e));
    expect(() => responsibilityTimeline(broken)).toThrow(EnvelopeOrderError);
  });
});

describe('responsibilityAtPosition', () => {
  it('is empty before the first event and equals the timeline after each event', () => {
    const j = started();
    expect(responsibilityAtPosition(j.envelopes, -1)).toEqual({ after: null, needs: [], gaps: [] });
    const timeline = responsibilityTimeline(j.envelopes);
    expect(responsibilityAtPosition(j.envelopes, 4)).toEqual(timeline[4]);
    expect(responsibilityAtPosition(j.envelopes, 1000)).toEqual(timeline.at(-1));
  });

  it('works on global positions with holes, as a subscription would deliver them', () => {
    const j = started();
    const spread = j.envelopes.map((e, i) => ({ ...e, position: 100 + i * 7 }));
    expect(responsibilityAtPosition(spread, 100 + 4 * 7 + 3).after?.eventId).toBe(j.envelopes[4].eventId);
  });
});

describe('responsibilityOn', () => {
  it('gives the view as it stood at an instant', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    const before = responsibilityOn(j.envelopes, at(3, 0.5));
    expect(before.needs[0].current).toBeNull();
    expect(responsibilityOn(j.envelopes, at(3, 2)).needs[0].current?.status).toBe('proposed');
    expect(responsibilityOn(j.envelopes, '2025-01-01T00:00:00Z')).toEqual({
      after: null,
      needs: [],
      gaps: [],
    });
  });

  it('reads a date as the end of that Dutch calendar day', () => {
    const j = started();
    // Recorded 23:30 UTC on 10 March: already 11 March in the Netherlands.
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, '2025-03-10T23:30:00Z'));
    expect(responsibilityOn(j.envelopes, '2025-03-10').needs[0].current).toBeNull();
    expect(responsibilityOn(j.envelopes, '2025-03-11').needs[0].current?.responsibilityId).toBe('r-wmo');
  });

  it('compares instants as moments, whatever their offset', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, '2025-03-10T12:00:00Z'));
    expect(
      responsibilityOn(j.envelopes, '2025-03-10T13:01:00+01:00').needs[0].current?.responsibilityId,
    ).toBe('r-wmo');
    expect(responsibilityOn(j.envelopes, '2025-03-10T12:59:00+01:00').needs[0].current).toBeNull();
  });

  it('takes the longest prefix recorded by then when a clock stepped back', () => {
    const j = started();
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
    const stepped = j.envelopes.map((e, i) => (i === 3 ? { ...e, recordedAt: at(10) } : e));
    // Event 3 was recorded (by its clock) on day 10, so on day 5 the view stops before it, even though later
    // events carry earlier times.
    expect(responsibilityOn(stepped, at(5)).after?.eventId).toBe(j.envelopes[2].eventId);
  });
});
