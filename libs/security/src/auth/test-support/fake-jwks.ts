import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface RsaTestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public JWK as an identity provider publishes it. */
  readonly jwk: Record<string, unknown>;
}

export function rsaTestKey(kid: string, modulusLength = 2048): RsaTestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' },
  };
}

/** A fetch that serves a JWKS document the test can change, and counts requests. */
export class FakeJwksEndpoint {
  requests = 0;
  status = 200;
  body: string;
  /** When set, the next requests wait for this promise before answering. */
  gate: Promise<void> | undefined;

  constructor(keys: readonly Record<string, unknown>[]) {
    this.body = JSON.stringify({ keys });
  }

  publish(keys: readonly Record<string, unknown>[]): void {
    this.body = JSON.stringify({ keys });
  }

  readonly fetch = (async () => {
    this.requests += 1;
    if (this.gate !== undefined) await this.gate;
    return new Response(this.body, { status: this.status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}
