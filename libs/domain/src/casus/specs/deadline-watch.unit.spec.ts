import { toDutchDate } from '../../deadlines';
import type { AutoEscalationConfig, CaseCommand, WatchDeadlines } from '../commands';
import { decide } from '../decider';
import { eighteenthBirthdayDueOn, isEighteenthBirthdayDue, nextDeadlineWatchDate } from '../deadline-watch';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  acceptBy,
  at,
  atTheTable,
  discuss,
  given,
  meta,
  playOn,
  propose,
  register,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';
import { BIRTHDAY_18, birthday, transitionCase } from '../test-support/transition-fixtures';

/** The deadline watcher's command at `now`, for the Dutch date of `now`. */
function watch(now: string, lead = 1, autoEscalation?: AutoEscalationConfig | null): WatchDeadlines {
  return {
    type: 'WatchDeadlines',
    data: {
      caseId: CASE_ID,
      today: toDutchDate(now),
      approachingWithinDays: lead,
      ...(autoEscalation === undefined ? {} : { autoEscalation }),
    },
    metadata: meta(now, ORG.utrecht, 'system'),
  };
}

function command(type: CaseCommand['type'], data: object, now: string): CaseCommand {
  return { type, data: { caseId: CASE_ID, ...data }, metadata: meta(now) } as CaseCommand;
}

const AUTO: AutoEscalationConfig = {
  mandateHolder: { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder zorg' },
  decisionOwner: {
    organisationId: ORG.zorgkantoorUtrecht.organisationId,
    functionTitle: 'manager zorginkoop',
  },
};

// The Wmo answer of Utrecht to request req-1 (asked Thursday 6 March 2025) is due Thursday 13 March.
const requested = playOn(
  withNeed(),
  propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
  requestFinancier('r-wmo', 'req-1', at(3, 2)),
);
const ANSWER = 'liaison-answer:req-1';
const FACTS = {
  caseId: CASE_ID,
  deadlineId: ANSWER,
  kind: 'liaison-answer',
  responsibleOrganisationIds: [ORG.utrecht.organisationId],
} as const;

function approaching(dueOn: string, now: string): CaseEvent {
  return { type: 'casus.DeadlineApproaching.v1', data: { ...FACTS, dueOn, occurredAt: now } };
}
function missed(dueOn: string, now: string): CaseEvent {
  return { type: 'casus.DeadlineMissed.v1', data: { ...FACTS, dueOn, occurredAt: now } };
}

describe('WatchDeadlines (the deadline watcher)', () => {
  it('notes a deadline approaching within the lead time (calendar days), with its effective due date', () => {
    // Wednesday 12 March: the due date 13 March lies within one day.
    given(requested)
      .when(watch(at(9)))
      .then([approaching('2025-03-13', at(9))]);
  });

  it('notes nothing before the lead time, and nothing is not an error', () => {
    given(requested)
      .when(watch(at(8)))
      .thenNothingHappened();
    given(requested)
      .when(watch(at(8), 0))
      .thenNothingHappened();
  });

  it('notes approaching once per due date, also on the due day itself', () => {
    const noted = playOn(requested, watch(at(9)));
    given(noted)
      .when(watch(at(9, 3)))
      .thenNothingHappened();
    given(noted)
      .when(watch(at(10)))
      .thenNothingHappened();
  });

  it('notes a deadline missed from the day after its due date, once', () => {
    const noted = playOn(requested, watch(at(9)));
    given(noted)
      .when(watch(at(11)))
      .then([missed('2025-03-13', at(11))]);
    given(playOn(noted, watch(at(11))))
      .when(watch(at(12)))
      .thenNothingHappened();
  });

  it('notes only the miss when the watcher first runs after the due date', () => {
    given(requested)
      .when(watch(at(12)))
      .then([missed('2025-03-13', at(12))]);
  });

  it('notes the new due date again after an extension', () => {
    const missedOnce = playOn(requested, watch(at(11)));
    const extended = playOn(missedOnce, command('ExtendDeadline', extension('2025-03-20'), at(11, 1)));
    given(extended)
      .when(watch(at(12), 2))
      .thenNothingHappened();
    given(extended)
      .when(watch(at(15), 2))
      .then([approaching('2025-03-20', at(15))]);
    given(playOn(extended, watch(at(15), 2)))
      .when(watch(at(18), 2))
      .then([missed('2025-03-20', at(18))]);
  });

  it('notes nothing while the clock is stopped, and the moved due date after it resumes', () => {
    // Suspended Saturday 8 March, resumed Sunday 16 March: 8 days, so due Friday 21 March.
    const suspended = playOn(
      requested,
      command('SuspendDeadline', { deadlineId: ANSWER, reason: 'Wacht op gegevens.' }, at(5)),
    );
    given(suspended)
      .when(watch(at(12)))
      .thenNothingHappened();
    const resumed = playOn(suspended, command('ResumeDeadline', { deadlineId: ANSWER }, at(13)));
    given(resumed)
      .when(watch(at(16)))
      .thenNothingHappened();
    given(resumed)
      .when(watch(at(17)))
      .then([approaching('2025-03-21', at(17))]);
  });

  it('notes nothing for a closed deadline (the request was answered) or a closed case', () => {
    const answered = playOn(requested, acceptBy(ORG.utrecht, 'r-wmo', at(4)));
    given(answered)
      .when(watch(at(12)))
      .thenNothingHappened();
    const closed = playOn(
      answered,
      command('CloseCase', { result: 'other', note: 'Opgelost buiten de tafel.' }, at(5)),
    );
    given(closed)
      .when(watch(at(30)))
      .thenNothingHappened();
  });

  it('notes the table’s own deadlines too: the discussion after registration, for the regiehouder', () => {
    // Registered Monday 3 March; the discussion is due within 10 working days, by Monday 17 March.
    given(playOn([], register()))
      .when(watch(at(14)))
      .then([
        {
          type: 'casus.DeadlineApproaching.v1',
          data: {
            caseId: CASE_ID,
            deadlineId: `discussion-after-registration:${CASE_ID}`,
            kind: 'discussion-after-registration',
            dueOn: '2025-03-17',
            responsibleOrganisationIds: [ORG.utrecht.organisationId],
            occurredAt: at(14),
          },
        },
      ]);
  });

  it('reads a state folded before the watcher existed (no notices recorded) as nothing noted', () => {
    const { deadlineNotices: _notices, ...older } = stateOf(requested);
    expect(decide(watch(at(9)), older as CaseState)).toEqual([approaching('2025-03-13', at(9))]);
  });

  it('gives the same events for the same state, so two watchers append the same thing', () => {
    const state = stateOf(requested);
    expect(decide(watch(at(12)), state)).toEqual(decide(watch(at(12)), state));
  });

  it('is refused for every role but the watcher (system)', () => {
    for (const role of ['coordinator', 'liaison', 'admin'] as const) {
      given(requested)
        .when({ ...watch(at(9)), metadata: meta(at(9), ORG.utrecht, role) })
        .thenThrows(refusedWith('role-not-allowed', 'forbidden'));
    }
  });

  it('refuses a lead time that is not a whole number of days, 0 or more', () => {
    for (const lead of [-1, 1.5, Number.NaN, '1' as unknown as number]) {
      given(requested)
        .when(watch(at(9), lead))
        .thenThrows(refusedWith('invalid-value', 'unprocessable'));
    }
  });

  it("refuses a date that is not the Dutch date of the command's time", () => {
    const late = { ...watch(at(9)), data: { ...watch(at(9)).data, today: '2025-03-13' } };
    given(requested).when(late).thenThrows(refusedWith('invalid-date', 'unprocessable'));
    const garbled = { ...watch(at(9)), data: { ...watch(at(9)).data, today: '12-03-2025' } };
    given(requested).when(garbled).thenThrows(refusedWith('invalid-date'));
  });
});

function extension(newDueDate: string) {
  return { deadlineId: ANSWER, reason: 'Extra overleg nodig.', newDueDate };
}

describe('WatchDeadlines: automatic escalation of a missed answer, where the table configures it', () => {
  const escalated = (now: string, escalationId = 'auto-escalation-1'): CaseEvent => ({
    type: 'casus.CaseEscalated.v1',
    data: {
      caseId: CASE_ID,
      escalationId,
      level: 'opschaaltafel',
      reason: 'deadline-missed',
      question:
        'Automatic escalation: no answer in time to responsibility request req-1; the table escalates a missed ' +
        'answer to the opschaaltafel.',
      mandateHolder: AUTO.mandateHolder,
      decisionOwner: AUTO.decisionOwner,
      // Saturday 15 March + 10 working days.
      decisionDueOn: '2025-03-28',
      agreedDueDate: null,
      needIds: ['need-pv'],
      disputedResponsibilityIds: [],
      raisedFromEscalationId: null,
      occurredAt: now,
    },
  });

  it('escalates to the opschaaltafel with the missed answer, carried by the configured functionaries', () => {
    given(requested)
      .when(watch(at(12), 1, AUTO))
      .then([missed('2025-03-13', at(12)), escalated(at(12))]);
    const state = stateOf(playOn(requested, watch(at(12), 1, AUTO)));
    expect(state.openEscalationId).toBe('auto-escalation-1');
    expect(state.deadlines['escalation-decision:auto-escalation-1']?.responsibleOrganisationIds).toEqual([
      ORG.zorgkantoorUtrecht.organisationId,
    ]);
  });

  it('does not escalate where the table does not configure it', () => {
    given(requested)
      .when(watch(at(12), 1, null))
      .then([missed('2025-03-13', at(12))]);
  });

  it('does not escalate an approaching answer, nor a missed deadline of another kind', () => {
    given(requested)
      .when(watch(at(9), 1, AUTO))
      .then([approaching('2025-03-13', at(9))]);
    const action = playOn(
      atTheTable(),
      discuss({
        actions: [
          {
            actionId: 'act-1',
            description: 'Huisbezoek plannen.',
            ownerOrganisationId: ORG.utrecht.organisationId,
            dueDate: '2025-03-10',
          },
        ],
      }),
    );
    const events = decide(watch(at(12), 1, AUTO), stateOf(action));
    expect(events.map((e) => e.type)).toEqual(['casus.DeadlineMissed.v1']);
  });

  it('does not escalate a case that is already escalated', () => {
    const open = playOn(
      requested,
      command(
        'EscalateCase',
        {
          escalationId: 'esc-1',
          level: 'opschaaltafel',
          reason: 'other',
          question: 'Wie financiert de persoonlijke verzorging?',
          mandateHolder: AUTO.mandateHolder,
          decisionOwner: AUTO.decisionOwner,
        },
        at(4),
      ),
    );
    given(open)
      .when(watch(at(12), 1, AUTO))
      .then([missed('2025-03-13', at(12))]);
  });

  it('escalates again, under a new id, after an earlier escalation was withdrawn', () => {
    const withdrawn = playOn(
      requested,
      watch(at(12), 1, AUTO),
      command('DeescalateCase', { escalationId: 'auto-escalation-1', reason: 'Eerst aan tafel.' }, at(12, 1)),
      command('ExtendDeadline', extension('2025-03-20'), at(12, 2)),
    );
    given(withdrawn)
      .when(watch(at(18), 1, AUTO))
      .then([missed('2025-03-20', at(18)), { ...escalated(at(18), 'auto-escalation-2') }].map(fixDue));
  });

  it('refuses a configuration without a decision owner or mandate holder', () => {
    const { decisionOwner: _owner, ...noOwner } = AUTO;
    given(requested)
      .when(watch(at(12), 1, noOwner as AutoEscalationConfig))
      .thenThrows(refusedWith('decision-owner-required'));
    const { mandateHolder: _holder, ...noHolder } = AUTO;
    given(requested)
      .when(watch(at(12), 1, noHolder as AutoEscalationConfig))
      .thenThrows(refusedWith('mandate-holder-required'));
  });
});

/** The second escalation (Friday 21 March) is due ten working days later, on Friday 4 April. */
function fixDue(event: CaseEvent): CaseEvent {
  return event.type === 'casus.CaseEscalated.v1'
    ? { ...event, data: { ...event.data, decisionDueOn: '2025-04-04' } }
    : event;
}

describe('the watcher schedule helpers', () => {
  it('nextDeadlineWatchDate: the next day WatchDeadlines would note something, or null', () => {
    expect(nextDeadlineWatchDate(stateOf(requested), '2025-03-07', 1)).toBe('2025-03-12');
    expect(nextDeadlineWatchDate(stateOf(requested), '2025-03-07', 0)).toBe('2025-03-13');
    expect(nextDeadlineWatchDate(stateOf(requested), '2025-03-12', 1)).toBe('2025-03-12');
    expect(nextDeadlineWatchDate(stateOf(requested), '2025-03-20', 1)).toBe('2025-03-20');
    const noted = playOn(requested, watch(at(9)));
    expect(nextDeadlineWatchDate(stateOf(noted), '2025-03-12', 1)).toBe('2025-03-14');
    expect(nextDeadlineWatchDate(stateOf(playOn(noted, watch(at(11)))), '2025-03-14', 1)).toBeNull();
  });

  it('nextDeadlineWatchDate agrees with WatchDeadlines day by day', () => {
    let history = requested;
    for (let days = 4; days < 20; days++) {
      const today = toDutchDate(at(days));
      const next = nextDeadlineWatchDate(stateOf(history), today, 1);
      const produced = decide(watch(at(days)), stateOf(history));
      expect({ today, noted: produced.length > 0 }).toEqual({ today, noted: next === today });
      history = [...history, ...produced];
    }
  });

  it('nextDeadlineWatchDate refuses a date or lead time it cannot use', () => {
    expect(() => nextDeadlineWatchDate(stateOf(requested), '12-03-2025', 1)).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
    expect(() => nextDeadlineWatchDate(stateOf(requested), '2025-03-12', -1)).toThrow(
      expect.objectContaining({ code: 'invalid-value' }),
    );
  });

  it('isEighteenthBirthdayDue: on and after the birthday of an 18-/18+ case, until it has passed', () => {
    const transition = transitionCase([{ needId: 'need-beg', category: 'begeleiding' }]);
    expect(eighteenthBirthdayDueOn(stateOf(transition))).toBe(BIRTHDAY_18);
    expect(isEighteenthBirthdayDue(stateOf(transition), '2025-09-14')).toBe(false);
    expect(isEighteenthBirthdayDue(stateOf(transition), BIRTHDAY_18)).toBe(true);
    expect(isEighteenthBirthdayDue(stateOf(transition), '2025-10-01')).toBe(true);
    const passed = playOn(transition, birthday('2025-09-15T08:00:00Z'));
    expect(isEighteenthBirthdayDue(stateOf(passed), '2025-10-01')).toBe(false);
    expect(eighteenthBirthdayDueOn(stateOf(requested))).toBeNull();
    expect(isEighteenthBirthdayDue(stateOf(requested), '2030-01-01')).toBe(false);
  });
});
