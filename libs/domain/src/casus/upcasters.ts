import type { CaseEvent, CaseEventType } from './events';
import { CASE_EVENT_TYPES } from './events';
import type { ResponsibilityRejected } from './events/responsibility';
import type { DomainEvent } from './types';

/**
 * Older shapes of events as they may be stored. Stored events are never rewritten: they are upcast on read, before
 * evolve or any projection sees them.
 */

/** v1 of the rejection had one free-text reason: no reason code, no referral to another law domain. */
export type ResponsibilityRejectedV1 = DomainEvent<
  'casus.ResponsibilityRejected.v1',
  {
    caseId: string;
    needId: string;
    responsibilityId: string;
    requestId: string;
    financierOrganisationId: string;
    reason: string;
    occurredAt: string;
  }
>;

export type LegacyCaseEvent = ResponsibilityRejectedV1;

/** An event as read from the store: a type name and data, in any version ever written. */
export interface StoredCaseEvent {
  readonly type: string;
  readonly data: unknown;
}

export class UnknownCaseEventError extends Error {
  constructor(readonly type: string) {
    super(`Unknown case event type ${type}: is this stream from a newer version of casusregie?`);
    this.name = 'UnknownCaseEventError';
  }
}

function rejectedV1ToV2(event: ResponsibilityRejectedV1): ResponsibilityRejected {
  const { reason, ...rest } = event.data;
  return {
    type: 'casus.ResponsibilityRejected.v2',
    data: { ...rest, reasonCode: 'other', explanation: reason, referralLawDomain: null },
  };
}

const UPCASTERS: Readonly<Record<LegacyCaseEvent['type'], (event: never) => CaseEvent>> = {
  'casus.ResponsibilityRejected.v1': rejectedV1ToV2,
};

const CURRENT = new Set<string>(CASE_EVENT_TYPES);

export function isCurrentCaseEventType(type: string): type is CaseEventType {
  return CURRENT.has(type);
}

/** Reads a stored event as the current version of its type. */
export function upcast(event: StoredCaseEvent): CaseEvent {
  if (isCurrentCaseEventType(event.type)) return event as CaseEvent;
  const upcaster = UPCASTERS[event.type as LegacyCaseEvent['type']];
  if (!upcaster) throw new UnknownCaseEventError(event.type);
  return upcaster(event as never);
}
