import { type CaseFixture, NOW, emptyFixture, sixCases } from '../testing/case-fixture';
import { ORG } from '../testing/organisations';
import type { AccessFilter } from './access-filter';

/** What each insurer's liaison may see in the fixture: their own cases only. */
const OWN_CASES: Record<string, string[]> = {
  [ORG.zilverenKruis.organisationId]: ['gv-wait', 'mp-1'],
  [ORG.vgz.organisationId]: ['gv-arr', 'mp-2'],
  [ORG.cz.organisationId]: ['gv-dis'],
};

describe('access isolation between insurers', () => {
  let f: CaseFixture;

  beforeAll(async () => {
    f = await emptyFixture();
    await sixCases(f);
  });

  afterAll(() => f.close());

  describe.each(Object.entries(OWN_CASES))('a liaison of %s', (organisation, own) => {
    const access: AccessFilter = { organisation };

    it('lists only its own cases, whatever the filter, sort or page size', () => {
      for (const sort of ['registeredAt', 'updatedAt', 'urgency'] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = f.queries.listCases(access, { now: NOW }, { by: sort }, cursor, 1);
          seen.push(...page.items.map((c) => c.caseId));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.sort()).toEqual(own);
      }
      for (const other of Object.keys(OWN_CASES).filter((o) => o !== organisation)) {
        const items = f.queries.listCases(access, { organisationId: other }).items.map((c) => c.caseId);
        expect(items.every((id) => own.includes(id))).toBe(true);
      }
    });

    it('sees gaps and counts of its own cases only', () => {
      const gaps = f.queries.listGaps(access, NOW).items.map((g) => g.caseId);
      expect(gaps.every((id) => own.includes(id))).toBe(true);
      const counts = f.queries.stats(access, NOW);
      expect(counts.cases.total).toBe(own.length);
      const escalated = own.filter((id) => f.queries.getCase(id)!.escalations.length > 0).length;
      expect(counts.escalations.total).toBe(escalated);
      const refused = own.flatMap((id) =>
        f.queries.getCase(id)!.offers.filter((o) => o.status === 'refused'),
      );
      expect(counts.offerRefusals.total).toBe(refused.length);
    });
  });
});
