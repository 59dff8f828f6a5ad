import { CaseScript } from '../testing/case-script';
import { type CaseFixture, NOW, emptyFixture, sixCases } from '../testing/case-fixture';
import { awaitingAnswer, runSteps } from '../testing/journeys';
import { ORG, TABLE } from '../testing/organisations';

describe('getCase (case detail)', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterAll(() => f.close());

  it('returns null for an unknown case', () => {
    expect(f.queries.getCase('nope')).toBeNull();
    expect(f.queries.getCaseAccess('nope')).toBeNull();
  });

  it('shows a moeilijk plaatsbare case from aanmelding to closure', () => {
    const detail = f.queries.getCase('mp-1', { now: NOW })!;
    expect(detail).toMatchObject({
      caseId: 'mp-1',
      streamId: 'case-mp-1',
      tableId: TABLE.utrechtStad,
      caseType: 'moeilijk-plaatsbaar',
      urgency: 'spoed',
      status: 'closed',
      subjectId: 'subject-mp-1',
      registeredAt: '2025-01-06T08:00:00.000Z',
      firstDiscussedAt: '2025-01-09T08:00:00.000Z',
      closure: { result: 'placed', closedAt: '2025-03-17T08:00:00.000Z' },
      reopenCount: 0,
      sessions: [{ sessionId: 'session-1', sessionDate: '2025-01-09', discussed: true }],
      deadlines: [],
    });
    expect(detail.version).toBe(26);
    expect(detail.lastPosition).toBe(26);
    expect(Object.fromEntries(detail.parties.map((p) => [p.organisationId, p.roles]))).toEqual({
      [ORG.wijkteam.organisationId]: ['aanbrenger'],
      [ORG.utrecht.organisationId]: ['regiehouder', 'financier'],
      [ORG.zorgkantoorUtrecht.organisationId]: ['financier'],
      [ORG.zilverenKruis.organisationId]: ['financier'],
      [ORG.lvbKliniek.organisationId]: ['aanbieder'],
      [ORG.beschermdWonen.organisationId]: ['aanbieder'],
    });
    expect(detail.askedOrganisationIds).toEqual([
      ORG.zorgkantoorUtrecht.organisationId,
      ORG.zilverenKruis.organisationId,
    ]);

    const verblijf = detail.needs.find((n) => n.needId === 'need-verblijf')!;
    expect(verblijf.current).toMatchObject({
      responsibilityId: 'dec-1:need-verblijf:settled',
      lawDomain: 'Wlz',
      financierOrganisationId: ORG.zorgkantoorUtrecht.organisationId,
      status: 'accepted',
      basis: 'opschaaltafel-decision',
      holding: true,
      setBy: { eventType: 'casus.ProvisionalFinancingSettled.v1', at: '2025-03-07T08:00:00.000Z' },
    });
    expect(verblijf.responsibilities.map((r) => [r.responsibilityId, r.lawDomain, r.status])).toEqual([
      ['resp-wlz', 'Wlz', 'ended'],
      ['dec-1:need-verblijf', 'Wmo', 'transferred'],
      ['dec-1:need-verblijf:settled', 'Wlz', 'accepted'],
    ]);
    expect(verblijf.gap).toBeNull();
    expect(detail.needs.find((n) => n.needId === 'need-ggz')!.current).toMatchObject({
      lawDomain: 'Zvw',
      financierOrganisationId: ORG.zilverenKruis.organisationId,
      status: 'accepted',
      basis: 'wegwijzer-rule',
    });

    expect(detail.escalations).toEqual([
      expect.objectContaining({
        escalationId: 'esc-1',
        level: 'opschaaltafel',
        reason: 'dispute-between-financiers',
        status: 'decided',
        openedAt: '2025-01-13T08:00:00.000Z',
        closedAt: '2025-01-20T08:00:00.000Z',
        decision: expect.objectContaining({
          decisionId: 'dec-1',
          assignments: [
            expect.objectContaining({ needId: 'need-verblijf', lawDomain: 'Wmo', provisional: true }),
          ],
        }),
      }),
    ]);
    expect(detail.offers).toEqual([
      {
        offerId: 'offer-1',
        needId: 'need-verblijf',
        providerOrganisationId: ORG.lvbKliniek.organisationId,
        status: 'refused',
        refusalReason: 'no-capacity',
        requestedAt: '2025-01-21T08:00:00.000Z',
        answeredAt: '2025-01-24T08:00:00.000Z',
      },
      {
        offerId: 'offer-2',
        needId: 'need-verblijf',
        providerOrganisationId: ORG.beschermdWonen.organisationId,
        status: 'placed',
        refusalReason: null,
        requestedAt: '2025-02-15T08:00:00.000Z',
        answeredAt: '2025-02-20T08:00:00.000Z',
      },
    ]);
    expect(detail.placements).toEqual([
      {
        placementId: 'plaatsing-1',
        offerId: 'offer-2',
        needId: 'need-verblijf',
        startDate: '2025-02-27',
        endDate: null,
      },
    ]);
  });

  it('shows agreements, actions and the gap of an open need', () => {
    const arranged = f.queries.getCase('gv-arr')!;
    expect(arranged.agreements).toEqual([
      {
        agreementId: 'agr-1',
        sessionId: 'session-1',
        text: 'Verzekeraar en gemeente beoordelen binnen een week.',
        recordedAt: '2025-02-13T08:00:00.000Z',
        sharedWithOrganisationIds: [],
      },
    ]);
    expect(arranged.actions).toEqual([
      {
        actionId: 'act-1',
        sessionId: 'session-1',
        description: 'Indicatie wijkverpleging aanvragen.',
        ownerOrganisationId: ORG.utrecht.organisationId,
        dueDate: '2025-02-20',
        done: true,
        assignedAt: '2025-02-13T08:00:00.000Z',
        completedAt: '2025-02-17T08:00:00.000Z',
      },
    ]);
    const waiting = f.queries.getCase('gv-wait', { now: NOW })!;
    expect(waiting.needs[0]).toMatchObject({
      needId: 'need-vp',
      status: 'open',
      current: { status: 'requested', holding: false, openRequestId: 'req-vp' },
      gap: { at: '2025-03-06T08:00:00.000Z', eventType: 'casus.NeedIdentified.v1' },
    });
  });

  it('lists the open deadlines with their effective due date and whether they are missed at `now`', () => {
    const detail = f.queries.getCase('gv-wait', { now: NOW })!;
    expect(detail.deadlines).toEqual([
      {
        deadlineId: 'liaison-answer:req-vp',
        kind: 'liaison-answer',
        basis: 'servicenorm',
        startedAt: '2025-03-06T10:00:00.000Z',
        originalDueOn: '2025-03-13',
        effectiveDueOn: '2025-03-13',
        suspended: false,
        extendedTo: null,
        missed: true,
        responsibleOrganisationIds: [ORG.zilverenKruis.organisationId],
        ref: { requestId: 'req-vp', needId: 'need-vp' },
      },
    ]);
    expect(f.queries.getCase('gv-wait')!.deadlines[0].missed).toBeNull();
    expect(f.queries.getCase('gv-wait', { now: '2025-03-13T20:00:00Z' })!.deadlines[0].missed).toBe(false);
  });

  it('gives the access facts: table, parties and the organisations asked to answer', () => {
    expect(f.queries.getCaseAccess('gv-dis')).toEqual({
      caseId: 'gv-dis',
      tableId: TABLE.ijsselVecht,
      partyOrganisationIds: [
        ORG.cz.organisationId,
        ORG.zwolle.organisationId,
        ORG.wijkteam.organisationId,
      ].sort(),
      askedOrganisationIds: [ORG.cz.organisationId],
    });
    const detail = f.queries.getCase('gv-dis')!;
    expect([...detail.partyOrganisationIds].sort()).toEqual(
      f.queries.getCaseAccess('gv-dis')!.partyOrganisationIds,
    );
    expect(detail.askedOrganisationIds).toEqual([ORG.cz.organisationId]);
  });

  it('returns the tables a subject has cases at', () => {
    expect(f.queries.subjectTableIds('subject-gv-dis')).toEqual([TABLE.ijsselVecht]);
    expect(f.queries.subjectTableIds('subject-unknown')).toEqual([]);
  });
});

describe('getCase with a suspended deadline', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    const s = new CaseScript(f.log, 'susp');
    await runSteps(awaitingAnswer(s, '2025-03-03T08:00:00Z'));
    await s.suspendDeadline('liaison-answer:req-vp', '2025-03-10T08:00:00Z');
    await f.caughtUp();
  });

  afterAll(() => f.close());

  it('moves the effective due date while the clock stands still and never counts it as missed', () => {
    const detail = f.queries.getCase('susp', { now: '2025-03-20T12:00:00Z' })!;
    expect(detail.deadlines[0]).toMatchObject({
      suspended: true,
      originalDueOn: '2025-03-13',
      effectiveDueOn: '2025-03-23',
      missed: false,
    });
    const listed = f.queries.listCases({}, { now: '2025-03-20T12:00:00Z' }).items[0];
    expect(listed).toMatchObject({ caseId: 'susp', nextDueOn: null, overdue: false });
  });

  it('counts the suspended days once the clock runs again', async () => {
    await new CaseScript(f.log, 'susp').resumeDeadline('liaison-answer:req-vp', '2025-03-12T08:00:00Z');
    await f.caughtUp();
    const detail = f.queries.getCase('susp', { now: '2025-03-14T12:00:00Z' })!;
    expect(detail.deadlines[0]).toMatchObject({
      suspended: false,
      effectiveDueOn: '2025-03-15',
      missed: false,
    });
    expect(
      f.queries.listCases({}, { now: '2025-03-16T12:00:00Z', overdue: true }).items.map((c) => c.caseId),
    ).toEqual(['susp']);
    expect(f.queries.listCases({}, { now: '2025-03-15T12:00:00Z', overdue: true }).items).toEqual([]);
  });
});
