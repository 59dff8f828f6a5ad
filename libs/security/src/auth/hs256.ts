import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { SecurityConfigError } from '../security-config-error';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
export const MIN_HS256_SECRET_BYTES = 32;

/**
 * The HMAC key for a configured secret. The secret's UTF-8 bytes are the key (as in most JWT libraries), so a
 * base64 secret such as the generated development secret is used as text, not decoded.
 */
export function hs256Key(secret: string): KeyObject {
  if (typeof secret !== 'string' || Buffer.byteLength(secret, 'utf8') < MIN_HS256_SECRET_BYTES) {
    throw new SecurityConfigError(`The HS256 secret must be at least ${MIN_HS256_SECRET_BYTES} bytes long`);
  }
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export function hs256Sign(key: KeyObject, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput, 'ascii').digest();
}

export function hs256Verify(key: KeyObject, signingInput: string, signature: Buffer): boolean {
  const expected = hs256Sign(key, signingInput);
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}
