import type { Deadline } from '../deadlines';
import type {
  CaseType,
  EscalationLevel,
  EscalationReason,
  NeedCategory,
  PartyRole,
  Urgency,
} from '../vocabulary';
import type { CaseResult } from './events/closure';
import type { StatutoryApplicationKind } from './events/statutory';
import type { TransitionRoute } from './events/transition';
import type { ServiceLevels } from '../deadlines';
import type { Functionaris, JeugdhulpKader, OrganisationRef, ResponsibilityRecord } from './types';

export type CaseStatus = 'none' | 'registered' | 'accepted' | 'referred' | 'closed';

export interface PartyRecord {
  readonly party: OrganisationRef;
  readonly roles: readonly PartyRole[];
}

export interface NeedRecord {
  readonly needId: string;
  readonly category: NeedCategory;
  readonly jeugdhulpKader: JeugdhulpKader | null;
  readonly status: 'open' | 'ended';
}

/** A responsibility as the decider holds it, with the date it ended (needed for verlengde jeugdhulp condition iii). */
export interface ResponsibilityState extends ResponsibilityRecord {
  readonly endedOn: string | null;
}

export interface EscalationRecord {
  readonly escalationId: string;
  readonly level: EscalationLevel;
  readonly reason: EscalationReason;
  readonly mandateHolder: Functionaris;
  readonly decisionOwner: Functionaris;
  readonly needIds: readonly string[];
  readonly status: 'open' | 'decided' | 'raised' | 'de-escalated';
}

export interface OfferRecord {
  readonly offerId: string;
  readonly needId: string;
  readonly providerOrganisationId: string;
  readonly status: 'requested' | 'accepted' | 'refused' | 'placed';
}

export interface PlacementRecord {
  readonly placementId: string;
  readonly offerId: string;
  readonly needId: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** What the deadline watcher noted about one deadline: the due date it noted approaching, and missed, for. */
export interface DeadlineNotice {
  readonly approachingFor: string | null;
  readonly missedFor: string | null;
}

export interface CaseState {
  readonly status: CaseStatus;
  readonly caseId: string | null;
  readonly caseType: CaseType | null;
  readonly urgency: Urgency | null;
  readonly tableId: string | null;
  readonly subjectId: string | null;
  readonly birthday18: string | null;
  readonly birthdayPassed: boolean;
  readonly serviceLevels: ServiceLevels | null;
  readonly parties: Readonly<Record<string, PartyRecord>>;
  readonly sessions: Readonly<Record<string, { readonly sessionDate: string; readonly discussed: boolean }>>;
  readonly agreementIds: readonly string[];
  readonly actions: Readonly<
    Record<string, { readonly ownerOrganisationId: string; readonly done: boolean }>
  >;
  /** In order of identification. */
  readonly needs: readonly NeedRecord[];
  /** In order of creation. */
  readonly responsibilities: readonly ResponsibilityState[];
  readonly requestIds: readonly string[];
  readonly escalations: Readonly<Record<string, EscalationRecord>>;
  readonly openEscalationId: string | null;
  readonly decisionIds: readonly string[];
  readonly adviceIds: readonly string[];
  readonly offers: Readonly<Record<string, OfferRecord>>;
  readonly placements: Readonly<Record<string, PlacementRecord>>;
  readonly transitionRoutes: Readonly<Record<string, TransitionRoute>>;
  readonly applications: Readonly<
    Record<string, { readonly kind: StatutoryApplicationKind; readonly decided: boolean }>
  >;
  readonly deadlines: Readonly<Record<string, Deadline>>;
  /** Per deadline id: what the watcher noted (DeadlineApproaching / DeadlineMissed), so it notes each once. */
  readonly deadlineNotices: Readonly<Record<string, DeadlineNotice>>;
  /** Per notification id: the organisations that acknowledged it, in order. */
  readonly acknowledgements: Readonly<Record<string, readonly string[]>>;
  readonly closure: { readonly result: CaseResult; readonly closedAt: string } | null;
  readonly reopenCount: number;
}

export function initialState(): CaseState {
  return {
    status: 'none',
    caseId: null,
    caseType: null,
    urgency: null,
    tableId: null,
    subjectId: null,
    birthday18: null,
    birthdayPassed: false,
    serviceLevels: null,
    parties: {},
    sessions: {},
    agreementIds: [],
    actions: {},
    needs: [],
    responsibilities: [],
    requestIds: [],
    escalations: {},
    openEscalationId: null,
    decisionIds: [],
    adviceIds: [],
    offers: {},
    placements: {},
    transitionRoutes: {},
    applications: {},
    deadlines: {},
    deadlineNotices: {},
    acknowledgements: {},
    closure: null,
    reopenCount: 0,
  };
}
