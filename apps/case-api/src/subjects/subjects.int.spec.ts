import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MasterKey, SubjectKeyStore } from '@casusregie/security';
import {
  decryptField,
  FieldDecryptionError,
  MasterKeyError,
  SqliteSubjectKeyStore,
  SubjectErasedError,
} from '@casusregie/security';
import type { StoredEvent } from '@casusregie/event-store';
import {
  call,
  startTestApi,
  testAuthenticator,
  testDirectory,
  testToken,
  type TestApi,
} from '../../test-support/test-api';
import type { CaseApiOptions } from '../case-api.module';
import { MASTER_KEY, SUBJECT_KEY_STORE, subjectKeyProviders } from './subject-keys';
import {
  accessLogStreamId,
  PERSONAL_DATA_READ,
  SUBJECT_LINKED_TO_CASE,
  SUBJECT_REGISTERED,
  type SubjectRegisteredData,
  subjectStreamId,
} from './subject-streams';

const coordinator = testToken({
  sub: 'u-coord',
  role: 'coordinator',
  org: 'GM0344',
  tables: ['mwt-utrecht'],
});
const sameOrgOtherUser = testToken({
  sub: 'u-coord-2',
  role: 'coordinator',
  org: 'GM0344',
  tables: ['mwt-utrecht'],
});
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: '3311' });
const auditor = testToken({ role: 'auditor', org: 'AUDIT' });
const admin = testToken({ role: 'admin', org: 'BEHEER' });

const minimalOptions = (dataDir: string): CaseApiOptions => ({
  dataDir,
  authenticator: testAuthenticator,
  directory: testDirectory,
});

const UNICODE_NAME = 'Zoë Çelik-Øyen 李小龍 🌷';
const BSN = '999990019';
const BIRTH_DATE = '2008-12-02';
const client = () => ({ name: UNICODE_NAME, bsn: BSN, birthDate: BIRTH_DATE });
const PURPOSE = 'voorbereiding maatwerktafel';

async function registerSubject(api: TestApi, body: object = client(), token = coordinator) {
  const response = await call(api, 'POST', '/subjects', { token, body });
  expect(response.status).toBe(201);
  return response.body.subjectId as string;
}

async function registerCase(api: TestApi, subjectId: string, token = coordinator, tableId = 'mwt-utrecht') {
  const response = await call(api, 'POST', '/cases', {
    token,
    body: {
      caseType: 'moeilijk-plaatsbaar',
      urgency: 'hoog',
      summary: 'Geen passend aanbod na ontslag uit kliniek.',
      subjectId,
      tableId,
      aanbrengerCode: tableId === 'mwt-utrecht' ? 'GM0344' : 'GM0355',
      regiehouderCode: tableId === 'mwt-utrecht' ? 'GM0344' : 'GM0355',
    },
  });
  expect(response.status).toBe(201);
  return response.body.caseId as string;
}

function readSubject(api: TestApi, subjectId: string, token = coordinator, purpose = PURPOSE) {
  return call(api, 'GET', `/subjects/${subjectId}`, { token, headers: { 'x-purpose': purpose } });
}

async function allEvents(api: TestApi): Promise<StoredEvent[]> {
  return (await api.store.readAll({ fromPosition: 0, maxCount: 10_000 })).events;
}

async function streamEvents(api: TestApi, streamId: string): Promise<StoredEvent[]> {
  return (await api.store.streamExists(streamId)) ? api.store.readStream(streamId) : [];
}

/** Every spelling of the client's data that must never be stored or answered in plaintext. */
const PLAINTEXTS = [
  UNICODE_NAME,
  JSON.stringify(UNICODE_NAME).slice(1, -1),
  'Çelik',
  '李小龍',
  BSN,
  BIRTH_DATE,
  '02-12-2008',
];

function expectNoPlaintext(text: string): void {
  for (const plaintext of PLAINTEXTS) expect(text).not.toContain(plaintext);
}

describe('subjects: registering and reading a client over HTTP', () => {
  let api: TestApi;
  beforeEach(async () => (api = await startTestApi()));
  afterEach(() => api.close());

  it('registers a client: 201 with Location and an opaque id, one event with only ciphertext and ids', async () => {
    const response = await call(api, 'POST', '/subjects', { token: coordinator, body: client() });
    expect(response.status).toBe(201);
    const subjectId = response.body.subjectId as string;
    expect(subjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(response.body).toEqual({ subjectId });
    expect(response.headers.get('location')).toBe(`/subjects/${subjectId}`);

    const events = await allEvents(api);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.streamId).toBe(subjectStreamId(subjectId));
    expect(event.type).toBe(SUBJECT_REGISTERED);
    const data = event.data as SubjectRegisteredData;
    expect(data.subjectId).toBe(subjectId);
    expect(data.registeredBy).toEqual({ organisationId: 'GM0344', tableIds: ['mwt-utrecht'] });
    expect(Object.keys(data.encrypted).sort()).toEqual(['birthDate', 'bsn', 'name']);
    const ivs = Object.values(data.encrypted).map((sealed) => {
      expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/);
      return sealed.split('.')[1];
    });
    expect(new Set(ivs).size).toBe(3); // a fresh IV per field
    expect(event.metadata.actor).toEqual({
      userId: 'u-coord',
      role: 'coordinator',
      organisationId: 'GM0344',
    });
    expectNoPlaintext(JSON.stringify(event));
  });

  it('a coordinator of the case table reads the values back exactly (Unicode name, 9-digit BSN)', async () => {
    // An 8-digit BSN is one whose leading zero was dropped; it comes back as 9 digits.
    const subjectId = await registerSubject(api, { ...client(), bsn: '12345672' });
    await registerCase(api, subjectId);
    const response = await readSubject(api, subjectId);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      subjectId,
      name: UNICODE_NAME,
      bsn: '012345672',
      birthDate: BIRTH_DATE,
    });
  });

  it('links the subject to each case registered for it, once per case', async () => {
    const subjectId = await registerSubject(api);
    const caseId = await registerCase(api, subjectId);
    const links = (await api.store.readStream(subjectStreamId(subjectId))).filter(
      (e) => e.type === SUBJECT_LINKED_TO_CASE,
    );
    expect(links.map((e) => e.data)).toEqual([
      { subjectId, caseId, tableId: 'mwt-utrecht', occurredAt: '2026-03-02T09:00:00.000Z' },
    ]);
  });

  it('stores no plaintext name, BSN or birth date: not in any event (data or metadata), nor in any file', async () => {
    const subjectId = await registerSubject(api);
    await registerCase(api, subjectId);
    expect((await readSubject(api, subjectId)).status).toBe(200);
    await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: client(),
      headers: { 'idempotency-key': 'subject-0001' },
    });

    const events = await allEvents(api);
    expect(events.map((e) => e.type)).toEqual([
      SUBJECT_REGISTERED,
      'casus.CaseRegistered.v1',
      SUBJECT_LINKED_TO_CASE,
      PERSONAL_DATA_READ,
      SUBJECT_REGISTERED,
    ]);
    // Stream id, type, data and metadata alike.
    for (const event of events) expectNoPlaintext(JSON.stringify(event));
    // The data directory: master key, key store (wrapped keys), idempotency store.
    const masterKey = api.app.get<MasterKey>(MASTER_KEY);
    const dataDir = dirname(masterKey.path!);
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['master.key', 'keys.sqlite']));
    for (const file of files) {
      const bytes = readFileSync(join(dataDir, file));
      for (const plaintext of PLAINTEXTS) {
        expect(bytes.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
      }
    }
  });

  it('writes the read to the access log (actor, subject, purpose, fields, time) before answering', async () => {
    const subjectId = await registerSubject(api);
    await registerCase(api, subjectId);
    expect(await streamEvents(api, accessLogStreamId(subjectId))).toEqual([]);

    api.clock.set('2026-03-04T10:15:00.000Z');
    const response = await readSubject(api, subjectId);
    expect(response.status).toBe(200);
    const log = await api.store.readStream(accessLogStreamId(subjectId));
    expect(log).toHaveLength(1);
    expect(log[0].type).toBe(PERSONAL_DATA_READ);
    expect(log[0].data).toEqual({
      actor: { userId: 'u-coord', role: 'coordinator', organisationId: 'GM0344' },
      subjectId,
      purpose: PURPOSE,
      at: '2026-03-04T10:15:00.000Z',
      fields: ['name', 'bsn', 'birthDate'],
    });
    expect(log[0].metadata.actor).toEqual({
      userId: 'u-coord',
      role: 'coordinator',
      organisationId: 'GM0344',
    });
    expect(log[0].metadata.correlationId).toEqual(expect.any(String));
    expectNoPlaintext(JSON.stringify(log[0]));

    // The purpose may come as a query parameter instead; each read is one more entry.
    const byQuery = await call(
      api,
      'GET',
      `/subjects/${subjectId}?purpose=${encodeURIComponent('overleg regiehouder')}`,
      {
        token: coordinator,
      },
    );
    expect(byQuery.status).toBe(200);
    const entries = await api.store.readStream(accessLogStreamId(subjectId));
    expect(entries.map((e) => (e.data as { purpose: string }).purpose)).toEqual([
      PURPOSE,
      'overleg regiehouder',
    ]);
  });

  it('returns no personal data when the access log cannot be written', async () => {
    const subjectId = await registerSubject(api);
    await registerCase(api, subjectId);
    const append = api.store.append.bind(api.store);
    api.store.append = async (streamId, events, expected) => {
      if (streamId.startsWith('accesslog-')) throw new Error('the disk is full');
      return append(streamId, events, expected);
    };
    try {
      const response = await readSubject(api, subjectId);
      expect(response.status).toBe(500);
      expectNoPlaintext(JSON.stringify(response.body));
    } finally {
      api.store.append = append;
    }
  });

  it('requires a purpose: missing, blank or holding personal data is 400 naming purpose; nothing is logged', async () => {
    const subjectId = await registerSubject(api);
    await registerCase(api, subjectId);
    const head = await api.store.headPosition();

    const missing = await call(api, 'GET', `/subjects/${subjectId}`, { token: coordinator });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.errors).toEqual([{ field: 'purpose', messages: ['purpose is required'] }]);

    expect((await readSubject(api, subjectId, coordinator, '   ')).status).toBe(400);
    const withBsn = await readSubject(api, subjectId, coordinator, `controle ${BSN}`);
    expect(withBsn.status).toBe(400);
    expect((withBsn.body.errors as Array<{ field: string }>)[0].field).toBe('purpose');
    expect(JSON.stringify(withBsn.body)).not.toContain(BSN);
    const twice = await call(api, 'GET', `/subjects/${subjectId}?purpose=a&purpose=b`, {
      token: coordinator,
    });
    expect(twice.status).toBe(400);
    const conflicting = await call(api, 'GET', `/subjects/${subjectId}?purpose=overleg`, {
      token: coordinator,
      headers: { 'x-purpose': 'iets anders' },
    });
    expect(conflicting.status).toBe(400);

    expect(await api.store.headPosition()).toBe(head);
  });

  it('shows the data to nobody else: other table 404, liaison/auditor/admin 403, registrar without a case 404', async () => {
    const subjectId = await registerSubject(api);
    // Registered, but no case yet: not even the registering coordinator reads it back.
    expect((await readSubject(api, subjectId)).status).toBe(404);
    await registerCase(api, subjectId);
    const head = await api.store.headPosition();

    const otherTable = await readSubject(api, subjectId, otherTableCoordinator);
    expect(otherTable.status).toBe(404);
    expect(otherTable.body.code).toBe('subject-not-found');
    const unknown = await readSubject(api, '7d444840-9dc0-11d1-b245-5ffdce74fad2');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(otherTable.body.code);
    expect(unknown.body.detail).toBe(otherTable.body.detail);

    for (const token of [liaison, auditor, admin]) {
      const response = await readSubject(api, subjectId, token);
      expect(response.status).toBe(403);
      expectNoPlaintext(JSON.stringify(response.body));
    }
    expect(
      (await call(api, 'GET', `/subjects/${subjectId}`, { headers: { 'x-purpose': PURPOSE } })).status,
    ).toBe(401);
    expect((await readSubject(api, 'not-a-uuid')).status).toBe(400);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('only coordinators register clients', async () => {
    for (const token of [liaison, auditor, admin]) {
      expect((await call(api, 'POST', '/subjects', { token, body: client() })).status).toBe(403);
    }
    expect((await call(api, 'POST', '/subjects', { body: client() })).status).toBe(401);
    expect(await api.store.headPosition()).toBe(0);
  });

  it('refuses an invalid BSN with 400 naming bsn, without echoing it, and stores nothing', async () => {
    const response = await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: { ...client(), bsn: '999990018' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['bsn']);
    expect(JSON.stringify(response.body)).not.toContain('999990018');
    expectNoPlaintext(JSON.stringify(response.body));
    expect(await api.store.headPosition()).toBe(0);
  });

  it.each([
    ['bsn', { bsn: '12345678' }],
    ['bsn', { bsn: '1234 5678 2' }],
    ['bsn', { bsn: 123456782 }],
    ['bsn', { bsn: '000000000' }],
    ['birthDate', { birthDate: '2010-02-30' }],
    ['birthDate', { birthDate: '2010-2-3' }],
    ['birthDate', { birthDate: '2010-02-03T00:00:00Z' }],
    ['birthDate', { birthDate: '1899-12-31' }],
    ['birthDate', { birthDate: '2026-03-03' }],
    ['name', { name: '' }],
    ['name', { name: ' Zoë' }],
    ['name', { name: 'Zoë\nÇelik' }],
    ['name', { name: 'x'.repeat(201) }],
    ['name', { name: 'Zo\ud800ë' }],
    ['name', { name: ['Zoë'] }],
  ])('refuses a bad %s (%j) with 400 naming it, and stores nothing', async (field, change) => {
    const response = await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: { ...client(), ...change },
    });
    expect(response.status).toBe(400);
    expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([field]);
    expectNoPlaintext(JSON.stringify(response.body));
    expect(await api.store.headPosition()).toBe(0);
  });

  it('refuses missing and unknown fields, and accepts a birth date of today and a 200-character name', async () => {
    const missing = await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: { name: UNICODE_NAME },
    });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'birthDate',
      'bsn',
    ]);
    const extra = await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: { ...client(), address: 'Straat 1' },
    });
    expect(extra.status).toBe(400);
    expect((extra.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['address']);
    expect(await api.store.headPosition()).toBe(0);

    // The clock says 2026-03-02T09:00Z, which is 2 March in the Netherlands.
    await registerSubject(api, { ...client(), birthDate: '2026-03-02', name: 'ß'.repeat(200) });
  });

  it('honours Idempotency-Key: same key and body give the same subject once; other data is 422', async () => {
    const headers = { 'idempotency-key': 'subject-0001' };
    const first = await call(api, 'POST', '/subjects', { token: coordinator, body: client(), headers });
    expect(first.status).toBe(201);
    const head = await api.store.headPosition();
    const again = await call(api, 'POST', '/subjects', { token: coordinator, body: client(), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await api.store.headPosition()).toBe(head);

    const other = await call(api, 'POST', '/subjects', {
      token: coordinator,
      body: { ...client(), name: 'Iemand Anders' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(await api.store.headPosition()).toBe(head);

    // The key is the caller's own: another user's same key is another subject.
    const otherUser = await call(api, 'POST', '/subjects', {
      token: sameOrgOtherUser,
      body: client(),
      headers,
    });
    expect(otherUser.status).toBe(201);
    expect(otherUser.body.subjectId).not.toBe(first.body.subjectId);
  });

  it('a retry after a crash between creating the key and appending the event completes the registration', async () => {
    const headers = { 'idempotency-key': 'subject-crash-01' };
    const append = api.store.append.bind(api.store);
    api.store.append = async () => {
      throw new Error('crash before the append');
    };
    try {
      expect(
        (await call(api, 'POST', '/subjects', { token: coordinator, body: client(), headers })).status,
      ).toBe(500);
    } finally {
      api.store.append = append;
    }
    expect(await api.store.headPosition()).toBe(0);
    const retry = await call(api, 'POST', '/subjects', { token: coordinator, body: client(), headers });
    expect(retry.status).toBe(201);
    const subjectId = retry.body.subjectId as string;
    await registerCase(api, subjectId);
    expect((await readSubject(api, subjectId)).body.name).toBe(UNICODE_NAME);
  });

  it('keeps subject keys in DATA_DIR/keys.sqlite under DATA_DIR/master.key, and closes the store on shutdown', async () => {
    const own = await startTestApi();
    const masterKey = own.app.get<MasterKey>(MASTER_KEY);
    expect(masterKey.source).toBe('file');
    const keys = own.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE);
    expect(keys).toBeInstanceOf(SqliteSubjectKeyStore);
    const subjectId = await registerSubject(own);
    await expect(keys.getKey(subjectId)).resolves.toMatchObject({ subjectId });
    await own.close();
    await expect(keys.getKey(subjectId)).rejects.toThrow(/not open/);
  });

  it('takes the master key from configuration when given (and then writes no master.key)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'casusregie-subjects-'));
    try {
      const masterKeyOf = (masterKey?: string) => {
        const providers = subjectKeyProviders({ ...minimalOptions(dataDir), masterKey });
        const provider = providers.find((p) => typeof p === 'object' && p.provide === MASTER_KEY) as {
          useFactory: () => MasterKey;
        };
        return provider.useFactory();
      };
      const configured = masterKeyOf(randomBytes(32).toString('base64'));
      expect(configured.source).toBe('configuration');
      expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
      expect(() => masterKeyOf('dG9vIHNob3J0')).toThrow(MasterKeyError);
      expect(masterKeyOf(undefined)).toMatchObject({ source: 'file', generated: true });
      expect(existsSync(join(dataDir, 'master.key'))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('after erasure (the subject key destroyed) GET is 410 and nothing decrypts anywhere', async () => {
    const subjectId = await registerSubject(api);
    await registerCase(api, subjectId);
    expect((await readSubject(api, subjectId)).status).toBe(200);
    const logged = (await api.store.readStream(accessLogStreamId(subjectId))).length;

    const keys = api.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE);
    await keys.destroyKey(subjectId);

    const response = await readSubject(api, subjectId);
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('subject-erased');
    expectNoPlaintext(JSON.stringify(response.body));
    // A coordinator of another table still learns nothing, not even that the subject was erased.
    expect((await readSubject(api, subjectId, otherTableCoordinator)).status).toBe(404);
    // No read happened, so nothing was logged.
    expect(await api.store.readStream(accessLogStreamId(subjectId))).toHaveLength(logged);

    // Nothing decrypts: the key store refuses the key, also to a second process on the same file, and the
    // stored ciphertext does not open under another subject's key.
    await expect(keys.getKey(subjectId)).rejects.toBeInstanceOf(SubjectErasedError);
    const masterKey = api.app.get<MasterKey>(MASTER_KEY);
    const secondProcess = new SqliteSubjectKeyStore({
      filename: join(dirname(masterKey.path!), 'keys.sqlite'),
      masterKey,
    });
    try {
      await expect(secondProcess.getKey(subjectId)).rejects.toBeInstanceOf(SubjectErasedError);
    } finally {
      secondProcess.close();
    }
    const [registered] = await api.store.readStream(subjectStreamId(subjectId));
    const { encrypted } = registered.data as SubjectRegisteredData;
    const otherSubjectId = await registerSubject(api);
    const otherKey = await keys.getKey(otherSubjectId);
    expect(() =>
      decryptField({ ...otherKey, subjectId }, encrypted.name, { subjectId, field: 'name' }),
    ).toThrow(FieldDecryptionError);
  });
});
