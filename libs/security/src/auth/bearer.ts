import { AuthError } from './auth-error';

/** The token of an `Authorization: Bearer <token>` header (RFC 6750; the scheme is case-insensitive). */
export function bearerToken(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') {
    throw new AuthError('auth.token-missing', 'No Authorization header with a bearer token was given');
  }
  if (Array.isArray(authorization)) {
    throw new AuthError('auth.token-malformed', 'More than one Authorization header was given');
  }
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization);
  if (match === null) {
    throw new AuthError(
      'auth.token-malformed',
      'The Authorization header is not of the form "Bearer <token>"',
    );
  }
  return match[1];
}
