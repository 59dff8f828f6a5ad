import { dateOfTurning18, transitionMilestones } from './transition-milestones';
import { TRANSITION_MILESTONE_RULES } from './transition-rules';

const dueDates = (birthday18: string) =>
  transitionMilestones(birthday18, ['org-gm0344']).map((d) => [d.kind, d.originalDueAt]);

describe('transitionMilestones', () => {
  it('given T = 31 Aug 2026 (a month end), then T−2 months clamps to 30 June and "before T" is 30 Aug', () => {
    expect(dueDates('2026-08-31')).toEqual([
      ['transition-plan-started', '2024-08-31'],
      ['transition-route-decided', '2025-08-31'],
      ['transition-wmo-melding', '2026-05-31'],
      ['transition-ciz-aanvraag', '2026-06-30'],
      ['transition-verlengde-jeugdhulp-decision', '2026-08-30'],
    ]);
  });

  it('given someone born on 29 Feb 2008, then they turn 18 on 1 March 2026 and the milestones follow from that', () => {
    const birthday18 = dateOfTurning18('2008-02-29');
    expect(birthday18).toBe('2026-03-01');
    expect(dueDates(birthday18)).toEqual([
      ['transition-plan-started', '2024-03-01'],
      ['transition-route-decided', '2025-03-01'],
      ['transition-wmo-melding', '2025-12-01'],
      ['transition-ciz-aanvraag', '2026-01-01'],
      ['transition-verlengde-jeugdhulp-decision', '2026-02-28'],
    ]);
  });

  it('given T on 29 Feb 2028, then milestones in non-leap years clamp to 28 Feb', () => {
    expect(dueDates('2028-02-29')).toEqual([
      ['transition-plan-started', '2026-02-28'],
      ['transition-route-decided', '2027-02-28'],
      ['transition-wmo-melding', '2027-11-29'],
      ['transition-ciz-aanvraag', '2027-12-29'],
      ['transition-verlengde-jeugdhulp-decision', '2028-02-28'],
    ]);
  });

  it('given T = 31 May 2027, then T−3 months clamps to 28 February', () => {
    expect(dueDates('2027-05-31')).toEqual([
      ['transition-plan-started', '2025-05-31'],
      ['transition-route-decided', '2026-05-31'],
      ['transition-wmo-melding', '2027-02-28'],
      ['transition-ciz-aanvraag', '2027-03-31'],
      ['transition-verlengde-jeugdhulp-decision', '2027-05-30'],
    ]);
  });

  it('given T = 1 Jan 2027, then the milestones cross the year boundary', () => {
    expect(dueDates('2027-01-01')).toEqual([
      ['transition-plan-started', '2025-01-01'],
      ['transition-route-decided', '2026-01-01'],
      ['transition-wmo-melding', '2026-10-01'],
      ['transition-ciz-aanvraag', '2026-11-01'],
      ['transition-verlengde-jeugdhulp-decision', '2026-12-31'],
    ]);
  });

  it('given T = 31 Dec 2026, then T−3 months clamps to 30 September', () => {
    expect(dueDates('2026-12-31')[2]).toEqual(['transition-wmo-melding', '2026-09-30']);
  });

  it('given a birthday, then every milestone has basis transitie, a stable id, its source and the responsible organisations', () => {
    const [first, ...rest] = transitionMilestones('2026-08-31', ['org-gm0344', 'org-gi']);
    expect(first).toEqual({
      id: 'transition-plan-started:2026-08-31',
      kind: 'transition-plan-started',
      basis: 'transitie',
      startedAt: '2024-08-31',
      originalDueAt: '2024-08-31',
      responsibleOrganisationIds: ['org-gm0344', 'org-gi'],
      suspensions: [],
      source: TRANSITION_MILESTONE_RULES['transition-plan-started'].source,
    });
    for (const d of rest) {
      expect(d.basis).toBe('transitie');
      expect(d.source).toMatch(/^https?:\/\//);
      expect(d.id).toBe(`${d.kind}:2026-08-31`);
    }
  });

  it('given options, then the start moment and the selection of milestones are honoured', () => {
    const milestones = transitionMilestones('2026-08-31', ['org-gm0344'], {
      startedAt: '2025-01-10T09:00:00Z',
      kinds: ['transition-verlengde-jeugdhulp-decision', 'transition-wmo-melding'],
    });
    expect(milestones.map((d) => [d.kind, d.startedAt])).toEqual([
      ['transition-wmo-melding', '2025-01-10T09:00:00Z'],
      ['transition-verlengde-jeugdhulp-decision', '2025-01-10T09:00:00Z'],
    ]);
  });

  it('given an impossible birthday, then it is refused', () => {
    expect(() => transitionMilestones('2026-02-29', ['org-gm0344'])).toThrow(
      expect.objectContaining({ code: 'deadline.invalid-date' }),
    );
  });
});

describe('dateOfTurning18', () => {
  it.each([
    ['2008-08-31', '2026-08-31'],
    ['2010-02-28', '2028-02-28'],
    ['2012-02-29', '2030-03-01'],
    ['2009-03-01', '2027-03-01'],
  ])('given a birth date %s, then the 18th birthday is %s', (birthDate, expected) => {
    expect(dateOfTurning18(birthDate)).toBe(expected);
  });
});
