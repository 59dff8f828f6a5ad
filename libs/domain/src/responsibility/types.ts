import type { LawDomain, NeedCategory, ResponsibilityBasisKind, ResponsibilityStatus } from '../vocabulary';
import type { StoredCaseEvent } from '../casus/upcasters';
import type { TakesEffect } from '../casus/types';

/**
 * One stored event of a case stream, as the view reads it. `event` may be in any stored version (it is upcast).
 * - `position`: where the event stands in the case stream; strictly increasing along the array (the store's
 *   streamVersion, or its global position: any strictly increasing number will do).
 * - `recordedAt`: the ISO-8601 instant the store committed the event (metadata.recordedAt).
 */
export interface EventEnvelope {
  readonly event: StoredCaseEvent;
  readonly eventId: string;
  readonly position: number;
  readonly recordedAt: string;
}

/** The event that set something, as the view points at it. */
export interface EventRef {
  readonly eventId: string;
  readonly position: number;
  readonly type: string;
  readonly recordedAt: string;
}

export interface ResponsibilityEntry {
  readonly responsibilityId: string;
  readonly lawDomain: LawDomain;
  readonly financierOrganisationId: string;
  readonly status: ResponsibilityStatus;
  readonly basis: ResponsibilityBasisKind;
  readonly takesEffect: TakesEffect;
  /** Accepted or provisional, and in effect: this financier holds the need. */
  readonly holding: boolean;
  /** The last event that changed status, domain, financier, basis or effect of this responsibility. */
  readonly setBy: EventRef;
}

export interface NeedResponsibility {
  readonly needId: string;
  readonly category: NeedCategory;
  readonly needStatus: 'open' | 'ended';
  /**
   * The responsibility that answers "who is responsible for this need": the holder; without a holder the most
   * recently changed responsibility still in play; else the most recently changed one; null when there is none.
   */
  readonly current: ResponsibilityEntry | null;
  /** All responsibilities for the need, in order of creation. */
  readonly responsibilities: readonly ResponsibilityEntry[];
}

/** An open need without a holder (no accepted or provisional financier in effect), since the event that left it so. */
export interface ResponsibilityGap {
  readonly needId: string;
  readonly category: NeedCategory;
  readonly since: EventRef;
}

export interface ResponsibilitySnapshot {
  /** The last event folded in; null for the empty prefix (before the first event). */
  readonly after: EventRef | null;
  /** Needs in order of identification. */
  readonly needs: readonly NeedResponsibility[];
  /** Gaps in order of identification of their need. */
  readonly gaps: readonly ResponsibilityGap[];
}
