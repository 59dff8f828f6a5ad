import {
  CASE_ID,
  LEVELS,
  ORG,
  SUBJECT_ID,
  TABLE_ID,
  acceptAtTriage,
  at,
  given,
  meta,
  play,
  register,
} from '../test-support/fixtures';
import { refusedWith } from '../test-support/expect-refusal';
import type { CaseCommand } from '../commands';

const registered = play(register());

describe('RegisterCase (aanmelding)', () => {
  it('registers a case with its aanbrenger, regiehouder, service levels and discussion due date', () => {
    given([])
      .when(register())
      .then([
        {
          type: 'casus.CaseRegistered.v1',
          data: {
            caseId: CASE_ID,
            caseType: 'grensvlak',
            urgency: 'normaal',
            summary: 'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
            subjectId: SUBJECT_ID,
            tableId: TABLE_ID,
            aanbrenger: ORG.wijkteam,
            regiehouder: ORG.utrecht,
            birthday18: null,
            serviceLevels: LEVELS,
            // 10 working days after Monday 3 March 2025.
            discussionDueOn: '2025-03-17',
            milestones: [],
            occurredAt: at(0),
          },
        },
      ]);
  });

  it('holds the 18th birthday of a transition case and derives the transition milestones from it', () => {
    const [event] = given([])
      .when(register({ caseType: 'transitie-18-min-18-plus', birthday18: '2026-09-15' }))
      .events();
    expect(event.type).toBe('casus.CaseRegistered.v1');
    if (event.type !== 'casus.CaseRegistered.v1') return;
    expect(event.data.birthday18).toBe('2026-09-15');
    expect(event.data.milestones).toEqual([
      {
        deadlineId: 'transition-plan-started:2026-09-15',
        kind: 'transition-plan-started',
        dueOn: '2024-09-15',
      },
      {
        deadlineId: 'transition-route-decided:2026-09-15',
        kind: 'transition-route-decided',
        dueOn: '2025-09-15',
      },
      {
        deadlineId: 'transition-wmo-melding:2026-09-15',
        kind: 'transition-wmo-melding',
        dueOn: '2026-06-15',
      },
      {
        deadlineId: 'transition-ciz-aanvraag:2026-09-15',
        kind: 'transition-ciz-aanvraag',
        dueOn: '2026-07-15',
      },
      {
        deadlineId: 'transition-verlengde-jeugdhulp-decision:2026-09-15',
        kind: 'transition-verlengde-jeugdhulp-decision',
        dueOn: '2026-09-14',
      },
    ]);
  });

  it('refuses a second registration of the same case', () => {
    given(registered).when(register()).thenThrows(refusedWith('case-already-registered', 'conflict'));
  });

  it('refuses a transition case without the 18th birthday', () => {
    given([])
      .when(register({ caseType: 'transitie-18-min-18-plus' }))
      .thenThrows(refusedWith('birthday18-required', 'unprocessable'));
  });

  it('refuses birth data on any other case type (data minimisation)', () => {
    given([])
      .when(register({ caseType: 'moeilijk-plaatsbaar', birthday18: '2026-09-15' }))
      .thenThrows(refusedWith('birthday18-only-for-transition-cases', 'unprocessable'));
  });

  it('refuses an impossible birthday', () => {
    given([])
      .when(register({ caseType: 'transitie-18-min-18-plus', birthday18: '2026-02-30' }))
      .thenThrows(refusedWith('invalid-date'));
  });

  it('refuses a summary longer than 500 characters', () => {
    given([])
      .when(register({ summary: 'x'.repeat(501) }))
      .thenThrows(refusedWith('text-too-long', 'unprocessable'));
  });

  it('refuses a summary that contains a BSN', () => {
    given([])
      .when(register({ summary: 'Client met BSN 111222333 dakloos na ontslag.' }))
      .thenThrows(refusedWith('possible-personal-data', 'unprocessable'));
  });

  it('accepts a nine-digit number that is not a BSN', () => {
    expect(
      given([])
        .when(register({ summary: 'Dossiernummer 123456789 bij het wijkteam.' }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses an empty summary', () => {
    given([])
      .when(register({ summary: '   ' }))
      .thenThrows(refusedWith('text-required'));
  });

  it('refuses service levels that are not whole working days', () => {
    given([])
      .when(register({ serviceLevels: { ...LEVELS, liaisonAnswerWorkingDays: -1 } }))
      .thenThrows(refusedWith('invalid-service-levels'));
  });

  it('refuses an organisation without a known kind', () => {
    given([])
      .when(register({ aanbrenger: { organisationId: 'org-x', kind: 'ministerie' as never, code: 'X' } }))
      .thenThrows(refusedWith('invalid-value'));
  });

  it('refuses an id that is not opaque', () => {
    given([])
      .when(register({ subjectId: 'Jan Jansen' }))
      .thenThrows(refusedWith('invalid-id'));
  });

  it('refuses commands from auditors, who only read', () => {
    given([])
      .when({ ...register(), metadata: meta(at(0), ORG.utrecht, 'auditor') })
      .thenThrows(refusedWith('role-not-allowed', 'forbidden'));
  });

  it('refuses a command without a valid time', () => {
    given([])
      .when({ ...register(), metadata: { ...meta(at(0)), now: '3 maart 2025' } })
      .thenThrows(refusedWith('invalid-instant'));
  });
});

describe('TriageCase', () => {
  it('accepts the case for the table', () => {
    given(registered)
      .when(acceptAtTriage())
      .then([
        {
          type: 'casus.CaseAcceptedAtTriage.v1',
          data: { caseId: CASE_ID, tableId: TABLE_ID, note: null, occurredAt: at(0, 1) },
        },
      ]);
  });

  it('refers the case elsewhere with a reason', () => {
    const refer: CaseCommand = {
      type: 'TriageCase',
      data: {
        caseId: CASE_ID,
        outcome: 'refer-elsewhere',
        reason: 'Enkelvoudige Wmo-vraag.',
        referredTo: 'Wijkteam',
      },
      metadata: meta(at(0, 1)),
    };
    given(registered)
      .when(refer)
      .then([
        {
          type: 'casus.CaseReferredAtTriage.v1',
          data: {
            caseId: CASE_ID,
            reason: 'Enkelvoudige Wmo-vraag.',
            referredTo: 'Wijkteam',
            occurredAt: at(0, 1),
          },
        },
      ]);
  });

  it('refuses a referral without a reason', () => {
    const refer = {
      type: 'TriageCase',
      data: { caseId: CASE_ID, outcome: 'refer-elsewhere', reason: '' },
      metadata: meta(at(0, 1)),
    } as CaseCommand;
    given(registered).when(refer).thenThrows(refusedWith('text-required'));
  });

  it('refuses triage twice', () => {
    given(play(register(), acceptAtTriage()))
      .when(acceptAtTriage())
      .thenThrows(refusedWith('case-already-triaged', 'conflict'));
  });

  it('refuses triage of a case that was never registered', () => {
    given([]).when(acceptAtTriage()).thenThrows(refusedWith('case-not-registered', 'not-found'));
  });

  it('refuses a command for another case', () => {
    const other = {
      ...acceptAtTriage(),
      data: { caseId: 'case-other', outcome: 'accept-for-table' },
    } as CaseCommand;
    given(registered).when(other).thenThrows(refusedWith('invalid-id'));
  });
});

describe('AddParty', () => {
  const addGgd: CaseCommand = {
    type: 'AddParty',
    data: { caseId: CASE_ID, party: ORG.ggd, role: 'adviseur' },
    metadata: meta(at(1)),
  };

  it('adds an organisation in a role', () => {
    given(registered)
      .when(addGgd)
      .then([
        {
          type: 'casus.PartyJoined.v1',
          data: { caseId: CASE_ID, party: ORG.ggd, role: 'adviseur', occurredAt: at(1) },
        },
      ]);
  });

  it('refuses the same organisation twice in the same role', () => {
    given(play(register(), addGgd)).when(addGgd).thenThrows(refusedWith('party-already-in-role', 'conflict'));
  });
});
