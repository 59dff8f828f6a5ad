import { deadlinesAt } from '../../deadlines';
import type { CaseCommand } from '../commands';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  at,
  atTheTable,
  given,
  meta,
  playOn,
  propose,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

function suspend(deadlineId: string, now: string): CaseCommand {
  return {
    type: 'SuspendDeadline',
    data: { caseId: CASE_ID, deadlineId, reason: 'Wacht op medische gegevens van de huisarts.' },
    metadata: meta(now),
  };
}
function resume(deadlineId: string, now: string): CaseCommand {
  return { type: 'ResumeDeadline', data: { caseId: CASE_ID, deadlineId }, metadata: meta(now) };
}
function extend(deadlineId: string, newDueDate: string, now: string): CaseCommand {
  return {
    type: 'ExtendDeadline',
    data: { caseId: CASE_ID, deadlineId, reason: 'Extra overleg met zorgkantoor nodig.', newDueDate },
    metadata: meta(now),
  };
}
function applyFor(
  kind: 'wmo-melding' | 'wmo-aanvraag' | 'ciz-aanvraag',
  id: string,
  urgent = false,
): CaseCommand {
  return {
    type: 'RecordStatutoryApplication',
    data: {
      caseId: CASE_ID,
      applicationId: id,
      kind,
      needId: 'need-pv',
      decider: kind === 'ciz-aanvraag' ? ORG.ciz : ORG.utrecht,
      submittedOn: '2025-03-07',
      urgent,
    },
    metadata: meta(at(4)),
  };
}

const requested = playOn(
  withNeed(),
  propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
  requestFinancier('r-wmo', 'req-1', at(3, 2)),
);
const ANSWER = 'liaison-answer:req-1';

describe('deadlines derived from the events', () => {
  it('answers which deadlines are open, approaching or missed at a moment', () => {
    const deadlines = Object.values(stateOf(requested).deadlines);
    // The answer is due on 13 March; on 12 March it approaches (lead time 1 day), on 14 March it is missed.
    expect(deadlinesAt(deadlines, '2025-03-12T10:00:00Z', 1).approaching.map((d) => d.id)).toEqual([ANSWER]);
    expect(deadlinesAt(deadlines, '2025-03-14T10:00:00Z', 1).missed.map((d) => d.id)).toEqual([ANSWER]);
    expect(deadlinesAt(deadlines, '2025-03-10T10:00:00Z', 1).open.map((d) => d.id)).toEqual([ANSWER]);
  });
});

describe('SuspendDeadline and ResumeDeadline (opschorten)', () => {
  it('stops the clock with a reason and moves the due date by the suspended days', () => {
    given(requested)
      .when(suspend(ANSWER, at(4)))
      .then([
        {
          type: 'casus.DeadlineSuspended.v1',
          data: {
            caseId: CASE_ID,
            deadlineId: ANSWER,
            reason: 'Wacht op medische gegevens van de huisarts.',
            occurredAt: at(4),
          },
        },
      ]);
    const history = playOn(requested, suspend(ANSWER, at(4)), resume(ANSWER, at(7)));
    expect(history.at(-1)).toEqual({
      type: 'casus.DeadlineResumed.v1',
      data: { caseId: CASE_ID, deadlineId: ANSWER, occurredAt: at(7) },
    });
    const deadline = stateOf(history).deadlines[ANSWER];
    expect(deadline.suspensions).toEqual([
      { from: at(4), until: at(7), reason: 'Wacht op medische gegevens van de huisarts.' },
    ]);
    // Suspended Friday 7 to Monday 10 March: 3 days, so due 16 March instead of 13 March.
    const [stillOpen] = deadlinesAt([deadline], '2025-03-15T10:00:00Z', 0).open;
    expect(stillOpen?.id).toBe(ANSWER);
  });

  it('refuses to suspend a deadline twice', () => {
    given(playOn(requested, suspend(ANSWER, at(4))))
      .when(suspend(ANSWER, at(5)))
      .thenThrows(refusedWith('deadline-refused', 'conflict'));
  });

  it('refuses to resume a deadline that runs', () => {
    const error = given(requested)
      .when(resume(ANSWER, at(4)))
      .thenThrows(refusedWith('deadline-refused'));
    expect(error).toMatchObject({ detail: 'deadline.not-suspended' });
  });

  it('refuses to suspend a deadline that was missed', () => {
    given(requested)
      .when(suspend(ANSWER, at(20)))
      .thenThrows(refusedWith('deadline-refused'));
  });

  it('refuses a suspension without a reason', () => {
    given(requested)
      .when({
        type: 'SuspendDeadline',
        data: { caseId: CASE_ID, deadlineId: ANSWER, reason: '' },
        metadata: meta(at(4)),
      })
      .thenThrows(refusedWith('text-required'));
  });

  it('refuses an unknown deadline', () => {
    given(requested)
      .when(suspend('liaison-answer:req-9', at(4)))
      .thenThrows(refusedWith('deadline-not-found', 'not-found'));
  });
});

describe('ExtendDeadline (verlengen)', () => {
  it('moves the due date once, with a reason', () => {
    const history = playOn(requested, extend(ANSWER, '2025-03-20', at(5)));
    expect(history.at(-1)).toEqual({
      type: 'casus.DeadlineExtended.v1',
      data: {
        caseId: CASE_ID,
        deadlineId: ANSWER,
        reason: 'Extra overleg met zorgkantoor nodig.',
        newDueDate: '2025-03-20',
        occurredAt: at(5),
      },
    });
    expect(stateOf(history).deadlines[ANSWER].extension).toEqual({
      newDueAt: '2025-03-20',
      reason: 'Extra overleg met zorgkantoor nodig.',
      at: at(5),
    });
  });

  it('refuses a second extension', () => {
    const error = given(playOn(requested, extend(ANSWER, '2025-03-20', at(5))))
      .when(extend(ANSWER, '2025-03-27', at(6)))
      .thenThrows(refusedWith('deadline-refused', 'conflict'));
    expect(error).toMatchObject({ detail: 'deadline.already-extended' });
  });

  it('refuses an extension to an earlier date', () => {
    given(requested)
      .when(extend(ANSWER, '2025-03-11', at(5)))
      .thenThrows(refusedWith('deadline-refused'));
  });
});

describe('CloseDeadline', () => {
  it('closes a deadline that does not apply, with a reason', () => {
    const close: CaseCommand = {
      type: 'CloseDeadline',
      data: { caseId: CASE_ID, deadlineId: ANSWER, reason: 'Verzoek telefonisch beantwoord.' },
      metadata: meta(at(4)),
    };
    const history = playOn(requested, close);
    expect(history.at(-1)?.type).toBe('casus.DeadlineClosed.v1');
    expect(stateOf(history).deadlines[ANSWER].closedAt).toBe(at(4));
    given(history).when(close).thenThrows(refusedWith('deadline-refused'));
  });
});

describe('RecordStatutoryApplication and RecordStatutoryDecision', () => {
  it('tracks the Wmo onderzoek term of 6 weeks after the melding', () => {
    const history = playOn(withNeed(), applyFor('wmo-melding', 'app-1'));
    expect(history.at(-1)).toEqual({
      type: 'casus.StatutoryApplicationSubmitted.v1',
      data: {
        caseId: CASE_ID,
        applicationId: 'app-1',
        kind: 'wmo-melding',
        needId: 'need-pv',
        deciderOrganisationId: ORG.utrecht.organisationId,
        submittedOn: '2025-03-07',
        urgent: false,
        // Six weeks end on Goede Vrijdag 18 April; after Tweede Paasdag the next working day is 22 April (Atw).
        decisionDueOn: '2025-04-22',
        occurredAt: at(4),
      },
    });
    expect(stateOf(history).deadlines['wmo-research:app-1']).toMatchObject({
      basis: 'wettelijk',
      originalDueAt: '2025-04-22',
    });
  });

  it('tracks the Wmo beschikking term of 2 weeks after the aanvraag', () => {
    const history = playOn(withNeed(), applyFor('wmo-aanvraag', 'app-2'));
    expect(history.at(-1)?.data).toMatchObject({ decisionDueOn: '2025-03-21' });
  });

  it('tracks the CIZ term: 6 weeks, or 2 in bijzondere omstandigheden', () => {
    expect(playOn(withNeed(), applyFor('ciz-aanvraag', 'app-3')).at(-1)?.data).toMatchObject({
      decisionDueOn: '2025-04-22',
    });
    expect(playOn(withNeed(), applyFor('ciz-aanvraag', 'app-4', true)).at(-1)?.data).toMatchObject({
      urgent: true,
      decisionDueOn: '2025-03-21',
    });
  });

  it('closes the term when the decision is recorded', () => {
    const decision: CaseCommand = {
      type: 'RecordStatutoryDecision',
      data: { caseId: CASE_ID, applicationId: 'app-3', outcome: 'granted', decidedOn: '2025-04-10' },
      metadata: meta(at(38)),
    };
    const history = playOn(withNeed(), applyFor('ciz-aanvraag', 'app-3'), decision);
    expect(history.at(-1)).toEqual({
      type: 'casus.StatutoryDecisionRecorded.v1',
      data: {
        caseId: CASE_ID,
        applicationId: 'app-3',
        outcome: 'granted',
        decidedOn: '2025-04-10',
        occurredAt: at(38),
      },
    });
    expect(stateOf(history).deadlines['ciz-decision:app-3'].closedAt).toBe(at(38));
    given(history).when(decision).thenThrows(refusedWith('application-already-decided', 'conflict'));
  });

  it('refuses a decision on an unknown application', () => {
    given(withNeed())
      .when({
        type: 'RecordStatutoryDecision',
        data: { caseId: CASE_ID, applicationId: 'app-9', outcome: 'refused', decidedOn: '2025-04-10' },
        metadata: meta(at(38)),
      })
      .thenThrows(refusedWith('application-not-found', 'not-found'));
  });

  it('refuses a CIZ aanvraag decided by anyone but the CIZ', () => {
    const wrong = applyFor('ciz-aanvraag', 'app-5');
    given(withNeed())
      .when({ ...wrong, data: { ...wrong.data, decider: ORG.utrecht } } as CaseCommand)
      .thenThrows(refusedWith('invalid-value'));
  });

  it('refuses a melding dated in the future', () => {
    const early = applyFor('wmo-melding', 'app-6');
    given(atTheTable())
      .when({
        ...early,
        data: { ...early.data, needId: undefined, submittedOn: '2025-04-01' },
      } as CaseCommand)
      .thenThrows(refusedWith('invalid-date'));
  });
});
