import { SqliteEventStore } from '@casusregie/event-store';
import { openCaseReadModels } from '../open-case-read-models';
import { CaseLog, CaseScript, ORG, after, caughtUp, metadata, quietLogger } from '../testing';

describe('watchCandidates', () => {
  it('finds the cases with a deadline due within the window and the 18-/18+ cases whose birthday has come', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const readModels = openCaseReadModels({ store, filename: ':memory:', logger: quietLogger });
    try {
      await readModels.start();
      const log = new CaseLog(store);
      const t0 = '2026-03-02T08:00:00Z';
      // Discussion due 16 March (10 working days after registration).
      await new CaseScript(log, 'registered').register({}, t0);
      // Discussed (the discussion deadline closed), nothing else open.
      const discussed = new CaseScript(log, 'discussed');
      await discussed.register({}, t0);
      await discussed.acceptAtTriage(after(t0, 0, 1));
      await discussed.putOnAgenda('s1', '2026-03-04', after(t0, 0, 2));
      await discussed.discuss('s1', { needs: [] }, after(t0, 2));
      // A liaison answer due 11 March.
      const asked = new CaseScript(log, 'asked');
      await asked.register({}, t0);
      await asked.acceptAtTriage(after(t0, 0, 1));
      await asked.putOnAgenda('s1', '2026-03-04', after(t0, 0, 2));
      await asked.discuss('s1', { needs: [{ needId: 'n1', category: 'verpleging' }] }, after(t0, 2));
      await asked.propose('n1', 'r1', 'Zvw', ORG.zilverenKruis, after(t0, 2, 1));
      await asked.requestFinancier('r1', 'q1', after(t0, 2, 2));
      // An 18-/18+ case turning 18 on 1 June 2028: its milestones lie far ahead.
      await new CaseScript(log, 'later18').register(
        { caseType: 'transitie-18-min-18-plus', birthday18: '2028-06-01' },
        t0,
      );
      await caughtUp(readModels.runner, store);
      const q = readModels.queries;

      expect(q.watchCandidates({ dueOnOrBefore: '2026-03-10', birthdayOnOrBefore: '2026-03-08' })).toEqual(
        [],
      );
      expect(q.watchCandidates({ dueOnOrBefore: '2026-03-11', birthdayOnOrBefore: '2026-03-09' })).toEqual([
        { caseId: 'asked', version: await store.streamVersion('case-asked') },
      ]);
      // Registered (both) and not yet discussed: the discussion is due 16 March.
      expect(
        q
          .watchCandidates({ dueOnOrBefore: '2026-03-16', birthdayOnOrBefore: '2026-03-14' })
          .map((c) => c.caseId),
      ).toEqual(['asked', 'later18', 'registered']);
      // The birthday: found from its date even when no deadline of the case is due.
      const window = (birthdayOnOrBefore: string) =>
        q.watchCandidates({ dueOnOrBefore: '2026-03-12', birthdayOnOrBefore }).map((c) => c.caseId);
      expect(window('2028-05-31')).toEqual(['asked']);
      expect(window('2028-06-01')).toEqual(['asked', 'later18']);
      expect(() =>
        q.watchCandidates({ dueOnOrBefore: 'tomorrow', birthdayOnOrBefore: '2026-03-01' }),
      ).toThrow(RangeError);

      // Once the watcher noted the liaison answer missed (12 March), 'asked' has nothing more to note for that due
      // date, its only open deadline: no longer a candidate, however wide the window.
      await log.execute({
        type: 'WatchDeadlines',
        data: { caseId: 'asked', today: '2026-03-12', approachingWithinDays: 0 },
        metadata: { ...metadata('system', '2026-03-12T07:00:00.000Z', 'system'), userId: 'deadline-watcher' },
      });
      await caughtUp(readModels.runner, store);
      expect(window('2026-03-01')).toEqual([]);
      expect(
        q
          .watchCandidates({ dueOnOrBefore: '2026-03-16', birthdayOnOrBefore: '2026-03-01' })
          .map((c) => c.caseId),
      ).toEqual(['later18', 'registered']);
    } finally {
      await readModels.close();
      await store.close();
    }
  });
});
