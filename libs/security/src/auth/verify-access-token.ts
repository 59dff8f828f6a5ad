import { type KeyObject, verify } from 'node:crypto';
import type { AccessTokenVerifier } from './access-token-verifier';
import { AuthError } from './auth-error';
import { hs256Verify } from './hs256';
import { decodeJwt, type DecodedJwt } from './jwt-compact';
import { type Principal, principalFromClaims } from './principal';

/** `typ` values we accept when present (RFC 7519 and the RFC 9068 access-token profile). */
const ACCEPTED_TYPES = ['jwt', 'at+jwt', 'application/at+jwt'];

/**
 * Verifies a bearer access token and returns its principal. Checks, in order: form, the header's algorithm
 * against the one configured (nothing else, never `none`), the signature, exp/nbf/iat with the clock skew,
 * issuer and audience when configured, and the principal claims. Throws AuthError.
 */
export async function verifyAccessToken(
  token: string | undefined | null,
  verifier: AccessTokenVerifier,
): Promise<Principal> {
  if (token === undefined || token === null || (typeof token === 'string' && token.trim() === '')) {
    throw new AuthError('auth.token-missing', 'No access token was given');
  }
  if (typeof token !== 'string')
    throw new AuthError('auth.token-malformed', 'The access token is not a string');
  const jwt = decodeJwt(token);
  checkHeader(jwt.header, verifier);
  await checkSignature(jwt, verifier);
  checkTimes(jwt.payload, verifier);
  checkIssuerAndAudience(jwt.payload, verifier);
  return principalFromClaims(jwt.payload);
}

function checkHeader(header: Record<string, unknown>, verifier: AccessTokenVerifier): void {
  if (header.alg !== verifier.algorithm) {
    throw new AuthError('auth.algorithm-not-allowed', `Only ${verifier.algorithm} tokens are accepted`);
  }
  if (header.crit !== undefined) {
    throw new AuthError(
      'auth.token-malformed',
      'The token header has critical extensions this service does not support',
    );
  }
  if (
    header.typ !== undefined &&
    !(typeof header.typ === 'string' && ACCEPTED_TYPES.includes(header.typ.toLowerCase()))
  ) {
    throw new AuthError('auth.token-malformed', 'The token header "typ" is not a JWT type');
  }
  if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length > 256)) {
    throw new AuthError('auth.token-malformed', 'The token header "kid" is not a short string');
  }
}

async function checkSignature(jwt: DecodedJwt, verifier: AccessTokenVerifier): Promise<void> {
  let valid: boolean;
  if (verifier.algorithm === 'HS256') {
    valid = hs256Verify(verifier.key, jwt.signingInput, jwt.signature);
  } else {
    const key = await verifier.keys.getKey(jwt.header.kid as string | undefined);
    valid = key.asymmetricKeyType === 'rsa' && rsaSha256Verify(key, jwt.signingInput, jwt.signature);
  }
  if (!valid) throw new AuthError('auth.signature-invalid', 'The token signature is not valid');
}

function rsaSha256Verify(key: KeyObject, signingInput: string, signature: Buffer): boolean {
  try {
    return verify('RSA-SHA256', Buffer.from(signingInput, 'ascii'), key, signature);
  } catch {
    return false;
  }
}

function checkTimes(payload: Record<string, unknown>, verifier: AccessTokenVerifier): void {
  const now = verifier.now().getTime() / 1000;
  const skew = verifier.clockSkewSeconds;
  const exp = numericDate(payload, 'exp', true);
  const nbf = numericDate(payload, 'nbf', false);
  const iat = numericDate(payload, 'iat', false);
  if (now >= exp + skew) throw new AuthError('auth.token-expired', 'The token has expired');
  if (nbf !== undefined && now + skew < nbf) {
    throw new AuthError('auth.token-not-yet-valid', 'The token is not valid yet (nbf)');
  }
  if (iat !== undefined && now + skew < iat) {
    throw new AuthError('auth.token-not-yet-valid', 'The token was issued in the future (iat)');
  }
}

function numericDate(payload: Record<string, unknown>, claim: string, required: true): number;
function numericDate(payload: Record<string, unknown>, claim: string, required: false): number | undefined;
function numericDate(payload: Record<string, unknown>, claim: string, required: boolean): number | undefined {
  const value = payload[claim];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new AuthError(
      'auth.claims-invalid',
      `Token claim "${claim}" must be a NumericDate (seconds since 1970)`,
    );
  }
  return value;
}

function checkIssuerAndAudience(payload: Record<string, unknown>, verifier: AccessTokenVerifier): void {
  if (verifier.issuer !== undefined && payload.iss !== verifier.issuer) {
    throw new AuthError('auth.claims-invalid', 'The token was not issued by the expected issuer');
  }
  if (verifier.audience !== undefined) {
    const aud = payload.aud;
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
    if (!audiences.includes(verifier.audience)) {
      throw new AuthError('auth.claims-invalid', 'The token is not meant for this service (aud)');
    }
  }
}
