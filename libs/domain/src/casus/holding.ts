import { HOLDING_STATUSES } from '../vocabulary';
import type { ResponsibilityStatus } from '../vocabulary';
import type { ResponsibilityRecord } from './types';

/** Statuses after which a responsibility plays no further part: it was handed over, or it ended. */
const FINAL_STATUSES: readonly ResponsibilityStatus[] = ['transferred', 'ended'];

export function isFinal(r: Pick<ResponsibilityRecord, 'status'>): boolean {
  return FINAL_STATUSES.includes(r.status);
}

/** Still in play: not final and not (yet) refused. A rejected responsibility can only come back through a dispute. */
export function isActive(r: Pick<ResponsibilityRecord, 'status'>): boolean {
  return !isFinal(r) && r.status !== 'rejected';
}

/** Accepted or provisional, whatever the moment it takes effect. */
export function hasHoldingStatus(r: Pick<ResponsibilityRecord, 'status'>): boolean {
  return HOLDING_STATUSES.includes(r.status);
}

/** Holds the need now: accepted or provisional, and in effect (a successor planned for the birthday is not yet). */
export function isHolding(r: Pick<ResponsibilityRecord, 'status' | 'takesEffect'>): boolean {
  return hasHoldingStatus(r) && r.takesEffect === 'immediately';
}

export function holderOf<R extends ResponsibilityRecord>(
  responsibilities: readonly R[],
  needId: string,
): R | null {
  return responsibilities.find((r) => r.needId === needId && isHolding(r)) ?? null;
}
