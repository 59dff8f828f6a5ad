import { SqliteEventStore } from '@casusregie/event-store';
import { type CaseReadModelsHandle, openCaseReadModels } from './open-case-read-models';
import { CaseLog } from './testing/case-log';
import { CaseScript } from './testing/case-script';
import { arrangedGrensvlak, awaitingAnswer, runSteps } from './testing/journeys';
import { quietLogger } from './testing/runner-support';

describe('openCaseReadModels', () => {
  let store: SqliteEventStore;
  let handle: CaseReadModelsHandle;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    handle = openCaseReadModels({ store, filename: ':memory:', logger: quietLogger });
  });

  afterEach(async () => {
    await handle.close();
    await store.close();
  });

  it('replays a non-empty log in bulk on the first start, then runs live from the checkpoint', async () => {
    const log = new CaseLog(store);
    await runSteps(arrangedGrensvlak(new CaseScript(log, 'a'), '2025-03-03T08:00:00Z'));
    expect(handle.runner.status().state).toBe('idle');

    await handle.start();
    const head = await store.headPosition();
    expect(handle.runner.status()).toMatchObject({ state: 'running', checkpoint: head });
    expect(handle.queries.getCase('a')?.status).toBe('closed');

    const more = await runSteps(awaitingAnswer(new CaseScript(log, 'b'), '2025-03-04T08:00:00Z'));
    expect(await handle.runner.waitForPosition(more.lastGlobalPosition, 5_000)).toBe(true);
    expect(handle.queries.listCases({}, {}, { by: 'registeredAt' }).items.map((c) => c.caseId)).toEqual([
      'b',
      'a',
    ]);
  });

  it('starts at once on an empty log', async () => {
    await handle.start();
    expect(handle.runner.status().state).toBe('running');
    const registered = await new CaseScript(new CaseLog(store), 'x').register({}, '2025-03-03T08:00:00Z');
    expect(await handle.runner.waitForPosition(registered.lastGlobalPosition, 5_000)).toBe(true);
  });
});
