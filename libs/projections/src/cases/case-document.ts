import type { CaseState, LawDomain, OfferRefusalReason } from '@casusregie/domain';

/**
 * The event that set something: when it happened (its occurredAt, as an ISO instant in UTC), where it stands in the
 * log, and its type.
 */
export interface EventMark {
  readonly at: string;
  readonly position: number;
  readonly eventType: string;
}

export interface AgreementEntry {
  readonly agreementId: string;
  readonly sessionId: string;
  readonly text: string;
  readonly recordedAt: string;
  /** Whose liaisons may read the text. Absent in documents folded before sharing was recorded: not shared. */
  readonly sharedWithOrganisationIds?: readonly string[];
}

export interface ActionEntry {
  readonly actionId: string;
  readonly sessionId: string;
  readonly description: string;
  readonly dueDate: string;
  readonly assignedAt: string;
  readonly completedAt: string | null;
}

export interface DecisionEntry {
  readonly decisionId: string;
  readonly summary: string;
  readonly evaluationDate: string;
  readonly validUntil: string | null;
  readonly decidedAt: string;
  readonly decidedByOrganisationId: string;
  readonly assignments: readonly {
    readonly needId: string;
    readonly responsibilityId: string;
    readonly lawDomain: LawDomain;
    readonly financierOrganisationId: string;
    readonly provisional: boolean;
    readonly deliveredByOrganisationId: string | null;
  }[];
}

export interface EscalationEntry {
  readonly escalationId: string;
  readonly question: string;
  readonly decisionDueOn: string;
  readonly agreedDueDate: string | null;
  readonly raisedFromEscalationId: string | null;
  readonly openedAt: string;
  /** When it stopped being open (decided, de-escalated or raised to the next level). */
  readonly closedAt: string | null;
  readonly decision: DecisionEntry | null;
}

export interface OfferEntry {
  readonly offerId: string;
  readonly requestedAt: string;
  readonly answeredAt: string | null;
  readonly refusalReason: OfferRefusalReason | null;
}

/** A period in which a moeilijk plaatsbare client was waiting without a suitable offer. */
export interface WaitingPeriod {
  readonly from: string;
  readonly until: string | null;
}

/**
 * One case as the read side holds it: the decider's own state (`foldCase` semantics: upcast, then evolve) plus what
 * the state does not keep but the queries need (the summary, when things happened, free texts, and provenance of
 * responsibilities and gaps). A pure function of the case's events, so a rebuild gives the same document.
 */
export interface CaseDocument {
  readonly caseId: string;
  readonly streamId: string;
  readonly state: CaseState;
  readonly summary: string;
  readonly registeredAt: string;
  /** occurredAt of the last event. */
  readonly updatedAt: string;
  /** The number of events in the stream (the case version, as in If-Match). */
  readonly version: number;
  /** Global position of the last event. */
  readonly lastPosition: number;
  readonly firstDiscussedAt: string | null;
  /** Financiers asked to answer a responsibility request (ever), in order of first request. */
  readonly askedOrganisationIds: readonly string[];
  /** The last event that changed status, domain, financier, basis or effect of each responsibility. */
  readonly responsibilitySetBy: Readonly<Record<string, EventMark>>;
  /** Open needs without a holder, since the event that left them so (as in the domain's responsibility view). */
  readonly gapSince: Readonly<Record<string, EventMark>>;
  readonly agreements: readonly AgreementEntry[];
  readonly actions: Readonly<Record<string, ActionEntry>>;
  readonly escalations: Readonly<Record<string, EscalationEntry>>;
  readonly offers: Readonly<Record<string, OfferEntry>>;
  readonly waiting: readonly WaitingPeriod[];
}
