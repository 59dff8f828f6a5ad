import { createPublicKey, type KeyObject } from 'node:crypto';
import { SecurityConfigError } from '../security-config-error';
import { AuthError } from './auth-error';

/** Where RS256 verification gets public keys from. */
export interface PublicKeySource {
  /** The key for a token's `kid`; throws AuthError ('auth.signature-invalid' or 'auth.keys-unavailable'). */
  getKey(kid: string | undefined): Promise<KeyObject>;
}

export interface JwksKeySourceOptions {
  /** The identity provider's JWKS URL: https, or http to a loopback host (local development and tests). */
  readonly url: string;
  /** How long a fetched key set is used before it is fetched again (default 600). */
  readonly cacheTtlSeconds?: number;
  /** Least time between two fetches, so tokens with made-up key ids cannot make us hammer the provider (default 30). */
  readonly refreshCooldownSeconds?: number;
  /** Timeout of one fetch (default 5000). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

export const MIN_RSA_MODULUS_BITS = 2048;
const MAX_JWKS_CHARS = 1024 * 1024;

interface KeySet {
  readonly byKid: ReadonlyMap<string, KeyObject>;
  readonly all: readonly KeyObject[];
}

/**
 * Public RSA keys from a JWKS URL, cached for a TTL. A token whose `kid` is not in the cached set triggers one
 * refresh (key rotation at the provider), at most once per cooldown. Concurrent callers share one fetch.
 */
export class JwksKeySource implements PublicKeySource {
  private readonly url: URL;
  private readonly ttlMs: number;
  private readonly cooldownMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private keySet: KeySet | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(options: JwksKeySourceOptions) {
    this.url = parseJwksUrl(options.url);
    this.ttlMs = seconds(options.cacheTtlSeconds ?? 600, 'cacheTtlSeconds') * 1000;
    this.cooldownMs = seconds(options.refreshCooldownSeconds ?? 30, 'refreshCooldownSeconds') * 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => new Date());
  }

  async getKey(kid: string | undefined): Promise<KeyObject> {
    if (this.keySet === undefined || this.nowMs() - this.fetchedAt >= this.ttlMs) await this.refresh();
    const cached = this.find(kid);
    if (cached !== undefined) return cached;
    if (this.nowMs() - this.lastAttemptAt >= this.cooldownMs) {
      await this.refresh();
      const refreshed = this.find(kid);
      if (refreshed !== undefined) return refreshed;
    }
    throw new AuthError(
      'auth.signature-invalid',
      kid === undefined
        ? 'The token names no key id and the identity provider publishes more than one key'
        : 'The token was signed with a key the identity provider does not publish',
    );
  }

  private find(kid: string | undefined): KeyObject | undefined {
    const keySet = this.keySet;
    if (keySet === undefined) return undefined;
    if (kid === undefined) return keySet.all.length === 1 ? keySet.all[0] : undefined;
    return keySet.byKid.get(kid);
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(): Promise<void> {
    this.lastAttemptAt = this.nowMs();
    let body: string;
    try {
      const response = await this.fetch(this.url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) throw unavailable(`The JWKS endpoint answered HTTP ${response.status}`);
      body = await response.text();
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw unavailable('The JWKS endpoint could not be reached', error);
    }
    if (body.length > MAX_JWKS_CHARS) throw unavailable('The JWKS document is too large');
    this.keySet = parseKeySet(body);
    this.fetchedAt = this.nowMs();
  }

  private nowMs(): number {
    return this.now().getTime();
  }
}

function parseKeySet(body: string): KeySet {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw unavailable('The JWKS document is not JSON');
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw unavailable('The JWKS document has no "keys" array');
  const byKid = new Map<string, KeyObject>();
  const all: KeyObject[] = [];
  for (const jwk of keys) {
    const key = rs256PublicKey(jwk);
    if (key === undefined) continue;
    all.push(key);
    const kid = (jwk as { kid?: unknown }).kid;
    if (typeof kid === 'string' && !byKid.has(kid)) byKid.set(kid, key);
  }
  if (all.length === 0) throw unavailable('The JWKS document has no usable RS256 key');
  return { byKid, all };
}

/** The public key of an RSA signing JWK usable for RS256, or undefined for any other key (EC, encryption...). */
function rs256PublicKey(jwk: unknown): KeyObject | undefined {
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const { kty, use, alg, key_ops: keyOps, n, e } = jwk as Record<string, unknown>;
  if (kty !== 'RSA' || typeof n !== 'string' || typeof e !== 'string') return undefined;
  if (use !== undefined && use !== 'sig') return undefined;
  if (alg !== undefined && alg !== 'RS256') return undefined;
  if (keyOps !== undefined && !(Array.isArray(keyOps) && keyOps.includes('verify'))) return undefined;
  try {
    const key = createPublicKey({ key: { kty, n, e }, format: 'jwk' });
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return bits >= MIN_RSA_MODULUS_BITS ? key : undefined;
  } catch {
    return undefined;
  }
}

function parseJwksUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SecurityConfigError('The JWKS URL is not a valid URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new SecurityConfigError('The JWKS URL must use https (plain http is allowed for localhost only)');
  }
  return url;
}

function seconds(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new SecurityConfigError(`${name} must be a number of seconds ≥ 0`);
  return value;
}

function unavailable(message: string, cause?: unknown): AuthError {
  return new AuthError('auth.keys-unavailable', message, { cause });
}
