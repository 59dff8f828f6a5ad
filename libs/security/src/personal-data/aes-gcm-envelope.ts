import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { decodeBase64Url } from '../encoding/base64url';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a fresh 96-bit IV, as `v1.<iv>.<ciphertext>.<tag>` (base64url parts). */
export function seal(key: KeyObject, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export type OpenResult =
  | { readonly ok: true; readonly plaintext: Buffer }
  | { readonly ok: false; readonly reason: 'malformed' | 'integrity' };

/** Opens what `seal` produced; 'integrity' when the key, the AAD or any byte does not match. */
export function open(key: KeyObject, sealed: string, aad: Buffer): OpenResult {
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const [iv, ciphertext, tag] = parts.slice(1).map(decodeBase64Url);
  if (iv?.length !== IV_BYTES || ciphertext === undefined || tag?.length !== TAG_BYTES) {
    return { ok: false, reason: 'malformed' };
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return { ok: true, plaintext: Buffer.concat([decipher.update(ciphertext), decipher.final()]) };
  } catch {
    return { ok: false, reason: 'integrity' };
  }
}
