import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from an idempotency key, so that a retried request produces the same event ids
 * and the event store stores its events once, even if the API crashed before remembering the key.
 */
export function deterministicEventId(scope: string, key: string, index: number): string {
  const hex = createHash('sha256').update(`${scope}\u0000${key}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
