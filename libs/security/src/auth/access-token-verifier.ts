import type { KeyObject } from 'node:crypto';
import { SecurityConfigError } from '../security-config-error';
import { hs256Key } from './hs256';
import { JwksKeySource, type JwksKeySourceOptions, type PublicKeySource } from './jwks-key-source';

export const DEFAULT_CLOCK_SKEW_SECONDS = 30;
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface VerifierOptions {
  /** When set, the token's `iss` must equal it. */
  readonly issuer?: string;
  /** When set, the token's `aud` (a string or an array) must contain it. */
  readonly audience?: string;
  /** Tolerance for clock differences on exp, nbf and iat (default 30, at most 300). */
  readonly clockSkewSeconds?: number;
  readonly now?: () => Date;
}

interface VerifierBase {
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  readonly clockSkewSeconds: number;
  readonly now: () => Date;
}

export interface Hs256Verifier extends VerifierBase {
  readonly algorithm: 'HS256';
  readonly key: KeyObject;
}

export interface Rs256Verifier extends VerifierBase {
  readonly algorithm: 'RS256';
  readonly keys: PublicKeySource;
}

/** How tokens are checked: exactly one algorithm, its key(s), and the claim checks. Build with a factory below. */
export type AccessTokenVerifier = Hs256Verifier | Rs256Verifier;

/** HS256 with a shared secret from configuration (at least 32 bytes). */
export function createHs256Verifier(options: VerifierOptions & { readonly secret: string }): Hs256Verifier {
  return { algorithm: 'HS256', key: hs256Key(options.secret), ...base(options) };
}

export type Rs256VerifierOptions = VerifierOptions &
  (
    | { readonly keys: PublicKeySource }
    | { readonly jwks: Omit<JwksKeySourceOptions, 'now'> & { readonly now?: () => Date } }
  );

/** RS256 with public keys from a JWKS URL (OIDC style), or from any other PublicKeySource. */
export function createRs256Verifier(options: Rs256VerifierOptions): Rs256Verifier {
  const common = base(options);
  const keys = 'keys' in options ? options.keys : new JwksKeySource({ now: common.now, ...options.jwks });
  return { algorithm: 'RS256', keys, ...common };
}

function base(options: VerifierOptions): VerifierBase {
  const clockSkewSeconds = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (
    !Number.isInteger(clockSkewSeconds) ||
    clockSkewSeconds < 0 ||
    clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS
  ) {
    throw new SecurityConfigError(`clockSkewSeconds must be an integer from 0 to ${MAX_CLOCK_SKEW_SECONDS}`);
  }
  for (const name of ['issuer', 'audience'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new SecurityConfigError(`${name} must be a non-empty string when set`);
    }
  }
  return {
    issuer: options.issuer,
    audience: options.audience,
    clockSkewSeconds,
    now: options.now ?? (() => new Date()),
  };
}
