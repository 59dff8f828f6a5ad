import type { CaseCommand, DecideBreakthrough, EscalateCase } from '../commands';
import { holderOf } from '../holding';
import type { OrganisationRef } from '../types';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  at,
  atTheTable,
  discuss,
  given,
  meta,
  playOn,
  propose,
  putOnAgenda,
  rejectBy,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

const WETHOUDER = { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder zorg' };

function escalate(data: Partial<EscalateCase['data']> = {}, now = at(10)): EscalateCase {
  return {
    type: 'EscalateCase',
    data: {
      caseId: CASE_ID,
      escalationId: 'esc-1',
      level: 'opschaaltafel',
      reason: 'dispute-between-financiers',
      question: 'Wie financiert de persoonlijke verzorging?',
      mandateHolder: WETHOUDER,
      decisionOwner: WETHOUDER,
      needIds: ['need-pv'],
      ...data,
    },
    metadata: meta(now),
  };
}

function decideBreakthrough(
  data: Partial<DecideBreakthrough['data']> = {},
  now = at(12),
  by = ORG.utrecht,
): DecideBreakthrough {
  return {
    type: 'DecideBreakthrough',
    data: {
      caseId: CASE_ID,
      escalationId: 'esc-1',
      decisionId: 'dec-1',
      summary: 'De gemeente financiert voorlopig; verrekening na het oordeel van het Zorginstituut.',
      evaluationDate: '2025-06-01',
      assignments: [
        {
          needId: 'need-pv',
          lawDomain: 'Wmo',
          financier: ORG.utrecht,
          provisional: true,
          settlementAgreement: 'Verzekeraar vergoedt de kosten als het Zorginstituut Zvw oordeelt.',
        },
      ],
      ...data,
    },
    metadata: meta(now, by),
  };
}

/** Both financiers asked; both said no. */
const disputed = playOn(
  withNeed(),
  propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
  requestFinancier('r-wmo', 'req-1', at(3, 2)),
  propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(3, 3)),
  requestFinancier('r-zvw', 'req-2', at(3, 4)),
  rejectBy(ORG.utrecht, 'r-wmo', at(5), { referralLawDomain: 'Zvw' }),
);
const escalated = playOn(disputed, escalate());

describe('EscalateCase (opschaling)', () => {
  it('escalates to the opschaaltafel with reason, question, mandate holder, decision owner and due dates', () => {
    given(disputed)
      .when(escalate({ dueDate: '2025-03-21' }))
      .then([
        {
          type: 'casus.CaseEscalated.v1',
          data: {
            caseId: CASE_ID,
            escalationId: 'esc-1',
            level: 'opschaaltafel',
            reason: 'dispute-between-financiers',
            question: 'Wie financiert de persoonlijke verzorging?',
            mandateHolder: WETHOUDER,
            decisionOwner: WETHOUDER,
            // 10 working days after Thursday 13 March 2025.
            decisionDueOn: '2025-03-27',
            agreedDueDate: '2025-03-21',
            needIds: ['need-pv'],
            disputedResponsibilityIds: ['r-wmo', 'r-zvw'],
            raisedFromEscalationId: null,
            occurredAt: at(10),
          },
        },
      ]);
  });

  it('marks the responsibilities of a dispute as disputed and opens the decision deadlines', () => {
    const state = stateOf(playOn(disputed, escalate({ dueDate: '2025-03-21' })));
    expect(state.responsibilities.map((r) => [r.responsibilityId, r.status])).toEqual([
      ['r-wmo', 'disputed'],
      ['r-zvw', 'disputed'],
    ]);
    expect(state.deadlines['escalation-decision:esc-1']).toMatchObject({
      originalDueAt: '2025-03-27',
      responsibleOrganisationIds: [ORG.utrecht.organisationId],
    });
    expect(state.deadlines['escalation-due:esc-1']).toMatchObject({ originalDueAt: '2025-03-21' });
  });

  it('refuses an escalation without a decision owner', () => {
    given(disputed)
      .when(escalate({ decisionOwner: undefined }))
      .thenThrows(refusedWith('decision-owner-required', 'unprocessable'));
  });

  it('refuses an escalation without a mandate holder', () => {
    given(disputed)
      .when(escalate({ mandateHolder: undefined }))
      .thenThrows(refusedWith('mandate-holder-required', 'unprocessable'));
  });

  it('refuses a case the table has not discussed yet', () => {
    given(atTheTable())
      .when(escalate({ needIds: [], reason: 'no-suitable-offer' }))
      .thenThrows(refusedWith('not-discussed-at-table', 'unprocessable'));
  });

  it('refuses a dispute that names no needs', () => {
    given(disputed)
      .when(escalate({ needIds: [] }))
      .thenThrows(refusedWith('dispute-needs-required', 'unprocessable'));
  });

  it('refuses to skip a level of the ladder', () => {
    given(disputed)
      .when(escalate({ level: 'bestuurlijk-overleg' }))
      .thenThrows(refusedWith('escalation-level-skipped', 'unprocessable'));
  });

  it('refuses a second escalation at the level that is open', () => {
    given(escalated)
      .when(escalate({ escalationId: 'esc-2' }))
      .thenThrows(refusedWith('escalation-already-open', 'conflict'));
  });

  it('raises an open escalation one level, closing the lower one', () => {
    const raise = escalate(
      {
        escalationId: 'esc-2',
        level: 'bestuurlijk-overleg',
        decisionOwner: {
          organisationId: 'org-regio-utrecht',
          functionTitle: 'voorzitter bestuurlijk overleg',
        },
        needIds: undefined,
      },
      at(15),
    );
    const [event] = given(escalated).when(raise).events();
    expect(event.data).toMatchObject({
      level: 'bestuurlijk-overleg',
      raisedFromEscalationId: 'esc-1',
      needIds: ['need-pv'],
    });
    const state = stateOf(playOn(escalated, raise));
    expect(state.escalations['esc-1'].status).toBe('raised');
    expect(state.openEscalationId).toBe('esc-2');
    expect(state.deadlines['escalation-decision:esc-1'].closedAt).toBe(at(15));
  });

  it('refuses to go beyond the Landelijk Maatwerkloket', () => {
    const national = playOn(
      escalated,
      escalate({ escalationId: 'esc-2', level: 'bestuurlijk-overleg' }, at(15)),
      escalate({ escalationId: 'esc-3', level: 'landelijk-maatwerkloket' }, at(20)),
    );
    given(national)
      .when(escalate({ escalationId: 'esc-4', level: 'landelijk-maatwerkloket' }, at(25)))
      .thenThrows(refusedWith('highest-level-reached', 'conflict'));
  });

  it('refuses a due date that has passed', () => {
    given(disputed)
      .when(escalate({ dueDate: '2025-03-01' }))
      .thenThrows(refusedWith('due-date-in-past', 'unprocessable'));
  });

  it('refuses a reason outside the list', () => {
    given(disputed)
      .when(escalate({ reason: 'boos' as never }))
      .thenThrows(refusedWith('invalid-value'));
  });
});

describe('DeescalateCase', () => {
  const deescalate: CaseCommand = {
    type: 'DeescalateCase',
    data: {
      caseId: CASE_ID,
      escalationId: 'esc-1',
      reason: 'Partijen zijn het aan tafel alsnog eens geworden.',
    },
    metadata: meta(at(11)),
  };

  it('returns the case to the table with a reason', () => {
    given(escalated)
      .when(deescalate)
      .then([
        {
          type: 'casus.CaseDeescalated.v1',
          data: {
            caseId: CASE_ID,
            escalationId: 'esc-1',
            level: 'opschaaltafel',
            reason: 'Partijen zijn het aan tafel alsnog eens geworden.',
            occurredAt: at(11),
          },
        },
      ]);
    const state = stateOf(playOn(escalated, deescalate));
    expect(state.openEscalationId).toBeNull();
    expect(state.deadlines['escalation-decision:esc-1'].closedAt).toBe(at(11));
  });

  it('refuses an escalation that is no longer open', () => {
    given(playOn(escalated, deescalate))
      .when(deescalate)
      .thenThrows(refusedWith('escalation-not-open', 'conflict'));
  });

  it('refuses an unknown escalation', () => {
    given(disputed).when(deescalate).thenThrows(refusedWith('escalation-not-found', 'not-found'));
  });
});

describe('RecordAdvice', () => {
  const advice: CaseCommand = {
    type: 'RecordAdvice',
    data: {
      caseId: CASE_ID,
      escalationId: 'esc-1',
      adviceId: 'adv-1',
      advisorOrganisationId: 'org-cce',
      advice: 'CCE adviseert Zvw wegens de geneeskundige context.',
    },
    metadata: meta(at(11)),
  };

  it('records advice, and an advice without a decision leaves the escalation open', () => {
    const history = playOn(escalated, advice);
    expect(history.at(-1)?.type).toBe('casus.AdviceRecorded.v1');
    const state = stateOf(history);
    expect(state.openEscalationId).toBe('esc-1');
    expect(state.escalations['esc-1'].status).toBe('open');
    expect(state.deadlines['escalation-decision:esc-1'].closedAt).toBeUndefined();
  });

  it('refuses advice on an escalation that is not open', () => {
    given(disputed).when(advice).thenThrows(refusedWith('escalation-not-found', 'not-found'));
  });
});

describe('DecideBreakthrough (doorbraakbesluit)', () => {
  it('is taken by the decision owner: a provisional financier with a settlement agreement', () => {
    const events = given(escalated).when(decideBreakthrough()).events();
    expect(events).toEqual([
      {
        type: 'casus.BreakthroughDecided.v1',
        data: {
          caseId: CASE_ID,
          escalationId: 'esc-1',
          decisionId: 'dec-1',
          level: 'opschaaltafel',
          decidedByOrganisationId: ORG.utrecht.organisationId,
          summary: 'De gemeente financiert voorlopig; verrekening na het oordeel van het Zorginstituut.',
          evaluationDate: '2025-06-01',
          validUntil: null,
          assignments: [
            {
              needId: 'need-pv',
              responsibilityId: 'dec-1:need-pv',
              lawDomain: 'Wmo',
              financierOrganisationId: ORG.utrecht.organisationId,
              financierKind: 'gemeente',
              provisional: true,
              settlementAgreement: 'Verzekeraar vergoedt de kosten als het Zorginstituut Zvw oordeelt.',
              deliveredByOrganisationId: null,
              supersededResponsibilityIds: ['r-wmo', 'r-zvw'],
            },
          ],
          occurredAt: at(12),
        },
      },
    ]);
    const state = stateOf([...escalated, ...events]);
    expect(holderOf(state.responsibilities, 'need-pv')).toMatchObject({
      responsibilityId: 'dec-1:need-pv',
      status: 'provisional',
      basis: 'opschaaltafel-decision',
    });
    expect(state.responsibilities.filter((r) => r.status === 'ended').map((r) => r.responsibilityId)).toEqual(
      ['r-wmo', 'r-zvw'],
    );
    expect(state.escalations['esc-1'].status).toBe('decided');
    expect(state.deadlines['escalation-decision:esc-1'].closedAt).toBe(at(12));
    expect(state.deadlines['liaison-answer:req-2'].closedAt).toBe(at(12));
  });

  it('refuses a decision by anyone but the decision owner', () => {
    given(escalated)
      .when(decideBreakthrough({}, at(12), ORG.zilverenKruis))
      .thenThrows(refusedWith('not-the-decision-owner', 'forbidden'));
  });

  it('refuses a provisional financier without a settlement agreement', () => {
    given(escalated)
      .when(
        decideBreakthrough({
          assignments: [{ needId: 'need-pv', lawDomain: 'Wmo', financier: ORG.utrecht, provisional: true }],
        }),
      )
      .thenThrows(refusedWith('settlement-agreement-required', 'unprocessable'));
  });

  it('refuses a decision that assigns nothing', () => {
    given(escalated)
      .when(decideBreakthrough({ assignments: [] }))
      .thenThrows(refusedWith('assignments-required'));
  });

  it('refuses a decision that assigns a need twice', () => {
    const twice = {
      needId: 'need-pv',
      lawDomain: 'Zvw',
      financier: ORG.zilverenKruis,
      provisional: false,
    } as const;
    given(escalated)
      .when(decideBreakthrough({ assignments: [twice, twice] }))
      .thenThrows(refusedWith('duplicate-need-in-decision', 'unprocessable'));
  });

  it('refuses a decision on an escalation that is closed', () => {
    given(playOn(escalated, decideBreakthrough()))
      .when(decideBreakthrough({ decisionId: 'dec-2' }))
      .thenThrows(refusedWith('escalation-not-open', 'conflict'));
  });

  it('can assign definitively, and the named provider delivers', () => {
    const [event] = given(escalated)
      .when(
        decideBreakthrough({
          assignments: [
            {
              needId: 'need-pv',
              lawDomain: 'Zvw',
              financier: ORG.zilverenKruis,
              provisional: false,
              deliveredByOrganisationId: ORG.ggzInstelling.organisationId,
            },
          ],
        }),
      )
      .events()
      .filter((e) => e.type === 'casus.BreakthroughDecided.v1');
    expect(event.data).toMatchObject({
      assignments: [
        {
          provisional: false,
          settlementAgreement: null,
          deliveredByOrganisationId: ORG.ggzInstelling.organisationId,
        },
      ],
    });
  });
});

describe('SettleProvisionalFinancing (verrekening)', () => {
  const decided = playOn(escalated, decideBreakthrough());
  const settle = (financier: OrganisationRef, lawDomain: 'Wmo' | 'Zvw'): CaseCommand => ({
    type: 'SettleProvisionalFinancing',
    data: {
      caseId: CASE_ID,
      responsibilityId: 'dec-1:need-pv',
      definitive: { lawDomain, financier },
      note: 'Verrekend na oordeel Zorginstituut.',
    },
    metadata: meta(at(60)),
  });

  it('transfers to the definitive financier, who then holds the need', () => {
    const events = given(decided).when(settle(ORG.zilverenKruis, 'Zvw')).events();
    expect(events.at(-1)).toEqual({
      type: 'casus.ProvisionalFinancingSettled.v1',
      data: {
        caseId: CASE_ID,
        needId: 'need-pv',
        provisionalResponsibilityId: 'dec-1:need-pv',
        definitiveResponsibilityId: 'dec-1:need-pv:settled',
        outcome: 'transferred',
        lawDomain: 'Zvw',
        financierOrganisationId: ORG.zilverenKruis.organisationId,
        financierKind: 'zorgverzekeraar',
        note: 'Verrekend na oordeel Zorginstituut.',
        occurredAt: at(60),
      },
    });
    const state = stateOf([...decided, ...events]);
    expect(state.responsibilities.find((r) => r.responsibilityId === 'dec-1:need-pv')?.status).toBe(
      'transferred',
    );
    expect(holderOf(state.responsibilities, 'need-pv')?.responsibilityId).toBe('dec-1:need-pv:settled');
  });

  it('confirms the provisional financier when it turns out to be the definitive one', () => {
    const events = given(decided).when(settle(ORG.utrecht, 'Wmo')).events();
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      outcome: 'confirmed',
      definitiveResponsibilityId: 'dec-1:need-pv',
    });
    expect(holderOf(stateOf([...decided, ...events]).responsibilities, 'need-pv')?.status).toBe('accepted');
  });

  it('refuses to settle what is not provisional', () => {
    given(playOn(decided, settle(ORG.utrecht, 'Wmo')))
      .when(settle(ORG.utrecht, 'Wmo'))
      .thenThrows(refusedWith('not-provisional', 'conflict'));
  });

  it('keeps a provisional arrangement from being ended other than by settlement', () => {
    given(decided)
      .when({
        type: 'EndResponsibility',
        data: { caseId: CASE_ID, responsibilityId: 'dec-1:need-pv', reason: 'Klaar' },
        metadata: meta(at(30)),
      })
      .thenThrows(refusedWith('unsettled-provisional-financing', 'conflict'));
  });

  it('keeps a provisionally financed need from ending, and the case from closing, before settlement', () => {
    const withSession = playOn(decided, putOnAgenda('session-2', '2025-04-03', at(20)));
    given(withSession)
      .when(
        discuss({ sessionId: 'session-2', needsEnded: [{ needId: 'need-pv', reason: 'Klaar.' }] }, at(21)),
      )
      .thenThrows(refusedWith('unsettled-provisional-financing', 'conflict'));
    given(decided)
      .when({
        type: 'CloseCase',
        data: { caseId: CASE_ID, result: 'responsibility-arranged' },
        metadata: meta(at(30)),
      })
      .thenThrows(refusedWith('unsettled-provisional-financing', 'conflict'));
  });

  it('refuses a new decision on a need that is still financed provisionally', () => {
    const again = playOn(decided, escalate({ escalationId: 'esc-2' }, at(30)));
    given(again)
      .when(decideBreakthrough({ escalationId: 'esc-2', decisionId: 'dec-2' }, at(31)))
      .thenThrows(refusedWith('unsettled-provisional-financing', 'conflict'));
  });
});
