import { createRs256Verifier } from './access-token-verifier';
import { AuthError } from './auth-error';
import { FakeJwksEndpoint, rsaTestKey } from './test-support/fake-jwks';
import { COORDINATOR, craftJwt, hmacSigner, NOW, rsaSigner, validPayload } from './test-support/jwt-factory';
import { verifyAccessToken } from './verify-access-token';

const current = rsaTestKey('current');
const stranger = rsaTestKey('current');

function verifier(endpoint = new FakeJwksEndpoint([current.jwk])) {
  return createRs256Verifier({
    issuer: 'https://idp.example',
    audience: 'casusregie',
    now: () => NOW,
    jwks: { url: 'https://idp.example/jwks', fetch: endpoint.fetch },
  });
}

const claims = (overrides: Record<string, unknown> = {}) =>
  validPayload({ iss: 'https://idp.example', aud: 'casusregie', ...overrides });

async function codeOf(token: string, v = verifier()): Promise<string> {
  const error = await verifyAccessToken(token, v).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).code;
}

describe('verifyAccessToken (RS256 with JWKS)', () => {
  it('accepts a token signed with a published key', async () => {
    const token = craftJwt(
      { alg: 'RS256', typ: 'JWT', kid: 'current' },
      claims(),
      rsaSigner(current.privateKey),
    );
    await expect(verifyAccessToken(token, verifier())).resolves.toEqual(COORDINATOR);
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const token = craftJwt({ alg: 'RS256', kid: 'current' }, claims(), rsaSigner(stranger.privateKey));
    expect(await codeOf(token)).toBe('auth.signature-invalid');
  });

  it('refuses HS256 tokens, including one "signed" with the public key as HMAC secret (algorithm confusion)', async () => {
    const pem = current.publicKey.export({ format: 'pem', type: 'spki' });
    for (const secret of [pem, Buffer.from(JSON.stringify(current.jwk))]) {
      const token = craftJwt({ alg: 'HS256', kid: 'current' }, claims(), hmacSigner(secret));
      expect(await codeOf(token)).toBe('auth.algorithm-not-allowed');
    }
  });

  it('refuses alg none and other RSA algorithms', async () => {
    expect(await codeOf(craftJwt({ alg: 'none', kid: 'current' }, claims()))).toBe(
      'auth.algorithm-not-allowed',
    );
    const ps = craftJwt({ alg: 'PS256', kid: 'current' }, claims(), rsaSigner(current.privateKey));
    expect(await codeOf(ps)).toBe('auth.algorithm-not-allowed');
  });

  it('refuses a token whose kid is not published, after one refresh', async () => {
    const endpoint = new FakeJwksEndpoint([current.jwk]);
    const token = craftJwt({ alg: 'RS256', kid: 'unknown' }, claims(), rsaSigner(current.privateKey));
    expect(await codeOf(token, verifier(endpoint))).toBe('auth.signature-invalid');
    expect(endpoint.requests).toBe(1);
  });

  it('checks issuer, audience and expiry as for HS256', async () => {
    const sign = (payload: Record<string, unknown>) =>
      craftJwt({ alg: 'RS256', kid: 'current' }, payload, rsaSigner(current.privateKey));
    expect(await codeOf(sign(claims({ iss: 'https://evil.example' })))).toBe('auth.claims-invalid');
    expect(await codeOf(sign(claims({ aud: 'another-api' })))).toBe('auth.claims-invalid');
    expect(await codeOf(sign(claims({ exp: NOW.getTime() / 1000 - 60 })))).toBe('auth.token-expired');
  });

  it('refuses an RSA signature on a non-RSA key from a custom key source', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const custom = createRs256Verifier({ now: () => NOW, keys: { getKey: async () => ec.publicKey } });
    const token = craftJwt({ alg: 'RS256' }, claims(), rsaSigner(current.privateKey));
    expect(await codeOf(token, custom)).toBe('auth.signature-invalid');
  });
});
