import type { CaseCommand } from '../commands';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  TABLE_ID,
  acceptAtTriage,
  acceptBy,
  at,
  atTheTable,
  discuss,
  given,
  meta,
  play,
  playOn,
  propose,
  putOnAgenda,
  register,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

describe('PutOnAgenda', () => {
  it('puts a triaged case on the agenda of a session of its table', () => {
    given(play(register(), acceptAtTriage()))
      .when(putOnAgenda('session-1', '2025-03-06', at(0, 2)))
      .then([
        {
          type: 'casus.CasePutOnAgenda.v1',
          data: {
            caseId: CASE_ID,
            tableId: TABLE_ID,
            sessionId: 'session-1',
            sessionDate: '2025-03-06',
            occurredAt: at(0, 2),
          },
        },
      ]);
  });

  it('refuses a case that triage has not accepted', () => {
    given(play(register())).when(putOnAgenda()).thenThrows(refusedWith('case-not-triaged', 'conflict'));
  });

  it('refuses a case that triage referred elsewhere', () => {
    const refer: CaseCommand = {
      type: 'TriageCase',
      data: { caseId: CASE_ID, outcome: 'refer-elsewhere', reason: 'Past bij het wijkteam.' },
      metadata: meta(at(0, 1)),
    };
    given(play(register(), refer)).when(putOnAgenda()).thenThrows(refusedWith('case-referred', 'conflict'));
  });

  it('refuses the same session twice', () => {
    given(atTheTable()).when(putOnAgenda()).thenThrows(refusedWith('session-already-on-agenda', 'conflict'));
  });

  it('refuses an impossible session date', () => {
    given(play(register(), acceptAtTriage()))
      .when(putOnAgenda('session-1', '2025-13-01'))
      .thenThrows(refusedWith('invalid-date'));
  });
});

describe('RecordDiscussion (bespreking)', () => {
  it('records presence, agreements, actions and needs as separate facts, in order', () => {
    given(atTheTable())
      .when(
        discuss({
          agreements: [
            { agreementId: 'agr-1', text: 'Gemeente en verzekeraar overleggen over de indicatie.' },
          ],
          actions: [
            {
              actionId: 'act-1',
              description: 'Wijkverpleegkundige stelt indicatie',
              ownerOrganisationId: ORG.zilverenKruis.organisationId,
              dueDate: '2025-03-13',
            },
          ],
          needsIdentified: [
            { needId: 'need-pv', category: 'persoonlijke-verzorging' },
            { needId: 'need-jr', category: 'jeugdhulp', jeugdhulpKader: 'strafrechtelijk' },
          ],
        }),
      )
      .then([
        {
          type: 'casus.DiscussionRecorded.v1',
          data: {
            caseId: CASE_ID,
            sessionId: 'session-1',
            presentOrganisationIds: [ORG.utrecht.organisationId, ORG.zilverenKruis.organisationId],
            occurredAt: at(3),
          },
        },
        {
          type: 'casus.AgreementRecorded.v1',
          data: {
            caseId: CASE_ID,
            sessionId: 'session-1',
            agreementId: 'agr-1',
            text: 'Gemeente en verzekeraar overleggen over de indicatie.',
            sharedWithOrganisationIds: [],
            occurredAt: at(3),
          },
        },
        {
          type: 'casus.ActionAssigned.v1',
          data: {
            caseId: CASE_ID,
            sessionId: 'session-1',
            actionId: 'act-1',
            description: 'Wijkverpleegkundige stelt indicatie',
            ownerOrganisationId: ORG.zilverenKruis.organisationId,
            dueDate: '2025-03-13',
            occurredAt: at(3),
          },
        },
        {
          type: 'casus.NeedIdentified.v1',
          data: {
            caseId: CASE_ID,
            sessionId: 'session-1',
            needId: 'need-pv',
            category: 'persoonlijke-verzorging',
            jeugdhulpKader: null,
            occurredAt: at(3),
          },
        },
        {
          type: 'casus.NeedIdentified.v1',
          data: {
            caseId: CASE_ID,
            sessionId: 'session-1',
            needId: 'need-jr',
            category: 'jeugdhulp',
            jeugdhulpKader: 'strafrechtelijk',
            occurredAt: at(3),
          },
        },
      ]);
  });

  it('records a changed need with its reason', () => {
    const history = playOn(withNeed(), putOnAgenda('session-2', '2025-03-13', at(4)));
    const [, changed] = given(history)
      .when(
        discuss({
          sessionId: 'session-2',
          needsChanged: [
            { needId: 'need-pv', category: 'verpleging', reason: 'Wondzorg: verpleegkundige handeling.' },
          ],
        }),
      )
      .events();
    expect(changed).toEqual({
      type: 'casus.NeedChanged.v1',
      data: {
        caseId: CASE_ID,
        sessionId: 'session-2',
        needId: 'need-pv',
        category: 'verpleging',
        jeugdhulpKader: null,
        reason: 'Wondzorg: verpleegkundige handeling.',
        occurredAt: at(3),
      },
    });
  });

  it('keeps the changed category and kader, which later rules read', () => {
    const history = playOn(
      withNeed(),
      putOnAgenda('session-2', '2025-03-13', at(4)),
      discuss(
        {
          sessionId: 'session-2',
          needsChanged: [
            {
              needId: 'need-pv',
              category: 'jeugdhulp',
              jeugdhulpKader: 'strafrechtelijk',
              reason: 'Jeugdreclassering.',
            },
          ],
        },
        at(5),
      ),
    );
    expect(stateOf(history).needs).toEqual([
      { needId: 'need-pv', category: 'jeugdhulp', jeugdhulpKader: 'strafrechtelijk', status: 'open' },
    ]);
  });

  it('records with which organisations an agreement is shared', () => {
    const shared = ORG.zilverenKruis.organisationId;
    const [, agreement] = given(atTheTable())
      .when(
        discuss({
          agreements: [
            {
              agreementId: 'agr-1',
              text: 'Verzekeraar beoordeelt de indicatie.',
              sharedWithOrganisationIds: [shared],
            },
          ],
        }),
      )
      .events();
    expect(agreement).toEqual({
      type: 'casus.AgreementRecorded.v1',
      data: {
        caseId: CASE_ID,
        sessionId: 'session-1',
        agreementId: 'agr-1',
        text: 'Verzekeraar beoordeelt de indicatie.',
        sharedWithOrganisationIds: [shared],
        occurredAt: at(3),
      },
    });
  });

  it('refuses an organisation named twice among those an agreement is shared with', () => {
    const shared = ORG.zilverenKruis.organisationId;
    given(atTheTable())
      .when(
        discuss({
          agreements: [
            { agreementId: 'agr-1', text: 'Afspraak.', sharedWithOrganisationIds: [shared, shared] },
          ],
        }),
      )
      .thenThrows(refusedWith('duplicate-id', 'conflict'));
  });

  it('refuses an agreement shared with something that is not an organisation id', () => {
    given(atTheTable())
      .when(
        discuss({
          agreements: [
            { agreementId: 'agr-1', text: 'Afspraak.', sharedWithOrganisationIds: ['niet geldig!'] },
          ],
        }),
      )
      .thenThrows(refusedWith('invalid-id'));
  });

  it('refuses an agreement id that was used in an earlier session', () => {
    const history = playOn(
      atTheTable(),
      discuss({ agreements: [{ agreementId: 'agr-1', text: 'Eerste afspraak.' }] }),
      putOnAgenda('session-2', '2025-03-13', at(4)),
    );
    given(history)
      .when(
        discuss(
          { sessionId: 'session-2', agreements: [{ agreementId: 'agr-1', text: 'Tweede afspraak.' }] },
          at(5),
        ),
      )
      .thenThrows(refusedWith('duplicate-id', 'conflict'));
  });

  it('ends a need and every responsibility for it that is still in play', () => {
    const history = playOn(
      withNeed(),
      propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
      requestFinancier('r-wmo', 'req-1', at(3, 2)),
      acceptBy(ORG.utrecht, 'r-wmo', at(4)),
      propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(4, 1)),
      putOnAgenda('session-2', '2025-03-13', at(4, 2)),
    );
    const events = given(history)
      .when(
        discuss(
          { sessionId: 'session-2', needsEnded: [{ needId: 'need-pv', reason: 'Herstel na revalidatie.' }] },
          at(10),
        ),
      )
      .events();
    expect(events[1]).toEqual({
      type: 'casus.NeedEnded.v1',
      data: {
        caseId: CASE_ID,
        sessionId: 'session-2',
        needId: 'need-pv',
        reason: 'Herstel na revalidatie.',
        endedResponsibilityIds: ['r-wmo', 'r-zvw'],
        occurredAt: at(10),
      },
    });
    const after = stateOf([...history, ...events]);
    expect(after.needs[0].status).toBe('ended');
    expect(after.responsibilities.map((r) => r.status)).toEqual(['ended', 'ended']);
  });

  it('closes the discussion deadline once the case is discussed', () => {
    const before = stateOf(atTheTable());
    expect(before.deadlines[`discussion-after-registration:${CASE_ID}`].closedAt).toBeUndefined();
    const after = stateOf(withNeed());
    expect(after.deadlines[`discussion-after-registration:${CASE_ID}`].closedAt).toBe(at(3));
  });

  it('opens a deadline for each action, closed when the action is done', () => {
    const history = playOn(
      atTheTable(),
      discuss({
        actions: [
          {
            actionId: 'act-1',
            description: 'Indicatie stellen',
            ownerOrganisationId: 'org-x',
            dueDate: '2025-03-13',
          },
        ],
      }),
    );
    const deadline = stateOf(history).deadlines['action-due:act-1'];
    expect(deadline).toMatchObject({
      kind: 'action-due',
      originalDueAt: '2025-03-13',
      responsibleOrganisationIds: ['org-x'],
    });
    const complete: CaseCommand = {
      type: 'CompleteAction',
      data: { caseId: CASE_ID, actionId: 'act-1' },
      metadata: meta(at(5)),
    };
    const done = playOn(history, complete);
    expect(done.at(-1)).toEqual({
      type: 'casus.ActionCompleted.v1',
      data: { caseId: CASE_ID, actionId: 'act-1', occurredAt: at(5) },
    });
    expect(stateOf(done).deadlines['action-due:act-1'].closedAt).toBe(at(5));
    given(done).when(complete).thenThrows(refusedWith('action-already-done', 'conflict'));
  });

  it('refuses to complete an unknown action', () => {
    given(atTheTable())
      .when({ type: 'CompleteAction', data: { caseId: CASE_ID, actionId: 'act-9' }, metadata: meta(at(5)) })
      .thenThrows(refusedWith('action-not-found', 'not-found'));
  });

  it('refuses an action due before the day it was agreed', () => {
    given(atTheTable())
      .when(
        discuss({
          actions: [
            {
              actionId: 'act-1',
              description: 'Te laat',
              ownerOrganisationId: 'org-x',
              dueDate: '2025-03-01',
            },
          ],
        }),
      )
      .thenThrows(refusedWith('due-date-in-past'));
  });

  it('refuses a session the case is not on the agenda of', () => {
    given(atTheTable())
      .when(discuss({ sessionId: 'session-9' }))
      .thenThrows(refusedWith('session-not-found', 'not-found'));
  });

  it('refuses to record the same session twice', () => {
    given(withNeed()).when(discuss()).thenThrows(refusedWith('session-already-discussed', 'conflict'));
  });

  it('refuses a discussion without anyone present', () => {
    given(atTheTable())
      .when(discuss({ presentOrganisationIds: [] }))
      .thenThrows(refusedWith('present-organisations-required', 'unprocessable'));
  });

  it('refuses a need that already exists', () => {
    const history = playOn(withNeed(), putOnAgenda('session-2', '2025-03-13', at(4)));
    given(history)
      .when(
        discuss({
          sessionId: 'session-2',
          needsIdentified: [{ needId: 'need-pv', category: 'begeleiding' }],
        }),
      )
      .thenThrows(refusedWith('need-already-exists', 'conflict'));
  });

  it('refuses to change a need the case does not have', () => {
    given(atTheTable())
      .when(discuss({ needsChanged: [{ needId: 'need-x', category: 'begeleiding', reason: 'Anders' }] }))
      .thenThrows(refusedWith('need-not-found', 'not-found'));
  });

  it('refuses to name one need twice in a discussion', () => {
    given(atTheTable())
      .when(
        discuss({
          needsIdentified: [
            { needId: 'need-a', category: 'begeleiding' },
            { needId: 'need-a', category: 'vervoer' },
          ],
        }),
      )
      .thenThrows(refusedWith('duplicate-id', 'conflict'));
  });

  it('refuses an agreement that holds a BSN', () => {
    given(atTheTable())
      .when(
        discuss({ agreements: [{ agreementId: 'agr-1', text: 'BSN 111222333 doorgeven aan verzekeraar.' }] }),
      )
      .thenThrows(refusedWith('possible-personal-data'));
  });
});
