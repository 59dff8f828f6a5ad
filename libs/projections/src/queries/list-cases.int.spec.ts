import { CaseScript } from '../testing/case-script';
import { type CaseFixture, NOW, emptyFixture, sixCases } from '../testing/case-fixture';
import { arrangedGrensvlak, runSteps } from '../testing/journeys';
import { ORG, TABLE } from '../testing/organisations';
import type { AccessFilter } from './access-filter';
import { type CaseListFilter, type CaseSort, listCases } from './list-cases';
import { ReadModelQueryError } from './query-error';

const ALL: AccessFilter = {};

describe('listCases (work queue)', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterAll(() => f.close());

  function ids(filter: CaseListFilter, sort?: CaseSort, access: AccessFilter = ALL): string[] {
    return f.queries
      .listCases(access, { now: NOW, ...filter }, sort ?? { by: 'registeredAt', direction: 'asc' })
      .items.map((c) => c.caseId);
  }

  it('lists every case with the columns of the queue', () => {
    const page = f.queries.listCases(ALL, { now: NOW });
    expect(page.nextCursor).toBeNull();
    expect(page.items).toHaveLength(6);
    expect(page.items.find((c) => c.caseId === 'gv-wait')).toEqual({
      caseId: 'gv-wait',
      tableId: TABLE.utrechtStad,
      caseType: 'grensvlak',
      urgency: 'hoog',
      status: 'accepted',
      summary: 'Wijkverpleging na heupoperatie; verzekeraar nog niet gereageerd.',
      registeredAt: '2025-03-03T08:00:00.000Z',
      updatedAt: '2025-03-06T10:00:00.000Z',
      hasGap: true,
      gapCount: 1,
      escalated: false,
      nextDueOn: '2025-03-13',
      overdue: true,
      version: 8,
      lastPosition: expect.any(Number),
    });
  });

  it('filters by table, status and type (one value or several)', () => {
    expect(ids({ tableId: TABLE.utrechtStad })).toEqual(['mp-1', 'gv-arr', 'gv-wait']);
    expect(ids({ tableId: [TABLE.ijsselVecht, TABLE.hartVanBrabant] })).toEqual(['gv-dis', 'ref']);
    expect(ids({ status: 'closed' })).toEqual(['mp-1', 'gv-arr']);
    expect(ids({ status: ['accepted', 'referred'] })).toEqual(['mp-2', 'gv-dis', 'gv-wait', 'ref']);
    expect(ids({ caseType: 'moeilijk-plaatsbaar' })).toEqual(['mp-1', 'mp-2']);
    expect(ids({ caseType: 'moeilijk-plaatsbaar', status: 'accepted' })).toEqual(['mp-2']);
  });

  it('filters by organisation: as a party, or as a financier asked to answer', () => {
    expect(ids({ organisationId: ORG.vgz.organisationId })).toEqual(['mp-2', 'gv-arr']);
    expect(ids({ organisationId: ORG.zilverenKruis.organisationId })).toEqual(['mp-1', 'gv-wait']);
    expect(ids({ organisationId: ORG.zorgkantoorUtrecht.organisationId })).toEqual(['mp-1', 'mp-2']);
    expect(ids({ organisationId: ORG.beschermdWonen.organisationId })).toEqual(['mp-1']);
    expect(ids({ organisationId: 'org-unknown' })).toEqual([]);
  });

  it('filters by gap, escalation and missed deadline at `now`', () => {
    expect(ids({ hasGap: true })).toEqual(['gv-dis', 'gv-wait']);
    expect(ids({ hasGap: false })).toEqual(['mp-1', 'mp-2', 'gv-arr', 'ref']);
    expect(ids({ escalated: true })).toEqual(['gv-dis']);
    expect(ids({ overdue: true })).toEqual(['gv-dis', 'gv-wait']);
    // The escalation decision was due 11 March, the financier's answer 13 March.
    expect(ids({ overdue: true, now: '2025-03-12T12:00:00Z' })).toEqual(['gv-dis']);
    expect(ids({ overdue: true, now: '2025-03-11T22:59:00Z' })).toEqual([]);
    expect(ids({ overdue: false, now: '2025-03-12T12:00:00Z' })).toEqual([
      'mp-1',
      'mp-2',
      'gv-arr',
      'gv-wait',
      'ref',
    ]);
    expect(() => f.queries.listCases(ALL, { overdue: true })).toThrow(ReadModelQueryError);
  });

  it('searches the summary case-insensitively, as a substring, with or without diacritics in the case', () => {
    expect(ids({ text: 'lvb' })).toEqual(['mp-1', 'mp-2']);
    expect(ids({ text: 'CLIËNT' })).toEqual(['mp-1']);
    expect(ids({ text: 'heupopera' })).toEqual(['gv-wait']);
    expect(ids({ text: 'zwerft tussen' })).toEqual(['mp-2']);
    expect(ids({ text: 'gg' })).toEqual(['mp-1']);
    expect(ids({ text: 'nergens te vinden' })).toEqual([]);
    expect(ids({ text: '"quoted" %_' })).toEqual([]);
    expect(ids({ text: 'lvb', tableId: TABLE.zuidoostUtrecht })).toEqual(['mp-2']);
  });

  it('finds the same cases by the trigram index and by the substring test (used when a text is common)', () => {
    for (const text of ['lvb', 'CLIËNT', 'heupopera', 'zwerft tussen', 'gg', 'plaatsbare', 'nergens', ' ']) {
      const byIndex = f.queries.listCases(ALL, { text }, { by: 'registeredAt' }).items;
      const bySubstring = listCases(f.db, ALL, { text }, { by: 'registeredAt' }, null, 50, {
        trigramMatchLimit: 0,
      });
      expect(bySubstring.items).toEqual(byIndex);
    }
    expect(f.queries.listCases(ALL, { text: '   ' }).items).toHaveLength(6);
  });

  it('sorts by registration, last change or urgency, both ways', () => {
    expect(ids({}, { by: 'registeredAt', direction: 'desc' })).toEqual([
      'ref',
      'gv-wait',
      'gv-dis',
      'gv-arr',
      'mp-2',
      'mp-1',
    ]);
    // Last changes: mp-1 closed 17 March, gv-wait 6 March, ref 4 March, gv-arr 2 March, gv-dis 25 Feb, mp-2 21 Feb.
    expect(ids({}, { by: 'updatedAt' })).toEqual(['mp-1', 'gv-wait', 'ref', 'gv-arr', 'gv-dis', 'mp-2']);
    expect(ids({}, { by: 'urgency' })).toEqual(['mp-1', 'gv-wait', 'mp-2', 'gv-arr', 'gv-dis', 'ref']);
    expect(ids({}, { by: 'urgency', direction: 'asc' })).toEqual([
      'ref',
      'gv-dis',
      'gv-arr',
      'mp-2',
      'gv-wait',
      'mp-1',
    ]);
  });

  it('applies the access filter in SQL: a coordinator sees the tables, a liaison the cases of the organisation', () => {
    expect(ids({}, undefined, { tables: [TABLE.utrechtStad] })).toEqual(['mp-1', 'gv-arr', 'gv-wait']);
    expect(ids({}, undefined, { tables: [] })).toEqual([]);
    expect(ids({}, undefined, { organisation: ORG.cz.organisationId })).toEqual(['gv-dis']);
    expect(
      ids({ tableId: TABLE.ijsselVecht }, undefined, { organisation: ORG.zilverenKruis.organisationId }),
    ).toEqual([]);
    expect(ids({}, undefined, { tables: [TABLE.utrechtStad], organisation: ORG.vgz.organisationId })).toEqual(
      ['gv-arr'],
    );
    // Paging cannot leak: a page of one still only holds visible cases.
    const access = { organisation: ORG.zilverenKruis.organisationId };
    const first = f.queries.listCases(access, {}, { by: 'registeredAt', direction: 'asc' }, null, 1);
    const second = f.queries.listCases(
      access,
      {},
      { by: 'registeredAt', direction: 'asc' },
      first.nextCursor,
      1,
    );
    expect([first.items[0].caseId, second.items[0].caseId, second.nextCursor]).toEqual([
      'mp-1',
      'gv-wait',
      null,
    ]);
    expect(() => f.queries.listCases(undefined as unknown as AccessFilter)).toThrow(ReadModelQueryError);
  });

  it('rejects a cursor of another sort, an altered cursor and a bad limit', () => {
    const page = f.queries.listCases(ALL, {}, { by: 'registeredAt', direction: 'asc' }, null, 2);
    expect(() => f.queries.listCases(ALL, {}, { by: 'updatedAt' }, page.nextCursor, 2)).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }),
    );
    expect(() => f.queries.listCases(ALL, {}, undefined, 'bm9wZQ', 2)).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }),
    );
    expect(() => f.queries.listCases(ALL, {}, undefined, null, 0)).toThrow(ReadModelQueryError);
    expect(() => f.queries.listCases(ALL, {}, undefined, null, 201)).toThrow(ReadModelQueryError);
  });
});

describe('listCases cursor paging', () => {
  let f: CaseFixture;

  beforeEach(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterEach(() => f.close());

  it('is stable under inserts: no page repeats or skips a case that existed when paging began', async () => {
    const sort: CaseSort = { by: 'registeredAt', direction: 'asc' };
    const first = f.queries.listCases(ALL, {}, sort, null, 2);
    expect(first.items.map((c) => c.caseId)).toEqual(['mp-1', 'mp-2']);

    // New cases arrive between pages: one sorts before the cursor, one after everything.
    await runSteps(arrangedGrensvlak(new CaseScript(f.log, 'early'), '2024-12-01T08:00:00Z').slice(0, 1));
    await runSteps(arrangedGrensvlak(new CaseScript(f.log, 'late'), '2025-04-01T08:00:00Z').slice(0, 1));
    await f.caughtUp();

    const seen = [...first.items.map((c) => c.caseId)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = f.queries.listCases(ALL, {}, sort, cursor, 2);
      seen.push(...page.items.map((c) => c.caseId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['mp-1', 'mp-2', 'gv-arr', 'gv-dis', 'gv-wait', 'ref', 'late']);
  });

  it('pages through ties on the sort value by case id', async () => {
    for (const id of ['t-3', 't-1', 't-2']) {
      await runSteps(arrangedGrensvlak(new CaseScript(f.log, id), '2025-05-01T08:00:00Z').slice(0, 1));
    }
    await f.caughtUp();
    const sort: CaseSort = { by: 'registeredAt', direction: 'desc' };
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = f.queries.listCases(ALL, { caseType: 'grensvlak', status: 'registered' }, sort, cursor, 2);
      pages.push(page.items.map((c) => c.caseId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['t-3', 't-2'], ['t-1']]);
  });
});
