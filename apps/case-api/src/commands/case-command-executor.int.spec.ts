import { type CaseCommand, type CommandMetadata, type OrganisationRef, foldCase } from '@casusregie/domain';
import { type EventStore, SqliteEventStore } from '@casusregie/event-store';
import { ManualClock } from '../platform/clock';
import { ProblemError } from '../platform/problem-details';
import { type CaseCommandRequest, CaseCommandExecutor } from './case-command-executor';
import { caseStreamId } from './case-stream';
import { type IdempotencyRecord, type IdempotencyStore, InMemoryIdempotencyStore } from './idempotency-store';

const gemeente: OrganisationRef = { organisationId: 'GM0344', kind: 'gemeente', code: 'GM0344' };
const ggd: OrganisationRef = { organisationId: 'GGD-UTRECHT', kind: 'GGD', code: 'GGD-UTRECHT' };
const insurer: OrganisationRef = { organisationId: 'UZOVI-3311', kind: 'zorgverzekeraar', code: '3311' };
const actor = { userId: 'u-1', role: 'coordinator', organisationId: 'GM0344' } as const;

function request(
  caseId: string,
  build: (metadata: CommandMetadata) => CaseCommand,
  extra: Partial<CaseCommandRequest> = {},
): CaseCommandRequest {
  return { caseId, build, actor, correlationId: `corr-${Math.random()}`, ...extra };
}

const register = (caseId: string) =>
  request(caseId, (metadata) => ({
    type: 'RegisterCase',
    data: {
      caseId,
      caseType: 'overig',
      urgency: 'normaal',
      summary: 'Schulden en wonen.',
      subjectId: 's-1',
      tableId: 'mwt-utrecht',
      aanbrenger: gemeente,
      regiehouder: gemeente,
      serviceLevels: {
        discussionWorkingDays: 10,
        liaisonAnswerWorkingDays: 5,
        escalationDecisionWorkingDays: 10,
      },
    },
    metadata,
  }));

const addParty = (caseId: string, party: OrganisationRef, extra: Partial<CaseCommandRequest> = {}) =>
  request(
    caseId,
    (metadata) => ({ type: 'AddParty', data: { caseId, party, role: 'adviseur' }, metadata }),
    extra,
  );

/** An idempotency store that loses every record, as after a crash between the append and saving the key. */
class ForgetfulIdempotencyStore implements IdempotencyStore {
  async find(): Promise<IdempotencyRecord | undefined> {
    return undefined;
  }
  async save(): Promise<void> {}
  async close(): Promise<void> {}
}

async function parties(store: EventStore, caseId: string): Promise<string[]> {
  const state = foldCase(await store.readStream(caseStreamId(caseId)));
  return Object.keys(state.parties).sort();
}

describe('CaseCommandExecutor with folded cases cached between commands', () => {
  let store: SqliteEventStore;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const executor = (idempotency: IdempotencyStore = new InMemoryIdempotencyStore(), on: EventStore = store) =>
    new CaseCommandExecutor(on, idempotency, clock);

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  it('decides on the events another process appended after the cached version', async () => {
    const mine = executor();
    const other = executor();
    await mine.execute(register('c-1'));
    expect((await mine.execute(addParty('c-1', insurer))).version).toBe(2);
    expect((await other.execute(addParty('c-1', ggd))).version).toBe(3);

    // The cached state of `mine` is at version 2, where GGD is not a party yet: its append (expected version 2)
    // loses, and the command is decided again on version 3, where it is refused. Nothing of it is stored.
    await expect(mine.execute(addParty('c-1', ggd))).rejects.toMatchObject({ code: 'party-already-in-role' });
    expect(await store.streamVersion(caseStreamId('c-1'))).toBe(3);
    const response = await mine.execute(
      addParty('c-1', { ...ggd, organisationId: 'CIZ', kind: 'CIZ', code: 'CIZ' }),
    );
    expect(response).toMatchObject({ version: 4, position: 4 });
    expect(await parties(store, 'c-1')).toEqual(['CIZ', 'GGD-UTRECHT', 'GM0344', 'UZOVI-3311']);
  });

  it('decides on the cached state without reading the store when nobody else wrote', async () => {
    const mine = executor();
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', insurer));
    const versionReads = jest.spyOn(store, 'streamVersion');
    const streamReads = jest.spyOn(store, 'readStream');

    const response = await mine.execute(addParty('c-1', ggd));

    expect(response.version).toBe(3);
    expect(versionReads).not.toHaveBeenCalled();
    expect(streamReads).not.toHaveBeenCalled();
    expect(await parties(store, 'c-1')).toEqual(['GGD-UTRECHT', 'GM0344', 'UZOVI-3311']);
  });

  it('gives no 412 for an If-Match that only the cached state has not reached yet', async () => {
    const mine = executor();
    const other = executor();
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', insurer)); // mine caches version 2
    await other.execute(addParty('c-1', ggd)); // the case is at version 3

    const response = await mine.execute(
      addParty('c-1', { ...ggd, organisationId: 'CIZ', kind: 'CIZ', code: 'CIZ' }, { ifMatch: 3 }),
    );

    expect(response.version).toBe(4);
  });

  it('refuses on the cached state only after checking it against the store', async () => {
    const mine = executor();
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', insurer));
    const versionReads = jest.spyOn(store, 'streamVersion');

    await expect(mine.execute(addParty('c-1', insurer))).rejects.toMatchObject({
      code: 'party-already-in-role',
    });

    expect(versionReads).toHaveBeenCalledTimes(1);
    expect(await store.streamVersion(caseStreamId('c-1'))).toBe(2);
  });

  it('decides again on fresh state after a lost race', async () => {
    const other = executor();
    let race = false;
    // Another process appends between this executor's read and its append, once.
    const racing: EventStore = Object.create(store, {
      append: {
        value: async (...args: Parameters<EventStore['append']>) => {
          if (race) {
            race = false;
            await other.execute(addParty('c-1', ggd));
          }
          return store.append(...args);
        },
      },
    });
    const mine = executor(new InMemoryIdempotencyStore(), racing);
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', { ...ggd, organisationId: 'CIZ', kind: 'CIZ', code: 'CIZ' })); // cached at version 2
    race = true;
    const response = await mine.execute(addParty('c-1', insurer));
    expect(response.version).toBe(4);
    expect(await parties(store, 'c-1')).toEqual(['CIZ', 'GGD-UTRECHT', 'GM0344', 'UZOVI-3311']);
    const versions = (await store.readStream(caseStreamId('c-1'))).map((e) => e.streamVersion);
    expect(versions).toEqual([0, 1, 2, 3]);
  });

  it('answers a lost race with 412 when the client sent If-Match, and then knows the new version', async () => {
    const other = executor();
    const mine = executor();
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', insurer));
    await other.execute(addParty('c-1', ggd));
    await expect(
      mine.execute(
        addParty('c-1', { ...ggd, code: 'CIZ', kind: 'CIZ', organisationId: 'CIZ' }, { ifMatch: 2 }),
      ),
    ).rejects.toBeInstanceOf(ProblemError);
    expect(
      (
        await mine.execute(
          addParty('c-1', { ...ggd, code: 'CIZ', kind: 'CIZ', organisationId: 'CIZ' }, { ifMatch: 3 }),
        )
      ).version,
    ).toBe(4);
  });

  it('answers a retried Idempotency-Key from the log when its record was lost, also with a warm cache', async () => {
    const mine = executor(new ForgetfulIdempotencyStore());
    await mine.execute(register('c-1'));
    const idempotency = { key: 'retry-key-1', requestHash: 'h1' };
    const first = await mine.execute(addParty('c-1', insurer, { idempotency }));
    await mine.execute(addParty('c-1', ggd));

    const retried = await mine.execute(addParty('c-1', insurer, { idempotency }));
    expect(retried).toEqual(first);
    expect((await store.readStream(caseStreamId('c-1'))).length).toBe(3);
  });

  it('stores the same events as without a cache: a fresh executor folds the stream to the same state', async () => {
    const mine = executor();
    await mine.execute(register('c-1'));
    await mine.execute(addParty('c-1', insurer));
    await mine.execute(addParty('c-1', ggd));
    const cached = await (mine as unknown as { load(id: string): Promise<{ state: unknown }> }).load(
      caseStreamId('c-1'),
    );
    expect(cached.state).toEqual(foldCase(await store.readStream(caseStreamId('c-1'))));
  });
});
