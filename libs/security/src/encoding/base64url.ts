const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url strictly: only the URL-safe alphabet, no padding, and only the canonical encoding of the
 * bytes (Node's decoder silently ignores stray characters and trailing bits, which would let one token or
 * field have many spellings). Returns undefined for anything else.
 */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

export function encodeBase64Url(bytes: Buffer | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Strict standard base64 (with padding), as used in key files and configuration. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
