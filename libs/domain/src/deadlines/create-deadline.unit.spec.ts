import { createDeadline } from './create-deadline';
import {
  actionDueDeadline,
  cizDecisionDeadline,
  discussionAfterRegistrationDeadline,
  escalationDecisionDeadline,
  escalationDueDeadline,
  liaisonAnswerDeadline,
  wmoDecisionDeadline,
  wmoResearchDeadline,
} from './deadline-constructors';
import { STATUTORY_TERMS } from './statutory-terms';

describe('statutory terms (calendar weeks, Algemene termijnenwet roll-forward)', () => {
  it('given a regular Wlz-aanvraag on Monday 1 Sep 2025, when CIZ must decide, then it is due Monday 13 Oct', () => {
    const d = cizDecisionDeadline('need-1', '2025-09-01T10:00:00Z', 'org-ciz');
    expect(d).toEqual({
      id: 'ciz-decision:need-1',
      kind: 'ciz-decision',
      basis: 'wettelijk',
      startedAt: '2025-09-01T10:00:00Z',
      originalDueAt: '2025-10-13',
      ref: { needId: 'need-1' },
      responsibleOrganisationIds: ['org-ciz'],
      suspensions: [],
      source: 'https://ciz.nl/client',
    });
  });

  it('given an aanvraag in bijzondere omstandigheden on Thursday 11 Dec 2025, then the 2 weeks end on Kerst and roll to Monday 29 Dec', () => {
    const d = cizDecisionDeadline('need-1', '2025-12-11T10:00:00Z', 'org-ciz', true);
    expect(d.originalDueAt).toBe('2025-12-29');
    expect(d.source).toBe(STATUTORY_TERMS['ciz-decision-urgent'].source);
  });

  it('given a Wmo melding on Friday 7 March 2025, then the 6-week onderzoek ends on Goede Vrijdag and rolls past Easter to Tuesday 22 April', () => {
    const d = wmoResearchDeadline('need-2', '2025-03-07T09:00:00Z', 'org-gm0344');
    expect(d).toMatchObject({ id: 'wmo-research:need-2', basis: 'wettelijk', originalDueAt: '2025-04-22' });
    expect(d.source).toBe('https://wetten.overheid.nl/BWBR0035362');
  });

  it('given a Wmo melding on Friday 14 March 2025, then the onderzoek is due Friday 25 April (6 weeks, a working day)', () => {
    expect(wmoResearchDeadline('need-2', '2025-03-14T09:00:00Z', 'org-gm0344').originalDueAt).toBe(
      '2025-04-25',
    );
  });

  it.each([
    ['2025-06-03T09:00:00Z', '2025-06-17', 'two weeks to the same weekday'],
    ['2025-04-12T09:00:00Z', '2025-04-28', 'ends on Saturday 26 April (Koningsdag) and rolls to Monday'],
    [
      '2026-04-21T09:00:00Z',
      '2026-05-06',
      'ends on Bevrijdingsdag (Tuesday 5 May 2026) and rolls to Wednesday',
    ],
  ])('given a Wmo aanvraag at %s, then the beschikking is due %s (%s)', (aangevraagdAt, due) => {
    const d = wmoDecisionDeadline('need-3', aangevraagdAt, 'org-gm0344');
    expect(d).toMatchObject({ id: 'wmo-decision:need-3', kind: 'wmo-decision', originalDueAt: due });
  });

  it('given the statutory table, then every term names its source and unverified rows say so', () => {
    expect(Object.values(STATUTORY_TERMS).map((t) => [t.id, t.weeks, t.verified])).toEqual([
      ['ciz-decision', 6, true],
      ['ciz-decision-urgent', 2, true],
      ['wmo-research', 6, false],
      ['wmo-decision', 2, false],
    ]);
    for (const term of Object.values(STATUTORY_TERMS)) expect(term.source).toMatch(/^https:\/\//);
  });
});

describe('service-level deadlines (working days, configurable per table)', () => {
  it('given a liaison request on Friday 25 April 2025, then the default 5 working days end Friday 2 May', () => {
    const d = liaisonAnswerDeadline('req-1', '2025-04-25T14:00:00Z', 'org-vgz', undefined, 'need-1');
    expect(d).toEqual({
      id: 'liaison-answer:req-1',
      kind: 'liaison-answer',
      basis: 'servicenorm',
      startedAt: '2025-04-25T14:00:00Z',
      originalDueAt: '2025-05-02',
      ref: { requestId: 'req-1', needId: 'need-1' },
      responsibleOrganisationIds: ['org-vgz'],
      suspensions: [],
    });
  });

  it('given a registration before Christmas, then discussion within 10 working days lands in January', () => {
    const d = discussionAfterRegistrationDeadline('case-7', '2025-12-19T09:00:00Z', ['org-gm0344']);
    expect(d).toMatchObject({ id: 'discussion-after-registration:case-7', originalDueAt: '2026-01-07' });
  });

  it('given a table with its own service levels, then those are used', () => {
    const levels = {
      discussionWorkingDays: 3,
      liaisonAnswerWorkingDays: 2,
      escalationDecisionWorkingDays: 1,
    };
    expect(liaisonAnswerDeadline('req-1', '2025-06-02T09:00:00Z', 'org-vgz', levels).originalDueAt).toBe(
      '2025-06-04',
    );
    expect(escalationDecisionDeadline('esc-1', '2025-06-06T09:00:00Z', ['org-gm0344'], levels)).toMatchObject(
      {
        id: 'escalation-decision:esc-1',
        basis: 'servicenorm',
        originalDueAt: '2025-06-10',
        ref: { escalationId: 'esc-1' },
      },
    );
  });

  it('given a negative service level, then it is refused', () => {
    const levels = {
      discussionWorkingDays: 10,
      liaisonAnswerWorkingDays: -1,
      escalationDecisionWorkingDays: 10,
    };
    expect(() => liaisonAnswerDeadline('req-1', '2025-06-02T09:00:00Z', 'org-vgz', levels)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid-input' }),
    );
  });
});

describe('agreed deadlines (afspraak)', () => {
  it('given an action with an agreed date, then that date is the due date', () => {
    expect(actionDueDeadline('act-1', '2025-06-02T09:00:00Z', '2025-06-15', 'org-aanbieder')).toEqual({
      id: 'action-due:act-1',
      kind: 'action-due',
      basis: 'afspraak',
      startedAt: '2025-06-02T09:00:00Z',
      originalDueAt: '2025-06-15',
      ref: { actionId: 'act-1' },
      responsibleOrganisationIds: ['org-aanbieder'],
      suspensions: [],
    });
  });

  it('given an agreed due instant, then it is reduced to its Dutch calendar date', () => {
    const d = escalationDueDeadline('esc-1', '2025-06-02T09:00:00Z', '2025-06-15T23:30:00Z', [
      'org-a',
      'org-a',
      'org-b',
    ]);
    expect(d.originalDueAt).toBe('2025-06-16');
    expect(d.responsibleOrganisationIds).toEqual(['org-a', 'org-b']);
  });

  it('given a due date before the day of the agreement, then it is refused', () => {
    expect(() => actionDueDeadline('act-1', '2025-06-02T09:00:00Z', '2025-06-01', 'org-a')).toThrow(
      expect.objectContaining({ code: 'deadline.due-before-start' }),
    );
  });
});

describe('createDeadline guards', () => {
  it('given no responsible organisation, then it is refused', () => {
    expect(() => wmoResearchDeadline('need-1', '2025-06-02T09:00:00Z', '')).toThrow(
      expect.objectContaining({ code: 'deadline.no-responsible-organisation' }),
    );
  });

  it('given neither a key nor a reference, then it is refused', () => {
    expect(() =>
      createDeadline({
        kind: 'liaison-answer',
        startedAt: '2025-06-02T09:00:00Z',
        responsibleOrganisationIds: ['o'],
      }),
    ).toThrow(expect.objectContaining({ code: 'deadline.invalid-input' }));
  });

  it('given a start without a time zone, then it is refused', () => {
    expect(() => cizDecisionDeadline('need-1', '2025-06-02T09:00:00', 'org-ciz')).toThrow(
      expect.objectContaining({ code: 'deadline.invalid-date' }),
    );
  });

  it('given the same input twice, then the same deadline comes out (replay-stable)', () => {
    const make = () =>
      createDeadline({
        kind: 'ciz-decision',
        startedAt: '2025-06-02T09:00:00Z',
        responsibleOrganisationIds: ['org-ciz'],
        ref: { needId: 'need-1' },
        key: 'aanvraag-2',
      });
    expect(make()).toEqual(make());
    expect(make().id).toBe('ciz-decision:aanvraag-2');
  });
});
