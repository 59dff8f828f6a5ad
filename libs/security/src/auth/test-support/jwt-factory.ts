import { createHmac, type KeyObject, sign } from 'node:crypto';
import type { Principal } from '../principal';

/** Seconds since 1970 of the fixed test clock. */
export const NOW_SECONDS = 1_790_000_000;
export const NOW = new Date(NOW_SECONDS * 1000);
export const SECRET = 'test-secret-that-is-at-least-32-bytes-long';

export const COORDINATOR: Principal = {
  sub: 'u-1',
  name: 'Coördinator Één',
  role: 'coordinator',
  org: 'GM0344',
  tables: ['mwt-utrecht'],
};

export type Signer = (signingInput: string) => Buffer;

export const hmacSigner =
  (secret: string | Buffer): Signer =>
  (input) =>
    createHmac('sha256', secret).update(input).digest();

export const rsaSigner =
  (privateKey: KeyObject): Signer =>
  (input) =>
    sign('RSA-SHA256', Buffer.from(input), privateKey);

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Any header and payload, signed by any signer: for tokens a well-behaved signer would never make. */
export function craftJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  signer?: Signer,
): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${signer === undefined ? '' : signer(input).toString('base64url')}`;
}

/** Claims valid at NOW for an hour. */
export function validPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...COORDINATOR,
    tables: [...COORDINATOR.tables],
    iat: NOW_SECONDS,
    exp: NOW_SECONDS + 3600,
    ...overrides,
  };
}
