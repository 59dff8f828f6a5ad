import { createHs256Verifier } from './access-token-verifier';
import { AuthError } from './auth-error';
import { decodeJwt } from './jwt-compact';
import { MAX_EXPIRES_IN_SECONDS, signAccessToken } from './sign-access-token';
import { COORDINATOR, NOW, NOW_SECONDS, SECRET } from './test-support/jwt-factory';
import { verifyAccessToken } from './verify-access-token';

describe('signAccessToken', () => {
  it('signs a token that a verifier with the same secret accepts until it expires', async () => {
    const token = signAccessToken(COORDINATOR, SECRET, { expiresInSeconds: 600, now: NOW });
    const at = (seconds: number) =>
      createHs256Verifier({ secret: SECRET, clockSkewSeconds: 0, now: () => new Date(seconds * 1000) });
    await expect(verifyAccessToken(token, at(NOW_SECONDS + 599))).resolves.toEqual(COORDINATOR);
    await expect(verifyAccessToken(token, at(NOW_SECONDS + 600))).rejects.toMatchObject({
      code: 'auth.token-expired',
    });
  });

  it('writes the HS256 header, the principal claims, iat and exp, and iss/aud when given', () => {
    const token = signAccessToken(COORDINATOR, SECRET, {
      expiresInSeconds: 3600,
      now: new Date(NOW.getTime() + 999),
      issuer: 'casusregie-local',
      audience: 'casusregie',
    });
    const { header, payload } = decodeJwt(token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({
      ...COORDINATOR,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 3600,
      iss: 'casusregie-local',
      aud: 'casusregie',
    });
  });

  it('is accepted by a verifier that checks issuer and audience', async () => {
    const token = signAccessToken(COORDINATOR, SECRET, {
      expiresInSeconds: 60,
      issuer: 'local',
      audience: 'api',
    });
    const verifier = createHs256Verifier({ secret: SECRET, issuer: 'local', audience: 'api' });
    await expect(verifyAccessToken(token, verifier)).resolves.toEqual(COORDINATOR);
  });

  it('refuses to sign invalid claims', () => {
    const bad = { ...COORDINATOR, role: 'superuser' } as unknown as typeof COORDINATOR;
    expect(() => signAccessToken(bad, SECRET, { expiresInSeconds: 60 })).toThrow(AuthError);
    expect(() => signAccessToken({ ...COORDINATOR, tables: [] }, SECRET, { expiresInSeconds: 60 })).toThrow(
      /at least one table/,
    );
  });

  it.each([0, -1, 1.5, MAX_EXPIRES_IN_SECONDS + 1, Number.NaN])(
    'refuses expiresInSeconds %p',
    (expiresInSeconds) => {
      expect(() => signAccessToken(COORDINATOR, SECRET, { expiresInSeconds })).toThrow(/expiresInSeconds/);
    },
  );

  it('refuses a short secret and an invalid date', () => {
    expect(() => signAccessToken(COORDINATOR, 'x'.repeat(31), { expiresInSeconds: 60 })).toThrow(
      /at least 32 bytes/,
    );
    expect(() =>
      signAccessToken(COORDINATOR, SECRET, { expiresInSeconds: 60, now: new Date(Number.NaN) }),
    ).toThrow(/valid date/);
  });
});
