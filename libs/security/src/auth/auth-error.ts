import { SecurityError } from '../security-error';

export const AUTH_ERROR_CODES = [
  'auth.token-missing',
  'auth.token-malformed',
  'auth.algorithm-not-allowed',
  'auth.signature-invalid',
  'auth.token-expired',
  'auth.token-not-yet-valid',
  'auth.claims-invalid',
  /** The identity provider's keys could not be fetched: not the caller's fault (503, not 401). */
  'auth.keys-unavailable',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/**
 * Why a bearer token was refused. Messages say what is wrong in general terms and never quote the token, its
 * claims or its key id, so they are safe to return to the caller and to log.
 */
export class AuthError extends SecurityError {
  /** The HTTP status the API should answer with. */
  readonly status: 401 | 503;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
    this.status = code === 'auth.keys-unavailable' ? 503 : 401;
  }
}
