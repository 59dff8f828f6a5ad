import { createHs256Verifier } from './access-token-verifier';
import { AuthError, type AuthErrorCode } from './auth-error';
import { MAX_TOKEN_LENGTH } from './jwt-compact';
import {
  COORDINATOR,
  craftJwt,
  hmacSigner,
  NOW,
  NOW_SECONDS,
  SECRET,
  validPayload,
} from './test-support/jwt-factory';
import { verifyAccessToken } from './verify-access-token';

const HEADER = { alg: 'HS256', typ: 'JWT' };

function verifierAt(
  seconds = NOW_SECONDS,
  options: { issuer?: string; audience?: string; clockSkewSeconds?: number } = {},
) {
  return createHs256Verifier({ secret: SECRET, now: () => new Date(seconds * 1000), ...options });
}

const hs256 = (payload: Record<string, unknown>, header: Record<string, unknown> = HEADER) =>
  craftJwt(header, payload, hmacSigner(SECRET));

async function refusal(token: string | undefined, verifier = verifierAt()): Promise<AuthError> {
  try {
    await verifyAccessToken(token, verifier);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('the token was accepted');
}

async function expectCode(
  token: string | undefined,
  code: AuthErrorCode,
  verifier = verifierAt(),
): Promise<void> {
  const error = await refusal(token, verifier);
  expect(error.code).toBe(code);
  expect(error.status).toBe(401);
}

describe('verifyAccessToken (HS256)', () => {
  it('returns the principal of a valid token', async () => {
    await expect(verifyAccessToken(hs256(validPayload()), verifierAt())).resolves.toEqual(COORDINATOR);
  });

  it('accepts the JWT access-token type (RFC 9068) and a token without typ', async () => {
    await expect(
      verifyAccessToken(hs256(validPayload(), { alg: 'HS256', typ: 'at+jwt' }), verifierAt()),
    ).resolves.toEqual(COORDINATOR);
    await expect(verifyAccessToken(hs256(validPayload(), { alg: 'HS256' }), verifierAt())).resolves.toEqual(
      COORDINATOR,
    );
  });

  it.each([undefined, null, '', '   '])('refuses a missing token (%p)', async (token) => {
    await expectCode(token as string | undefined, 'auth.token-missing');
  });

  it('refuses a token that is not a string (from an unchecked caller)', async () => {
    await expectCode(42 as unknown as string, 'auth.token-malformed');
  });

  describe('malformed tokens', () => {
    const good = hs256(validPayload());
    const [header, payload, signature] = good.split('.');
    it.each([
      ['one part', 'abc'],
      ['two parts', `${header}.${payload}`],
      ['four parts', `${good}.abc`],
      ['a header that is not base64url', `${header}!.${payload}.${signature}`],
      ['an empty header', `.${payload}.${signature}`],
      ['a header that is not JSON', `${Buffer.from('{alg').toString('base64url')}.${payload}.${signature}`],
      [
        'a payload that is a JSON array',
        `${header}.${Buffer.from('[1]').toString('base64url')}.${signature}`,
      ],
      [
        'a payload that is not UTF-8',
        `${header}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.${signature}`,
      ],
      ['a signature with padding', `${good}=`],
      ['a signature in standard base64', `${header}.${payload}.${signature.replace(/[-_]/g, '+')}+/`],
      ['a token longer than the limit', `${header}.${'A'.repeat(MAX_TOKEN_LENGTH)}.${signature}`],
    ])('refuses %s', async (_name, token) => {
      await expectCode(token, 'auth.token-malformed');
    });

    it('refuses a non-canonical base64url signature (unused trailing bits set)', async () => {
      const last = signature.at(-1) as string;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // A 32-byte signature is 43 characters: the last one carries 2 unused bits.
      const twin = alphabet[alphabet.indexOf(last) ^ 1];
      await expectCode(`${header}.${payload}.${signature.slice(0, -1)}${twin}`, 'auth.token-malformed');
    });

    it('refuses critical header extensions and a non-JWT typ', async () => {
      await expectCode(
        hs256(validPayload(), { ...HEADER, crit: ['b64'], b64: false }),
        'auth.token-malformed',
      );
      await expectCode(hs256(validPayload(), { ...HEADER, typ: 'dpop+jwt' }), 'auth.token-malformed');
      await expectCode(hs256(validPayload(), { ...HEADER, kid: 42 }), 'auth.token-malformed');
    });
  });

  describe('algorithm', () => {
    it('refuses an unsigned token (alg none), with or without a signature part', async () => {
      await expectCode(craftJwt({ alg: 'none', typ: 'JWT' }, validPayload()), 'auth.algorithm-not-allowed');
      await expectCode(
        craftJwt({ alg: 'none' }, validPayload(), hmacSigner(SECRET)),
        'auth.algorithm-not-allowed',
      );
      await expectCode(craftJwt({ alg: 'None' }, validPayload()), 'auth.algorithm-not-allowed');
    });

    it.each(['RS256', 'HS512', 'HS384', 'ES256', 'hs256', undefined])(
      'refuses alg %p when HS256 is configured',
      async (alg) => {
        await expectCode(hs256(validPayload(), { typ: 'JWT', alg }), 'auth.algorithm-not-allowed');
      },
    );
  });

  describe('signature', () => {
    it('refuses a token signed with another secret', async () => {
      const token = craftJwt(HEADER, validPayload(), hmacSigner('another-secret-that-is-at-least-32-bytes'));
      await expectCode(token, 'auth.signature-invalid');
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const [header, , signature] = hs256(validPayload()).split('.');
      const forged = Buffer.from(JSON.stringify(validPayload({ role: 'auditor' }))).toString('base64url');
      await expectCode(`${header}.${forged}.${signature}`, 'auth.signature-invalid');
    });

    it('refuses a truncated signature and an empty one', async () => {
      const token = hs256(validPayload());
      // 40 of 43 characters: 30 whole bytes, so the shorter signature is still canonical base64url.
      await expectCode(token.slice(0, -3), 'auth.signature-invalid');
      await expectCode(token.slice(0, token.lastIndexOf('.') + 1), 'auth.signature-invalid');
    });

    it('checks the signature before the claims, so forged tokens learn nothing about claim rules', async () => {
      const token = craftJwt(
        HEADER,
        { role: 'superuser' },
        hmacSigner('another-secret-that-is-at-least-32-bytes'),
      );
      await expectCode(token, 'auth.signature-invalid');
    });
  });

  describe('time', () => {
    const exp = NOW_SECONDS + 3600;
    const token = hs256(validPayload({ exp }));

    it('requires exp', async () => {
      await expectCode(hs256(validPayload({ exp: undefined })), 'auth.claims-invalid');
      await expectCode(hs256(validPayload({ exp: String(exp) })), 'auth.claims-invalid');
      await expectCode(hs256(validPayload({ exp: -1 })), 'auth.claims-invalid');
    });

    it('accepts a token until exp plus the clock skew, and refuses it from then on', async () => {
      await expect(verifyAccessToken(token, verifierAt(exp + 29))).resolves.toEqual(COORDINATOR);
      await expect(verifyAccessToken(token, verifierAt(exp + 29.999))).resolves.toEqual(COORDINATOR);
      await expectCode(token, 'auth.token-expired', verifierAt(exp + 30));
      await expectCode(token, 'auth.token-expired', verifierAt(exp + 86_400));
    });

    it('uses the configured clock skew', async () => {
      await expectCode(token, 'auth.token-expired', verifierAt(exp, { clockSkewSeconds: 0 }));
      await expect(verifyAccessToken(token, verifierAt(exp - 1, { clockSkewSeconds: 0 }))).resolves.toEqual(
        COORDINATOR,
      );
    });

    it('respects nbf with the skew', async () => {
      const notBefore = hs256(validPayload({ nbf: NOW_SECONDS + 60 }));
      await expectCode(notBefore, 'auth.token-not-yet-valid');
      await expect(verifyAccessToken(notBefore, verifierAt(NOW_SECONDS + 30))).resolves.toEqual(COORDINATOR);
      await expectCode(hs256(validPayload({ nbf: 'soon' })), 'auth.claims-invalid');
    });

    it('refuses a token issued in the future beyond the skew', async () => {
      await expectCode(hs256(validPayload({ iat: NOW_SECONDS + 31 })), 'auth.token-not-yet-valid');
      await expect(
        verifyAccessToken(hs256(validPayload({ iat: NOW_SECONDS + 30 })), verifierAt()),
      ).resolves.toEqual(COORDINATOR);
      await expect(verifyAccessToken(hs256(validPayload({ iat: undefined })), verifierAt())).resolves.toEqual(
        COORDINATOR,
      );
    });
  });

  describe('issuer and audience', () => {
    const verifier = verifierAt(NOW_SECONDS, { issuer: 'https://idp.example', audience: 'casusregie' });

    it('accepts the configured issuer and an audience given as a string or in an array', async () => {
      for (const aud of ['casusregie', ['other', 'casusregie']]) {
        const token = hs256(validPayload({ iss: 'https://idp.example', aud }));
        await expect(verifyAccessToken(token, verifier)).resolves.toEqual(COORDINATOR);
      }
    });

    it.each([
      ['another issuer', { iss: 'https://evil.example', aud: 'casusregie' }],
      ['no issuer', { aud: 'casusregie' }],
      ['another audience', { iss: 'https://idp.example', aud: 'other' }],
      ['no audience', { iss: 'https://idp.example' }],
      ['an audience of the wrong type', { iss: 'https://idp.example', aud: { casusregie: true } }],
    ])('refuses %s', async (_name, claims) => {
      await expectCode(hs256(validPayload(claims)), 'auth.claims-invalid', verifier);
    });

    it('ignores iss and aud when none is configured', async () => {
      await expect(
        verifyAccessToken(hs256(validPayload({ iss: 'x', aud: 'y' })), verifierAt()),
      ).resolves.toEqual(COORDINATOR);
    });
  });

  describe('principal claims', () => {
    it.each([
      ['an unknown role', { role: 'superuser' }],
      ['a role in another case', { role: 'Coordinator' }],
      ['no role', { role: undefined }],
      ['no sub', { sub: undefined }],
      ['an empty sub', { sub: '' }],
      ['a sub with a line break', { sub: 'u-1\nadmin' }],
      ['no name', { name: undefined }],
      ['a name that is not a string', { name: 42 }],
      ['a name that is too long', { name: 'x'.repeat(201) }],
      ['no org', { org: undefined }],
      ['an org with spaces', { org: 'GM 0344' }],
      ['tables that are not an array', { tables: 'mwt-utrecht' }],
      ['a table id that is not a string', { tables: ['mwt-utrecht', 7] }],
      ['a repeated table', { tables: ['mwt-utrecht', 'mwt-utrecht'] }],
      ['a coordinator without tables', { tables: [] }],
      ['no tables at all', { tables: undefined }],
    ])('refuses %s', async (_name, claims) => {
      await expectCode(hs256(validPayload(claims)), 'auth.claims-invalid');
    });

    it('accepts the other roles, with or without tables, and keeps only the principal claims', async () => {
      for (const role of ['liaison', 'auditor', 'admin']) {
        const token = hs256(validPayload({ role, org: '3311', tables: [], jti: 'x', scope: 'openid' }));
        await expect(verifyAccessToken(token, verifierAt())).resolves.toEqual({
          sub: 'u-1',
          name: COORDINATOR.name,
          role,
          org: '3311',
          tables: [],
        });
      }
    });

    it('returns a frozen table list', async () => {
      const principal = await verifyAccessToken(hs256(validPayload()), verifierAt());
      expect(Object.isFrozen(principal.tables)).toBe(true);
    });
  });

  it('never puts the token or claim values in error messages', async () => {
    const secretish = 'Jansen-19850214-123456782';
    const tokens = [
      hs256(validPayload({ role: secretish })),
      hs256(validPayload({ sub: `${secretish}\n` })),
      hs256(validPayload({ exp: NOW_SECONDS - 100, name: secretish })),
      craftJwt({ alg: secretish }, validPayload({ name: secretish })),
      craftJwt(
        HEADER,
        validPayload({ name: secretish }),
        hmacSigner('another-secret-that-is-at-least-32-bytes'),
      ),
      hs256(validPayload({ name: secretish }), { ...HEADER, typ: secretish }),
    ];
    for (const token of tokens) {
      const error = await refusal(token);
      expect(error.message).not.toContain(secretish);
      expect(error.message).not.toContain(token.split('.')[1]);
      expect(JSON.stringify(error)).not.toContain(secretish);
    }
  });
});

describe('createHs256Verifier', () => {
  it('refuses a secret shorter than 32 bytes and a bad clock skew', () => {
    expect(() => createHs256Verifier({ secret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => createHs256Verifier({ secret: SECRET, clockSkewSeconds: 301 })).toThrow(/clockSkewSeconds/);
    expect(() => createHs256Verifier({ secret: SECRET, clockSkewSeconds: -1 })).toThrow(/clockSkewSeconds/);
    expect(() => createHs256Verifier({ secret: SECRET, issuer: ' ' })).toThrow(/issuer/);
  });

  it('reads the real clock when none is injected', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const token = hs256(validPayload({ iat: nowSeconds, exp: nowSeconds + 60 }));
    await expect(verifyAccessToken(token, createHs256Verifier({ secret: SECRET }))).resolves.toEqual(
      COORDINATOR,
    );
    await expectCode(hs256(validPayload()), 'auth.token-expired', createHs256Verifier({ secret: SECRET }));
    expect(NOW.getTime()).toBeLessThan(Date.now());
  });
});
