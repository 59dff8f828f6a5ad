import type { CaseCommand } from '../commands';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  at,
  given,
  meta,
  playOn,
  propose,
  rejectBy,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

function close(now: string, result: 'placed' | 'no-longer-needed' = 'no-longer-needed'): CaseCommand {
  return {
    type: 'CloseCase',
    data: { caseId: CASE_ID, result, note: 'Zorg loopt via de Wmo.' },
    metadata: meta(now),
  };
}
function reopen(now: string): CaseCommand {
  return {
    type: 'ReopenCase',
    data: { caseId: CASE_ID, reason: 'Nieuwe crisis na ontslag.' },
    metadata: meta(now),
  };
}

const closed = playOn(withNeed(), close(at(30)));

describe('CloseCase', () => {
  it('closes the case with a result and closes every open deadline', () => {
    const history = playOn(
      withNeed(),
      propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
      requestFinancier('r-wmo', 'req-1', at(3, 2)),
    );
    const events = given(history)
      .when(close(at(30)))
      .events();
    expect(events).toEqual([
      {
        type: 'casus.CaseClosed.v1',
        data: {
          caseId: CASE_ID,
          result: 'no-longer-needed',
          note: 'Zorg loopt via de Wmo.',
          occurredAt: at(30),
        },
      },
    ]);
    const state = stateOf([...history, ...events]);
    expect(state.status).toBe('closed');
    expect(Object.values(state.deadlines).every((d) => d.closedAt !== undefined)).toBe(true);
  });

  it('refuses to close while an escalation is open', () => {
    const escalated = playOn(
      withNeed(),
      propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
      requestFinancier('r-wmo', 'req-1', at(3, 2)),
      rejectBy(ORG.utrecht, 'r-wmo', at(4)),
      {
        type: 'EscalateCase',
        data: {
          caseId: CASE_ID,
          escalationId: 'esc-1',
          level: 'opschaaltafel',
          reason: 'dispute-between-financiers',
          question: 'Wie betaalt?',
          mandateHolder: { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder' },
          decisionOwner: { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder' },
          needIds: ['need-pv'],
        },
        metadata: meta(at(5)),
      },
    );
    given(escalated)
      .when(close(at(30)))
      .thenThrows(refusedWith('open-escalation-blocks-closure', 'conflict'));
  });

  it('refuses to close a closed case, and any other command on it', () => {
    given(closed)
      .when(close(at(31)))
      .thenThrows(refusedWith('case-closed', 'conflict'));
    given(closed)
      .when(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(31)))
      .thenThrows(refusedWith('case-closed', 'conflict'));
  });

  it('refuses a result outside the list', () => {
    given(withNeed())
      .when({
        type: 'CloseCase',
        data: { caseId: CASE_ID, result: 'klaar' as never },
        metadata: meta(at(30)),
      })
      .thenThrows(refusedWith('invalid-value'));
  });
});

describe('ReopenCase', () => {
  it('brings a closed case back to the table with a reason and a new discussion deadline', () => {
    given(closed)
      .when(reopen(at(40)))
      .then([
        {
          type: 'casus.CaseReopened.v1',
          data: {
            caseId: CASE_ID,
            reason: 'Nieuwe crisis na ontslag.',
            discussionDeadlineId: `discussion-after-registration:${CASE_ID}:reopen-1`,
            // 10 working days after Saturday 12 April 2025, skipping Goede Vrijdag and Tweede Paasdag.
            discussionDueOn: '2025-04-29',
            occurredAt: at(40),
          },
        },
      ]);
    const state = stateOf(playOn(closed, reopen(at(40))));
    expect(state.status).toBe('accepted');
    expect(state.deadlines[`discussion-after-registration:${CASE_ID}:reopen-1`].closedAt).toBeUndefined();
  });

  it('numbers the discussion deadline of each reopening', () => {
    const twice = playOn(closed, reopen(at(40)), close(at(50)), reopen(at(60)));
    expect(twice.at(-1)?.data).toMatchObject({
      discussionDeadlineId: `discussion-after-registration:${CASE_ID}:reopen-2`,
    });
  });

  it('refuses to reopen a case that is not closed', () => {
    given(withNeed())
      .when(reopen(at(40)))
      .thenThrows(refusedWith('case-not-closed', 'conflict'));
  });
});
