import { AuthError } from './auth-error';
import { hs256Key, hs256Sign } from './hs256';
import { encodeJwtPart } from './jwt-compact';
import { type Principal, principalClaimProblems } from './principal';
import { SecurityConfigError } from '../security-config-error';

/** Local tokens live at most 30 days. */
export const MAX_EXPIRES_IN_SECONDS = 30 * 24 * 3600;

export interface SignAccessTokenOptions {
  readonly expiresInSeconds: number;
  /** Issue time (default: the current time). */
  readonly now?: Date;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * Signs an HS256 access token for local use (development, tests, the token script). The claims are validated
 * with the same rules as verification, so a token this signs is always accepted by a matching verifier.
 */
export function signAccessToken(claims: Principal, secret: string, options: SignAccessTokenOptions): string {
  const problems = principalClaimProblems(claims as unknown as Record<string, unknown>);
  if (problems.length > 0)
    throw new AuthError('auth.claims-invalid', `Cannot sign invalid claims: ${problems.join('; ')}`);
  const { expiresInSeconds } = options;
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_EXPIRES_IN_SECONDS
  ) {
    throw new SecurityConfigError(`expiresInSeconds must be an integer from 1 to ${MAX_EXPIRES_IN_SECONDS}`);
  }
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!Number.isFinite(issuedAt)) throw new SecurityConfigError('now must be a valid date');
  const key = hs256Key(secret);
  const header = encodeJwtPart({ alg: 'HS256', typ: 'JWT' });
  const payload = encodeJwtPart({
    sub: claims.sub,
    name: claims.name,
    role: claims.role,
    org: claims.org,
    tables: [...claims.tables],
    iat: issuedAt,
    exp: issuedAt + expiresInSeconds,
    ...(options.issuer === undefined ? {} : { iss: options.issuer }),
    ...(options.audience === undefined ? {} : { aud: options.audience }),
  });
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${hs256Sign(key, signingInput).toString('base64url')}`;
}
