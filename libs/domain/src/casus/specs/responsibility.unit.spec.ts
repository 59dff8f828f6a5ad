import { WEGWIJZER_TABLE_VERSION, suggest } from '../../wegwijzer';
import type { CaseCommand } from '../commands';
import { holderOf } from '../holding';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  HOME,
  discuss,
  putOnAgenda,
  ORG,
  acceptBy,
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

const proposedWmo = playOn(withNeed(), propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)));
const requestedWmo = playOn(proposedWmo, requestFinancier('r-wmo', 'req-1', at(3, 2)));
const acceptedWmo = playOn(requestedWmo, acceptBy(ORG.utrecht, 'r-wmo', at(4)));

describe('ProposeResponsibility', () => {
  it('records the wegwijzer suggestion; a proposal that follows it has the wegwijzer rule as basis', () => {
    given(withNeed())
      .when(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)))
      .then([
        {
          type: 'casus.PartyJoined.v1',
          data: { caseId: CASE_ID, party: ORG.utrecht, role: 'financier', occurredAt: at(3, 1) },
        },
        {
          type: 'casus.ResponsibilityProposed.v1',
          data: {
            caseId: CASE_ID,
            needId: 'need-pv',
            responsibilityId: 'r-wmo',
            lawDomain: 'Wmo',
            financierOrganisationId: ORG.utrecht.organisationId,
            financierKind: 'gemeente',
            basis: 'wegwijzer-rule',
            takesEffect: 'immediately',
            wegwijzer: {
              ruleIds: ['T4-WMO'],
              ruleTableVersion: WEGWIJZER_TABLE_VERSION,
              suggestedLawDomain: 'Wmo',
              suggestedFinancierKind: 'gemeente',
              verdict: 'suggested',
              noRuleApplies: false,
              missingFacts: [],
              unverified: suggest({ category: 'persoonlijke-verzorging' }, HOME, '2025-03-06').unverified,
              evaluatedOn: '2025-03-06',
            },
            deviation: false,
            deviationReason: null,
            occurredAt: at(3, 1),
          },
        },
      ]);
  });

  it('allows a deviation from the wegwijzer and records it with its reason, as a table agreement', () => {
    const [, proposed] = given(withNeed())
      .when(
        propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(3, 1), {
          deviationReason: 'Wondzorg na opname: geneeskundige context volgens de huisarts.',
        }),
      )
      .events();
    expect(proposed.type).toBe('casus.ResponsibilityProposed.v1');
    expect(proposed.data).toMatchObject({
      lawDomain: 'Zvw',
      basis: 'table-agreement',
      deviation: true,
      deviationReason: 'Wondzorg na opname: geneeskundige context volgens de huisarts.',
      wegwijzer: { suggestedLawDomain: 'Wmo', ruleIds: ['T4-WMO'] },
    });
  });

  it('follows the facts given: with a geneeskundige context the wegwijzer says Zvw', () => {
    const [, proposed] = given(withNeed())
      .when(
        propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(3, 1), {
          context: { ...HOME, medicalContext: true },
        }),
      )
      .events();
    expect(proposed.data).toMatchObject({
      basis: 'wegwijzer-rule',
      deviation: false,
      wegwijzer: { suggestedLawDomain: 'Zvw' },
    });
  });

  it('says so when no rule applies, and then rests on the table agreement', () => {
    const [, proposed] = given(withNeed())
      .when(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1), { context: { wlzIndication: false } }))
      .events();
    expect(proposed.data).toMatchObject({
      basis: 'table-agreement',
      deviation: false,
      wegwijzer: { noRuleApplies: true },
    });
  });

  it('does not add the financier as a party twice', () => {
    const events = given(proposedWmo)
      .when(propose('need-pv', 'r-wmo-2', 'Wmo', ORG.tilburg, at(3, 2)))
      .events();
    expect(events.map((e) => e.type)).toEqual(['casus.PartyJoined.v1', 'casus.ResponsibilityProposed.v1']);
    const again = playOn(proposedWmo, propose('need-pv', 'r-jw', 'Jeugdwet', ORG.utrecht, at(3, 2)));
    expect(
      again.filter((e) => e.type === 'casus.PartyJoined.v1' && e.data.role === 'financier'),
    ).toHaveLength(1);
  });

  it('refuses a financier of the wrong kind for the law domain', () => {
    given(withNeed())
      .when(propose('need-pv', 'r-zvw', 'Zvw', ORG.utrecht, at(3, 1)))
      .thenThrows(refusedWith('financier-kind-mismatch', 'unprocessable'));
  });

  it('refuses the same financier and domain twice while the first is still in play', () => {
    given(proposedWmo)
      .when(propose('need-pv', 'r-wmo-2', 'Wmo', ORG.utrecht, at(3, 2)))
      .thenThrows(refusedWith('responsibility-already-proposed', 'conflict'));
  });

  it('refuses a responsibility id that exists', () => {
    given(proposedWmo)
      .when(propose('need-pv', 'r-wmo', 'Zvw', ORG.zilverenKruis, at(3, 2)))
      .thenThrows(refusedWith('duplicate-id', 'conflict'));
  });

  it('refuses an unknown need', () => {
    given(withNeed())
      .when(propose('need-x', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)))
      .thenThrows(refusedWith('need-not-found', 'not-found'));
  });

  it('refuses a need that has ended', () => {
    const ended = playOn(
      withNeed(),
      putOnAgenda('session-2', '2025-03-13', at(4)),
      discuss(
        { sessionId: 'session-2', needsEnded: [{ needId: 'need-pv', reason: 'Niet meer nodig.' }] },
        at(5),
      ),
    );
    given(ended)
      .when(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(6)))
      .thenThrows(refusedWith('need-ended', 'conflict'));
  });

  it('refuses a proposal without the wegwijzer context', () => {
    given(withNeed())
      .when(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1), { context: undefined as never }))
      .thenThrows(refusedWith('invalid-value'));
  });
});

describe('RequestFinancier', () => {
  it("asks the financier's liaison, with the answer due by the table's service level", () => {
    given(proposedWmo)
      .when({
        ...requestFinancier('r-wmo', 'req-1', at(3, 2)),
        data: {
          caseId: CASE_ID,
          responsibilityId: 'r-wmo',
          requestId: 'req-1',
          question: 'Wilt u de PV financieren?',
        },
      })
      .then([
        {
          type: 'casus.FinancierRequested.v1',
          data: {
            caseId: CASE_ID,
            needId: 'need-pv',
            responsibilityId: 'r-wmo',
            requestId: 'req-1',
            financierOrganisationId: ORG.utrecht.organisationId,
            question: 'Wilt u de PV financieren?',
            // 5 working days after Thursday 6 March 2025.
            answerDueOn: '2025-03-13',
            occurredAt: at(3, 2),
          },
        },
      ]);
    const deadline = stateOf(requestedWmo).deadlines['liaison-answer:req-1'];
    expect(deadline).toMatchObject({
      originalDueAt: '2025-03-13',
      responsibleOrganisationIds: [ORG.utrecht.organisationId],
    });
  });

  it('refuses to ask again about a responsibility already requested', () => {
    given(requestedWmo)
      .when(requestFinancier('r-wmo', 'req-2', at(3, 3)))
      .thenThrows(refusedWith('not-proposed', 'conflict'));
  });

  it('refuses a request id that was used before', () => {
    const history = playOn(requestedWmo, propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(3, 3)));
    given(history)
      .when(requestFinancier('r-zvw', 'req-1', at(3, 4)))
      .thenThrows(refusedWith('duplicate-id'));
  });

  it('refuses an unknown responsibility', () => {
    given(proposedWmo)
      .when(requestFinancier('r-x', 'req-1', at(3, 2)))
      .thenThrows(refusedWith('responsibility-not-found', 'not-found'));
  });
});

describe('AcceptResponsibility', () => {
  it("is the financier's answer; the financier then holds the need and the answer deadline closes", () => {
    given(requestedWmo)
      .when(acceptBy(ORG.utrecht, 'r-wmo', at(4)))
      .then([
        {
          type: 'casus.ResponsibilityAccepted.v1',
          data: {
            caseId: CASE_ID,
            needId: 'need-pv',
            responsibilityId: 'r-wmo',
            requestId: 'req-1',
            financierOrganisationId: ORG.utrecht.organisationId,
            occurredAt: at(4),
          },
        },
      ]);
    const state = stateOf(acceptedWmo);
    expect(holderOf(state.responsibilities, 'need-pv')?.responsibilityId).toBe('r-wmo');
    expect(state.deadlines['liaison-answer:req-1'].closedAt).toBe(at(4));
  });

  it('refuses an answer by another organisation than the financier', () => {
    given(requestedWmo)
      .when(acceptBy(ORG.zilverenKruis, 'r-wmo', at(4)))
      .thenThrows(refusedWith('not-the-financier', 'forbidden'));
  });

  it('refuses an answer to a proposal nobody asked the financier about', () => {
    given(proposedWmo)
      .when(acceptBy(ORG.utrecht, 'r-wmo', at(4)))
      .thenThrows(refusedWith('not-requested', 'conflict'));
  });

  it('never lets two financiers hold one need at once', () => {
    const history = playOn(
      acceptedWmo,
      propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(4, 1)),
      requestFinancier('r-zvw', 'req-2', at(4, 2)),
    );
    given(history)
      .when(acceptBy(ORG.zilverenKruis, 'r-zvw', at(5)))
      .thenThrows(refusedWith('need-already-held', 'conflict'));
  });

  it('lets another financier accept once the holder has ended', () => {
    const history = playOn(
      acceptedWmo,
      propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(4, 1)),
      requestFinancier('r-zvw', 'req-2', at(4, 2)),
      {
        type: 'EndResponsibility',
        data: { caseId: CASE_ID, responsibilityId: 'r-wmo', reason: 'Overgedragen aan Zvw.' },
        metadata: meta(at(5)),
      },
    );
    const events = given(history)
      .when(acceptBy(ORG.zilverenKruis, 'r-zvw', at(5, 1)))
      .events();
    expect(events.map((e) => e.type)).toEqual(['casus.ResponsibilityAccepted.v1']);
  });
});

describe('RejectResponsibility', () => {
  it('records the reason and the referral; the rejected financier holds nothing', () => {
    const events = given(requestedWmo)
      .when(rejectBy(ORG.utrecht, 'r-wmo', at(4), { referralLawDomain: 'Zvw' }))
      .events();
    expect(events).toEqual([
      {
        type: 'casus.ResponsibilityRejected.v2',
        data: {
          caseId: CASE_ID,
          needId: 'need-pv',
          responsibilityId: 'r-wmo',
          requestId: 'req-1',
          financierOrganisationId: ORG.utrecht.organisationId,
          reasonCode: 'other-law-applies',
          explanation: 'Geen geneeskundige context: valt onder de Wmo.',
          referralLawDomain: 'Zvw',
          occurredAt: at(4),
        },
      },
    ]);
    const state = stateOf([...requestedWmo, ...events]);
    expect(holderOf(state.responsibilities, 'need-pv')).toBeNull();
    expect(state.responsibilities[0].status).toBe('rejected');
    expect(state.deadlines['liaison-answer:req-1'].closedAt).toBe(at(4));
  });

  it('refuses a rejection without an explanation', () => {
    given(requestedWmo)
      .when(rejectBy(ORG.utrecht, 'r-wmo', at(4), { explanation: '' }))
      .thenThrows(refusedWith('text-required'));
  });

  it('refuses a rejection by another organisation', () => {
    given(requestedWmo)
      .when(rejectBy(ORG.tilburg, 'r-wmo', at(4)))
      .thenThrows(refusedWith('not-the-financier', 'forbidden'));
  });

  it('refuses a second answer', () => {
    given(acceptedWmo)
      .when(rejectBy(ORG.utrecht, 'r-wmo', at(5)))
      .thenThrows(refusedWith('not-requested', 'conflict'));
  });
});

describe('EndResponsibility', () => {
  const end = (responsibilityId: string, now: string): CaseCommand => ({
    type: 'EndResponsibility',
    data: { caseId: CASE_ID, responsibilityId, reason: 'Zorg beëindigd.' },
    metadata: meta(now),
  });

  it('ends a held responsibility; the need is left without a holder', () => {
    const events = given(acceptedWmo)
      .when(end('r-wmo', at(20)))
      .events();
    expect(events).toEqual([
      {
        type: 'casus.ResponsibilityEnded.v1',
        data: {
          caseId: CASE_ID,
          needId: 'need-pv',
          responsibilityId: 'r-wmo',
          wasHolding: true,
          reason: 'Zorg beëindigd.',
          occurredAt: at(20),
        },
      },
    ]);
    expect(holderOf(stateOf([...acceptedWmo, ...events]).responsibilities, 'need-pv')).toBeNull();
  });

  it('withdraws an open request and closes its answer deadline', () => {
    const events = playOn(requestedWmo, end('r-wmo', at(4)));
    expect(events.at(-1)?.data).toMatchObject({ wasHolding: false });
    expect(stateOf(events).deadlines['liaison-answer:req-1'].closedAt).toBe(at(4));
  });

  it('refuses a responsibility that already ended', () => {
    given(playOn(acceptedWmo, end('r-wmo', at(20))))
      .when(end('r-wmo', at(21)))
      .thenThrows(refusedWith('responsibility-final', 'conflict'));
  });
});
