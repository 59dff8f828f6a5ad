import type { EighteenthBirthdayPassed } from '../events';
import { holderOf } from '../holding';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  at,
  given,
  meta,
  playOn,
  propose,
  requestFinancier,
  stateOf,
  acceptBy,
  withNeed,
} from '../test-support/fixtures';
import {
  BIRTHDAY_18,
  YOUTH,
  birthday,
  held,
  plan,
  successor,
  transitionCase,
} from '../test-support/transition-fixtures';

const needs = transitionCase([
  { needId: 'need-beg', category: 'begeleiding' },
  { needId: 'need-ggz', category: 'behandeling-ggz' },
  { needId: 'need-pv', category: 'persoonlijke-verzorging' },
]);
const jeugdhulp = playOn(
  needs,
  ...held('need-beg', 'r-beg-jw', 'Jeugdwet', ORG.utrecht, 4),
  ...held('need-ggz', 'r-ggz-jw', 'Jeugdwet', ORG.utrecht, 5),
  ...held('need-pv', 'r-pv-jw', 'Jeugdwet', ORG.utrecht, 6),
);
const AFTER_BIRTHDAY = '2025-09-15T06:00:00Z';

function birthdayEvent(
  history: Parameters<typeof given>[0],
  now = AFTER_BIRTHDAY,
): EighteenthBirthdayPassed['data'] {
  const [event] = given(history).when(birthday(now)).events();
  if (event.type !== 'casus.EighteenthBirthdayPassed.v1') throw new Error(`unexpected ${event.type}`);
  return event.data;
}

describe('RecordTransitionPlan (toekomstplan)', () => {
  it('records the routes and proposes each successor for the birthday, with the wegwijzer of age 18', () => {
    const events = given(jeugdhulp)
      .when(
        plan(
          [
            successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht),
            {
              route: 'verlengde-jeugdhulp',
              needId: 'need-ggz',
              condition: 'i',
              otherLawsExplanation:
                'Behandeling loopt door; de gecontracteerde Zvw-aanbieder heeft een wachtlijst.',
            },
            { route: 'ending', needId: 'need-pv', explanation: 'Jongere is zelfredzaam in ADL.' },
          ],
          at(20),
        ),
      )
      .events();
    expect(events.map((e) => e.type)).toEqual([
      'casus.TransitionPlanRecorded.v1',
      'casus.ResponsibilityProposed.v1',
    ]);
    expect(events[0].data).toEqual({
      caseId: CASE_ID,
      birthday18: BIRTHDAY_18,
      routes: [
        {
          route: 'successor',
          needId: 'need-beg',
          lawDomain: 'Wmo',
          financierOrganisationId: ORG.utrecht.organisationId,
          responsibilityId: 'r-beg-wmo',
        },
        {
          route: 'verlengde-jeugdhulp',
          needId: 'need-ggz',
          condition: 'i',
          otherLawsExplanation:
            'Behandeling loopt door; de gecontracteerde Zvw-aanbieder heeft een wachtlijst.',
        },
        { route: 'ending', needId: 'need-pv', explanation: 'Jongere is zelfredzaam in ADL.' },
      ],
      withdrawnResponsibilityIds: [],
      occurredAt: at(20),
    });
    expect(events[1].data).toMatchObject({
      needId: 'need-beg',
      responsibilityId: 'r-beg-wmo',
      lawDomain: 'Wmo',
      basis: 'statutory-handover',
      takesEffect: 'at-18th-birthday',
      deviation: false,
      wegwijzer: { suggestedLawDomain: 'Wmo', ruleIds: ['T3'], evaluatedOn: BIRTHDAY_18 },
    });
  });

  it('closes the plan milestones once every Jeugdwet need has a route', () => {
    const partial = playOn(jeugdhulp, plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], at(20)));
    const first = stateOf(partial).deadlines;
    expect(first[`transition-plan-started:${BIRTHDAY_18}`].closedAt).toBe(at(20));
    expect(first[`transition-route-decided:${BIRTHDAY_18}`].closedAt).toBeUndefined();
    const complete = playOn(
      partial,
      plan(
        [
          { route: 'ending', needId: 'need-ggz', explanation: 'Behandeling afgerond voor 18.' },
          { route: 'ending', needId: 'need-pv', explanation: 'Niet meer nodig.' },
        ],
        at(21),
      ),
    );
    const deadlines = stateOf(complete).deadlines;
    expect(deadlines[`transition-route-decided:${BIRTHDAY_18}`].closedAt).toBe(at(21));
    expect(deadlines[`transition-verlengde-jeugdhulp-decision:${BIRTHDAY_18}`].closedAt).toBe(at(21));
  });

  it('keeps a successor accepted in advance from holding the need before the birthday', () => {
    const history = playOn(
      jeugdhulp,
      plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], at(20)),
      requestFinancier('r-beg-wmo', 'req-beg-wmo', at(21)),
      acceptBy(ORG.utrecht, 'r-beg-wmo', at(22)),
    );
    const state = stateOf(history);
    expect(state.responsibilities.find((r) => r.responsibilityId === 'r-beg-wmo')?.status).toBe('accepted');
    expect(holderOf(state.responsibilities, 'need-beg')?.responsibilityId).toBe('r-beg-jw');
  });

  it('withdraws an accepted successor when the plan is revised, so one successor at most is accepted in advance', () => {
    const history = playOn(
      jeugdhulp,
      plan([successor('need-pv', 'r-pv-wmo', 'Wmo', ORG.utrecht)], at(20)),
      requestFinancier('r-pv-wmo', 'req-pv-wmo', at(21)),
      acceptBy(ORG.utrecht, 'r-pv-wmo', at(22)),
      plan([successor('need-pv', 'r-pv-zvw', 'Zvw', ORG.zilverenKruis)], at(23)),
    );
    // The revised plan withdrew the Wmo successor, so the Zvw successor can be accepted.
    expect(stateOf(history).responsibilities.find((r) => r.responsibilityId === 'r-pv-wmo')?.status).toBe(
      'ended',
    );
    const accepted = playOn(
      history,
      requestFinancier('r-pv-zvw', 'req-pv-zvw', at(24)),
      acceptBy(ORG.zilverenKruis, 'r-pv-zvw', at(25)),
    );
    expect(accepted.at(-1)?.type).toBe('casus.ResponsibilityAccepted.v1');
  });

  it('withdraws the successor of an earlier version of the plan', () => {
    const first = playOn(jeugdhulp, plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], at(20)));
    const [revised] = given(first)
      .when(plan([{ route: 'ending', needId: 'need-beg', explanation: 'Begeleiding stopt.' }], at(21)))
      .events();
    expect(revised.data).toMatchObject({ withdrawnResponsibilityIds: ['r-beg-wmo'] });
  });

  it('refuses verlengde jeugdhulp for begeleiding, which ends at 18 (T3)', () => {
    given(jeugdhulp)
      .when(
        plan(
          [
            {
              route: 'verlengde-jeugdhulp',
              needId: 'need-beg',
              condition: 'i',
              otherLawsExplanation: 'Wachtlijst Wmo.',
            },
          ],
          at(20),
        ),
      )
      .thenThrows(refusedWith('verlengde-jeugdhulp-not-possible', 'unprocessable'));
  });

  it('refuses condition (iii), resumption, before the birthday', () => {
    given(jeugdhulp)
      .when(
        plan(
          [
            {
              route: 'verlengde-jeugdhulp',
              needId: 'need-ggz',
              condition: 'iii',
              otherLawsExplanation: 'Zvw past niet.',
            },
          ],
          at(20),
        ),
      )
      .thenThrows(refusedWith('verlengde-jeugdhulp-not-possible'));
  });

  it('refuses condition (i) when no jeugdhulp runs for the need', () => {
    given(needs)
      .when(
        plan(
          [
            {
              route: 'verlengde-jeugdhulp',
              needId: 'need-ggz',
              condition: 'i',
              otherLawsExplanation: 'Zvw past niet.',
            },
          ],
          at(20),
        ),
      )
      .thenThrows(refusedWith('verlengde-jeugdhulp-not-possible'));
  });

  it('refuses the Jeugdwet as a successor after 18: that is verlengde jeugdhulp', () => {
    given(jeugdhulp)
      .when(plan([successor('need-ggz', 'r-ggz-jw2', 'Jeugdwet', ORG.utrecht)], at(20)))
      .thenThrows(refusedWith('jeugdwet-after-18-requires-grounds', 'unprocessable'));
  });

  it('refuses a plan without routes', () => {
    given(jeugdhulp)
      .when(plan([], at(20)))
      .thenThrows(refusedWith('routes-required'));
  });

  it('refuses a plan for a case that is not a transition case', () => {
    given(withNeed())
      .when(plan([{ route: 'ending', needId: 'need-pv', explanation: 'Niet nodig.' }], at(20)))
      .thenThrows(refusedWith('not-a-transition-case', 'conflict'));
  });

  it('refuses a route for an unknown need', () => {
    given(jeugdhulp)
      .when(plan([{ route: 'ending', needId: 'need-x', explanation: 'Niet nodig.' }], at(20)))
      .thenThrows(refusedWith('need-not-found', 'not-found'));
  });
});

describe('PassEighteenthBirthday', () => {
  it('hands begeleiding over to the accepted Wmo successor (T3), who holds the need from the birthday', () => {
    const history = playOn(
      jeugdhulp,
      plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], at(20)),
      requestFinancier('r-beg-wmo', 'req-beg-wmo', at(21)),
      acceptBy(ORG.utrecht, 'r-beg-wmo', at(22)),
    );
    const data = birthdayEvent(history);
    expect(data.endings).toContainEqual({
      needId: 'need-beg',
      responsibilityId: 'r-beg-jw',
      from: 'accepted',
      to: 'transferred',
      ground: 'T3',
      successorResponsibilityId: 'r-beg-wmo',
    });
    expect(data.takeovers).toContainEqual({
      needId: 'need-beg',
      responsibilityId: 'r-beg-wmo',
      predecessorResponsibilityId: 'r-beg-jw',
      status: 'accepted',
    });
    const after = stateOf(playOn(history, birthday(AFTER_BIRTHDAY)));
    expect(holderOf(after.responsibilities, 'need-beg')).toMatchObject({
      responsibilityId: 'r-beg-wmo',
      lawDomain: 'Wmo',
      basis: 'statutory-handover',
    });
  });

  it('leaves a visible gap where the successor has not accepted, or no route was planned', () => {
    const history = playOn(
      jeugdhulp,
      plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], at(20)),
      requestFinancier('r-beg-wmo', 'req-beg-wmo', at(21)),
    );
    const data = birthdayEvent(history);
    expect(data.endings).toEqual([
      {
        needId: 'need-beg',
        responsibilityId: 'r-beg-jw',
        from: 'accepted',
        to: 'transferred',
        ground: 'T3',
        successorResponsibilityId: 'r-beg-wmo',
      },
      {
        needId: 'need-ggz',
        responsibilityId: 'r-ggz-jw',
        from: 'accepted',
        to: 'ended',
        ground: 'T1',
        successorResponsibilityId: null,
      },
      {
        needId: 'need-pv',
        responsibilityId: 'r-pv-jw',
        from: 'accepted',
        to: 'ended',
        ground: 'T4',
        successorResponsibilityId: null,
      },
    ]);
    expect(data.takeovers).toEqual([
      {
        needId: 'need-beg',
        responsibilityId: 'r-beg-wmo',
        predecessorResponsibilityId: 'r-beg-jw',
        status: 'requested',
      },
    ]);
    expect(data.newGapNeedIds).toEqual(['need-beg', 'need-ggz', 'need-pv']);
    expect(data.continuations).toEqual([]);
    expect(data.endedNeedIds).toEqual([]);
  });

  it('continues strafrechtelijke jeugdhulp (T9) and pleegzorg (T8), and ends jeugdbescherming (T10)', () => {
    const history = playOn(
      transitionCase([
        { needId: 'need-jr', category: 'jeugdhulp', jeugdhulpKader: 'strafrechtelijk' },
        { needId: 'need-pleeg', category: 'verblijf', jeugdhulpKader: 'pleegzorg' },
        { needId: 'need-ots', category: 'jeugdbescherming' },
      ]),
      ...held('need-jr', 'r-jr', 'Jeugdwet', ORG.utrecht, 4),
      ...held('need-pleeg', 'r-pleeg', 'Jeugdwet', ORG.utrecht, 5),
      ...held('need-ots', 'r-ots', 'justitie', ORG.gi, 6),
    );
    const data = birthdayEvent(history);
    expect(data.continuations).toEqual([
      { needId: 'need-jr', responsibilityId: 'r-jr', ground: 'strafrechtelijk' },
      { needId: 'need-pleeg', responsibilityId: 'r-pleeg', ground: 'pleegzorg' },
    ]);
    expect(data.endings).toEqual([
      {
        needId: 'need-ots',
        responsibilityId: 'r-ots',
        from: 'accepted',
        to: 'ended',
        ground: 'T10',
        successorResponsibilityId: null,
      },
    ]);
    expect(data.newGapNeedIds).toEqual(['need-ots']);
  });

  it('continues verlengde jeugdhulp and ends the needs planned to end, without a gap', () => {
    const history = playOn(
      jeugdhulp,
      plan(
        [
          {
            route: 'verlengde-jeugdhulp',
            needId: 'need-ggz',
            condition: 'ii',
            otherLawsExplanation: 'Geen passende Zvw-behandeling beschikbaar.',
          },
          { route: 'ending', needId: 'need-pv', explanation: 'Niet meer nodig.' },
        ],
        at(20),
      ),
    );
    const data = birthdayEvent(history);
    expect(data.continuations).toEqual([
      { needId: 'need-ggz', responsibilityId: 'r-ggz-jw', ground: 'verlengde-jeugdhulp' },
    ]);
    expect(data.endedNeedIds).toEqual(['need-pv']);
    expect(data.newGapNeedIds).toEqual(['need-beg']);
    const after = stateOf(playOn(history, birthday(AFTER_BIRTHDAY)));
    expect(after.needs.find((n) => n.needId === 'need-pv')?.status).toBe('ended');
    expect(holderOf(after.responsibilities, 'need-ggz')?.responsibilityId).toBe('r-ggz-jw');
  });

  it('is idempotent in effect: a second birthday command produces no events', () => {
    given(playOn(jeugdhulp, birthday(AFTER_BIRTHDAY)))
      .when(birthday('2025-09-16T06:00:00Z'))
      .thenNothingHappened();
  });

  it('counts the Dutch calendar day: 00:30 in Utrecht is still 22:30 UTC the day before', () => {
    expect(birthdayEvent(jeugdhulp, '2025-09-14T22:30:00Z').birthday18).toBe(BIRTHDAY_18);
    given(jeugdhulp)
      .when(birthday('2025-09-14T21:30:00Z'))
      .thenThrows(refusedWith('birthday-not-reached', 'conflict'));
  });

  it('closes the open transition milestones', () => {
    const after = stateOf(playOn(jeugdhulp, birthday(AFTER_BIRTHDAY)));
    const milestones = Object.values(after.deadlines).filter((d) => d.kind.startsWith('transition-'));
    expect(milestones).toHaveLength(5);
    expect(milestones.every((d) => d.closedAt !== undefined)).toBe(true);
  });

  it('still processes the birthday when the case was closed', () => {
    const closed = playOn(jeugdhulp, {
      type: 'CloseCase',
      data: { caseId: CASE_ID, result: 'responsibility-arranged' },
      metadata: meta(at(30)),
    });
    expect(birthdayEvent(closed).endings).toHaveLength(3);
  });

  it('refuses a case that is not a transition case', () => {
    given(withNeed())
      .when(birthday(AFTER_BIRTHDAY))
      .thenThrows(refusedWith('not-a-transition-case', 'conflict'));
  });
});

describe('After the 18th birthday', () => {
  const adult = playOn(jeugdhulp, birthday(AFTER_BIRTHDAY));

  it('refuses a Jeugdwet responsibility without grounds', () => {
    given(adult)
      .when(
        propose('need-beg', 'r-beg-jw2', 'Jeugdwet', ORG.utrecht, '2025-09-20T08:00:00Z', { context: YOUTH }),
      )
      .thenThrows(refusedWith('jeugdwet-after-18-requires-grounds', 'unprocessable'));
  });

  it('allows resumption as verlengde jeugdhulp under condition (iii) within 6 months, then a Jeugdwet proposal', () => {
    const resumed = playOn(
      adult,
      plan(
        [
          {
            route: 'verlengde-jeugdhulp',
            needId: 'need-ggz',
            condition: 'iii',
            otherLawsExplanation: 'Zvw-behandeling sluit niet aan.',
          },
        ],
        '2026-02-01T08:00:00Z',
      ),
      propose('need-ggz', 'r-ggz-jw2', 'Jeugdwet', ORG.utrecht, '2026-02-02T08:00:00Z', { context: YOUTH }),
    );
    expect(resumed.at(-1)?.data).toMatchObject({ lawDomain: 'Jeugdwet', responsibilityId: 'r-ggz-jw2' });
  });

  it('refuses resumption more than 6 months after the jeugdhulp ended', () => {
    given(adult)
      .when(
        plan(
          [
            {
              route: 'verlengde-jeugdhulp',
              needId: 'need-ggz',
              condition: 'iii',
              otherLawsExplanation: 'Te laat.',
            },
          ],
          '2026-03-16T08:00:00Z',
        ),
      )
      .thenThrows(refusedWith('verlengde-jeugdhulp-window-closed', 'unprocessable'));
  });

  it('refuses any other route after the birthday', () => {
    given(adult)
      .when(plan([successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht)], '2025-09-20T08:00:00Z'))
      .thenThrows(refusedWith('plan-after-birthday-only-condition-iii', 'unprocessable'));
  });
});

it('does not let a Wmo successor take over a need that another financier already holds', () => {
  const history = playOn(
    transitionCase([{ needId: 'need-pv', category: 'persoonlijke-verzorging' }]),
    ...held('need-pv', 'r-pv-zvw', 'Zvw', ORG.zilverenKruis, 4),
    plan([successor('need-pv', 'r-pv-wmo', 'Wmo', ORG.utrecht)], at(20)),
    requestFinancier('r-pv-wmo', 'req-pv-wmo', at(21)),
    acceptBy(ORG.utrecht, 'r-pv-wmo', at(22)),
  );
  const data = birthdayEvent(history);
  expect(data.endings).toEqual([
    {
      needId: 'need-pv',
      responsibilityId: 'r-pv-wmo',
      from: 'accepted',
      to: 'ended',
      ground: 'predecessor-continues',
      successorResponsibilityId: null,
    },
  ]);
  const after = stateOf(playOn(history, birthday(AFTER_BIRTHDAY)));
  expect(holderOf(after.responsibilities, 'need-pv')?.responsibilityId).toBe('r-pv-zvw');
});
