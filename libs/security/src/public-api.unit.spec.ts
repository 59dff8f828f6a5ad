import {
  actorOf,
  caseView,
  createHs256Verifier,
  InMemorySubjectKeyStore,
  parseBsn,
  PersonalDataCipher,
  personalDataAccess,
  signAccessToken,
  SubjectErasedError,
  verifyAccessToken,
} from './index';

describe('the public API, as the case API uses it', () => {
  it('authenticates, authorises, encrypts a subject and logs the read', async () => {
    const secret = 'a-configured-secret-of-at-least-32-bytes';
    const now = new Date('2026-03-10T09:00:00Z');
    const token = signAccessToken(
      { sub: 'u-1', name: 'Coördinator', role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] },
      secret,
      { expiresInSeconds: 3600, now },
    );
    const principal = await verifyAccessToken(token, createHs256Verifier({ secret, now: () => now }));
    expect(
      caseView(principal, { tableId: 'mwt-utrecht', partyOrganisationIds: [], askedOrganisationIds: [] }),
    ).toBe('full');

    const keys = new InMemorySubjectKeyStore();
    const cipher = new PersonalDataCipher(keys);
    await keys.createKey('subject-1');
    const bsn = await cipher.encrypt('subject-1', 'bsn', parseBsn('111222333'));
    await expect(cipher.decrypt('subject-1', 'bsn', bsn)).resolves.toBe('111222333');
    expect(
      personalDataAccess(principal, { subjectId: 'subject-1', purpose: 'aanmelding', fields: ['bsn'] }, now),
    ).toMatchObject({ actor: actorOf(principal), at: '2026-03-10T09:00:00.000Z' });

    await keys.destroyKey('subject-1');
    await expect(cipher.decrypt('subject-1', 'bsn', bsn)).rejects.toBeInstanceOf(SubjectErasedError);
  });
});
