import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url';
import { AuthError } from './auth-error';

/** Longer tokens are refused before any parsing; real access tokens are a few hundred bytes to a few KB. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  /** `<header>.<payload>` exactly as received: the bytes the signature covers. */
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Splits and decodes a JWS compact serialisation. Verifies nothing: the caller checks algorithm and signature. */
export function decodeJwt(token: string): DecodedJwt {
  if (token.length > MAX_TOKEN_LENGTH) throw malformed('The token is too long');
  const parts = token.split('.');
  if (parts.length !== 3) throw malformed('The token is not a signed JWT (three base64url parts)');
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJsonPart(headerPart, 'header');
  const payload = decodeJsonPart(payloadPart, 'payload');
  const signature = decodeBase64Url(signaturePart);
  if (signature === undefined) throw malformed('The token signature is not base64url');
  return { header, payload, signingInput: `${headerPart}.${payloadPart}`, signature };
}

export function encodeJwtPart(value: Record<string, unknown>): string {
  return encodeBase64Url(JSON.stringify(value));
}

function decodeJsonPart(part: string, name: string): Record<string, unknown> {
  const bytes = part === '' ? undefined : decodeBase64Url(part);
  if (bytes === undefined) throw malformed(`The token ${name} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed(`The token ${name} is not UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`The token ${name} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function malformed(message: string): AuthError {
  return new AuthError('auth.token-malformed', message);
}
