import { CaseScript } from '../testing/case-script';
import { type CaseFixture, NOW, emptyFixture, sixCases } from '../testing/case-fixture';
import { arrangedGrensvlak, awaitingAnswer, runSteps } from '../testing/journeys';
import { ORG, TABLE } from '../testing/organisations';

describe('listGaps', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterAll(() => f.close());

  it('lists needs without an accepted or provisional holder, longest first, with since when and how many days', () => {
    expect(f.queries.listGaps({}, NOW)).toEqual({
      items: [
        {
          caseId: 'gv-dis',
          tableId: TABLE.ijsselVecht,
          caseType: 'grensvlak',
          urgency: 'normaal',
          needId: 'need-vp',
          category: 'verpleging',
          since: '2025-02-20T08:00:00.000Z',
          sincePosition: expect.any(Number),
          sinceEventType: 'casus.NeedIdentified.v1',
          days: 28,
        },
        {
          caseId: 'gv-wait',
          tableId: TABLE.utrechtStad,
          caseType: 'grensvlak',
          urgency: 'hoog',
          needId: 'need-vp',
          category: 'verpleging',
          since: '2025-03-06T08:00:00.000Z',
          sincePosition: expect.any(Number),
          sinceEventType: 'casus.NeedIdentified.v1',
          days: 14,
        },
      ],
      nextCursor: null,
    });
  });

  it('counts whole days at `now`', () => {
    const days = (now: string) => f.queries.listGaps({}, now).items.map((g) => g.days);
    expect(days('2025-03-21T07:59:59Z')).toEqual([28, 14]);
    expect(days('2025-03-21T08:00:00Z')).toEqual([29, 15]);
  });

  it('only shows gaps of cases the caller may see', () => {
    const caseIds = (access: { tables?: string[]; organisation?: string }) =>
      f.queries.listGaps(access, NOW).items.map((g) => g.caseId);
    expect(caseIds({ organisation: ORG.zilverenKruis.organisationId })).toEqual(['gv-wait']);
    expect(caseIds({ organisation: ORG.cz.organisationId })).toEqual(['gv-dis']);
    expect(caseIds({ organisation: ORG.vgz.organisationId })).toEqual([]);
    expect(caseIds({ tables: [TABLE.ijsselVecht] })).toEqual(['gv-dis']);
  });

  it('pages with a cursor', () => {
    const first = f.queries.listGaps({}, NOW, { limit: 1 });
    const second = f.queries.listGaps({}, NOW, { limit: 1, cursor: first.nextCursor });
    expect([first.items[0].caseId, second.items[0].caseId, second.nextCursor]).toEqual([
      'gv-dis',
      'gv-wait',
      null,
    ]);
  });

  it('closes a gap when the financier accepts, and leaves closed cases out', async () => {
    await new CaseScript(f.log, 'gv-wait').acceptBy(ORG.zilverenKruis, 'resp-vp', '2025-03-21T08:00:00Z');
    await f.caughtUp();
    expect(f.queries.listGaps({}, NOW).items.map((g) => g.caseId)).toEqual(['gv-dis']);
    expect(f.queries.getCase('gv-wait')!.needs[0].gap).toBeNull();
  });
});

describe('agenda', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    // Three cases on the session of 6 March at Utrecht Stad, one at another table on the same date.
    await runSteps(arrangedGrensvlak(new CaseScript(f.log, 'a-normaal'), '2025-03-03T08:00:00Z').slice(0, 3));
    await runSteps(
      awaitingAnswer(new CaseScript(f.log, 'a-spoed'), '2025-03-03T09:00:00Z', { urgency: 'spoed' }).slice(
        0,
        5,
      ),
    );
    await runSteps(arrangedGrensvlak(new CaseScript(f.log, 'a-early'), '2025-03-03T07:00:00Z').slice(0, 3));
    await runSteps(
      arrangedGrensvlak(new CaseScript(f.log, 'other-table'), '2025-03-03T08:00:00Z', {
        tableId: TABLE.ijsselVecht,
      }).slice(0, 3),
    );
    await runSteps(arrangedGrensvlak(new CaseScript(f.log, 'next-week'), '2025-03-10T08:00:00Z').slice(0, 3));
    await f.caughtUp();
  });

  afterAll(() => f.close());

  it('lists the cases on the sessions of a table on a date, most urgent and longest waiting first', () => {
    const result = f.queries.agenda(TABLE.utrechtStad, '2025-03-06', {});
    expect(result.tableId).toBe(TABLE.utrechtStad);
    expect(result.date).toBe('2025-03-06');
    expect(result.items.map((i) => [i.sessionId, i.case.caseId, i.discussed])).toEqual([
      ['session-1', 'a-spoed', true],
      ['session-1', 'a-early', false],
      ['session-1', 'a-normaal', false],
    ]);
    expect(result.items[0].case).toMatchObject({ urgency: 'spoed', status: 'accepted', hasGap: true });
    expect(f.queries.agenda(TABLE.utrechtStad, '2025-03-13', {}).items.map((i) => i.case.caseId)).toEqual([
      'next-week',
    ]);
    expect(f.queries.agenda(TABLE.utrechtStad, '2025-03-07', {}).items).toEqual([]);
  });

  it('applies the access filter and refuses a malformed date', () => {
    expect(f.queries.agenda(TABLE.utrechtStad, '2025-03-06', { tables: [TABLE.ijsselVecht] }).items).toEqual(
      [],
    );
    expect(
      f.queries
        .agenda(TABLE.utrechtStad, '2025-03-06', { organisation: ORG.zilverenKruis.organisationId })
        .items.map((i) => i.case.caseId),
    ).toEqual(['a-spoed']);
    expect(() => f.queries.agenda(TABLE.utrechtStad, '6 maart', {})).toThrow('date must be a calendar date');
  });
});
