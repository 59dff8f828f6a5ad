import { createHash } from 'node:crypto';
import {
  type CaseCommand,
  type CaseState,
  type CommandMetadata,
  decide,
  initialState,
  type LawDomain,
  type NeedCategory,
  type OfferRefusalReason,
  type OrganisationRef,
  type ProposalContext,
  type RejectionReason,
  toDutchDate,
  type TransitionRouteInput,
} from '@casusregie/domain';
import { nextCaseState } from '../case-state';
import type { StoredCaseEventEnvelope } from '../envelope';
import type { Notification } from '../notification';
import { notificationsFor } from '../notifications-for';
import { ADULT_AT_HOME, LEVELS, ORG, TABLE_ID } from './organisations';

/** Monday 2 March 2026, 09:00 Dutch time, plus whole days and hours (ISO instant). */
export function at(days: number, hours = 0, start = '2026-03-02T08:00:00Z'): string {
  return new Date(Date.parse(start) + (days * 24 + hours) * 3_600_000).toISOString();
}

/** The Dutch calendar date of `at(days)` (the fixtures stay clear of midnight). */
export function day(days: number, start?: string): string {
  return at(days, 0, start).slice(0, 10);
}

/** A UUID-shaped id derived from a seed, so journeys are reproducible. */
export function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The global log that the journeys of one test append to: it hands out global positions. */
export class EventLog {
  private position = 0;
  readonly envelopes: StoredCaseEventEnvelope[] = [];

  record(envelope: Omit<StoredCaseEventEnvelope, 'globalPosition'>): StoredCaseEventEnvelope {
    const stored = { ...envelope, globalPosition: ++this.position };
    this.envelopes.push(stored);
    return stored;
  }
}

/** One stored event with the case state before and after it: what the relay hands to `notificationsFor`. */
export interface JourneyStep {
  readonly envelope: StoredCaseEventEnvelope;
  readonly before: CaseState;
  readonly after: CaseState;
}

/** The free texts and the subject id a journey writes; tests seed personal data through them. */
export interface JourneyWords {
  /** The free text for a field, e.g. `text('summary')`. */
  text(field: string): string;
  subjectId(caseId: string): string;
}

export const PLAIN_WORDS: JourneyWords = {
  text: (field) => `Tekst voor ${field}, zonder persoonsgegevens.`,
  subjectId: (caseId) => `subject-${caseId}`,
};

type Actor = { readonly org: OrganisationRef; readonly role: CommandMetadata['role'] };

export function coordinatorOf(org: OrganisationRef): Actor {
  return { org, role: 'coordinator' };
}

export function liaisonOf(org: OrganisationRef): Actor {
  return { org, role: 'liaison' };
}

/** Data of a command without the case id, which the journey adds. */
type WithoutCaseId<D> = D extends unknown ? Omit<D, 'caseId'> : never;
type DataOf<T extends CaseCommand['type']> = WithoutCaseId<Extract<CaseCommand, { type: T }>['data']>;

/**
 * One case driven command by command through the real decider, as the case API does, with the stored envelopes
 * (event ids, stream versions, global positions, correlation ids) the relay would read. Pure: no store, no clock.
 * Every command method returns the steps it produced, so a test reads given (earlier calls), when (this call)
 * and then (the notifications of its steps).
 */
export class CaseJourney {
  state: CaseState = initialState();
  readonly steps: JourneyStep[] = [];
  readonly regiehouder: OrganisationRef;
  private commands = 0;

  constructor(
    readonly caseId: string,
    readonly log: EventLog = new EventLog(),
    readonly words: JourneyWords = PLAIN_WORDS,
    regiehouder: OrganisationRef = ORG.utrecht,
  ) {
    this.regiehouder = regiehouder;
  }

  private text(field: string): string {
    return this.words.text(field);
  }

  /** Runs any command (its `caseId` is this journey's). */
  execute<T extends CaseCommand['type']>(
    type: T,
    data: DataOf<T>,
    now: string,
    actor: Actor = coordinatorOf(this.regiehouder),
  ): JourneyStep[] {
    const command = {
      type,
      data: { caseId: this.caseId, ...data },
      metadata: {
        userId: `user-${actor.org.organisationId}`,
        role: actor.role,
        organisationId: actor.org.organisationId,
        now,
      },
    } as CaseCommand;
    const events = decide(command, this.state);
    const correlationId = uuidFrom(`${this.caseId}/command/${++this.commands}`);
    return events.map((event) => this.store(event.type, event.data, now, correlationId, actor));
  }

  /** Appends an event the decider did not make: one of the deadline watcher, or a stored older version. */
  append(type: string, data: object, now: string): JourneyStep {
    return this.store(type, data, now, uuidFrom(`${this.caseId}/command/${++this.commands}`), {
      org: this.regiehouder,
      role: 'system',
    });
  }

  private store(type: string, data: unknown, now: string, correlationId: string, actor: Actor): JourneyStep {
    const streamVersion = this.steps.length;
    const envelope = this.log.record({
      eventId: uuidFrom(`${this.caseId}/${streamVersion}`),
      type,
      streamId: `case-${this.caseId}`,
      streamVersion,
      data,
      metadata: {
        actor: {
          userId: `user-${actor.org.organisationId}`,
          role: actor.role,
          organisationId: actor.org.organisationId,
        },
        correlationId,
        causationId: correlationId,
        occurredAt: now,
        recordedAt: now,
        schemaVersion: 1,
      },
    } as Omit<StoredCaseEventEnvelope, 'globalPosition'>);
    const before = this.state;
    const after = nextCaseState(before, envelope);
    this.state = after;
    const step = { envelope, before, after };
    this.steps.push(step);
    return step;
  }

  /** The notifications of steps (default: every step of the journey so far). */
  notifications(steps: readonly JourneyStep[] = this.steps): Notification[] {
    return steps.flatMap((s) => notificationsFor(s.envelope, s.before, s.after));
  }

  // ---- Commands with sensible defaults ---------------------------------------------------------------------

  register(
    now: string,
    options: {
      caseType?: DataOf<'RegisterCase'>['caseType'];
      birthday18?: string;
      aanbrenger?: OrganisationRef;
    } = {},
  ): JourneyStep[] {
    return this.execute(
      'RegisterCase',
      {
        caseType: options.caseType ?? 'grensvlak',
        urgency: 'hoog',
        summary: this.text('summary'),
        subjectId: this.words.subjectId(this.caseId),
        tableId: TABLE_ID,
        aanbrenger: options.aanbrenger ?? ORG.wijkteam,
        regiehouder: this.regiehouder,
        serviceLevels: LEVELS,
        ...(options.birthday18 ? { birthday18: options.birthday18 } : {}),
      },
      now,
    );
  }

  acceptAtTriage(now: string): JourneyStep[] {
    return this.execute('TriageCase', { outcome: 'accept-for-table', note: this.text('triage note') }, now);
  }

  referAtTriage(now: string): JourneyStep[] {
    return this.execute(
      'TriageCase',
      {
        outcome: 'refer-elsewhere',
        reason: this.text('referral reason'),
        referredTo: this.text('referred to'),
      },
      now,
    );
  }

  addParty(party: OrganisationRef, role: 'adviseur' | 'financier' | 'aanbieder', now: string): JourneyStep[] {
    return this.execute('AddParty', { party, role }, now);
  }

  putOnAgenda(sessionId: string, sessionDate: string, now: string): JourneyStep[] {
    return this.execute('PutOnAgenda', { sessionId, sessionDate }, now);
  }

  discuss(
    sessionId: string,
    now: string,
    facts: {
      present?: readonly string[];
      needs?: readonly { needId: string; category: NeedCategory }[];
      agreementIds?: readonly string[];
      actions?: readonly { actionId: string; owner: OrganisationRef; dueDate: string }[];
      changed?: readonly { needId: string; category: NeedCategory }[];
      ended?: readonly string[];
    } = {},
  ): JourneyStep[] {
    return this.execute(
      'RecordDiscussion',
      {
        sessionId,
        presentOrganisationIds: facts.present ?? [this.regiehouder.organisationId],
        needsIdentified: facts.needs ?? [],
        agreements: (facts.agreementIds ?? []).map((agreementId) => ({
          agreementId,
          text: this.text(`agreement ${agreementId}`),
        })),
        actions: (facts.actions ?? []).map((a) => ({
          actionId: a.actionId,
          description: this.text(`action ${a.actionId}`),
          ownerOrganisationId: a.owner.organisationId,
          dueDate: a.dueDate,
        })),
        needsChanged: (facts.changed ?? []).map((c) => ({
          ...c,
          reason: this.text(`change of ${c.needId}`),
        })),
        needsEnded: (facts.ended ?? []).map((needId) => ({ needId, reason: this.text(`end of ${needId}`) })),
      },
      now,
    );
  }

  /** Registered, accepted at triage, on the agenda of session-1 and discussed there with these needs. */
  atTheTable(now: string, needs: readonly { needId: string; category: NeedCategory }[]): JourneyStep[] {
    return [
      ...this.register(now),
      ...this.acceptAtTriage(now),
      ...this.putOnAgenda('session-1', now.slice(0, 10), now),
      ...this.discuss('session-1', now, { needs }),
    ];
  }

  completeAction(actionId: string, now: string): JourneyStep[] {
    return this.execute('CompleteAction', { actionId }, now);
  }

  propose(
    needId: string,
    responsibilityId: string,
    lawDomain: LawDomain,
    financier: OrganisationRef,
    now: string,
    context: ProposalContext = ADULT_AT_HOME,
  ): JourneyStep[] {
    return this.execute(
      'ProposeResponsibility',
      {
        needId,
        responsibilityId,
        lawDomain,
        financier,
        context,
        deviationReason: this.text(`deviation for ${responsibilityId}`),
      },
      now,
    );
  }

  requestFinancier(responsibilityId: string, requestId: string, now: string): JourneyStep[] {
    return this.execute(
      'RequestFinancier',
      { responsibilityId, requestId, question: this.text(`question ${requestId}`) },
      now,
    );
  }

  /** Propose and request in one go. */
  ask(
    needId: string,
    responsibilityId: string,
    lawDomain: LawDomain,
    financier: OrganisationRef,
    now: string,
    context: ProposalContext = ADULT_AT_HOME,
  ): JourneyStep[] {
    return [
      ...this.propose(needId, responsibilityId, lawDomain, financier, now, context),
      ...this.requestFinancier(responsibilityId, `req-${responsibilityId}`, now),
    ];
  }

  acceptBy(financier: OrganisationRef, responsibilityId: string, now: string): JourneyStep[] {
    return this.execute('AcceptResponsibility', { responsibilityId }, now, liaisonOf(financier));
  }

  rejectBy(
    financier: OrganisationRef,
    responsibilityId: string,
    now: string,
    options: { reasonCode?: RejectionReason; referralLawDomain?: LawDomain } = {},
  ): JourneyStep[] {
    return this.execute(
      'RejectResponsibility',
      {
        responsibilityId,
        reasonCode: options.reasonCode ?? 'other-law-applies',
        explanation: this.text(`rejection of ${responsibilityId}`),
        ...(options.referralLawDomain ? { referralLawDomain: options.referralLawDomain } : {}),
      },
      now,
      liaisonOf(financier),
    );
  }

  endResponsibility(responsibilityId: string, now: string): JourneyStep[] {
    return this.execute('EndResponsibility', { responsibilityId, reason: this.text('end reason') }, now);
  }

  escalate(
    escalationId: string,
    now: string,
    options: {
      needIds?: readonly string[];
      decisionOwner?: OrganisationRef;
      mandateHolder?: OrganisationRef;
      dueDate?: string;
      reason?: DataOf<'EscalateCase'>['reason'];
    } = {},
  ): JourneyStep[] {
    const owner = options.decisionOwner ?? this.regiehouder;
    return this.execute(
      'EscalateCase',
      {
        escalationId,
        level: 'opschaaltafel',
        reason: options.reason ?? 'dispute-between-financiers',
        question: this.text('escalation question'),
        mandateHolder: {
          organisationId: (options.mandateHolder ?? owner).organisationId,
          functionTitle: this.text('mandate holder title'),
        },
        decisionOwner: {
          organisationId: owner.organisationId,
          functionTitle: this.text('decision owner title'),
        },
        needIds: options.needIds ?? [],
        ...(options.dueDate ? { dueDate: options.dueDate } : {}),
      },
      now,
    );
  }

  recordAdvice(escalationId: string, adviceId: string, advisor: OrganisationRef, now: string): JourneyStep[] {
    return this.execute(
      'RecordAdvice',
      { escalationId, adviceId, advisorOrganisationId: advisor.organisationId, advice: this.text('advice') },
      now,
    );
  }

  deescalate(escalationId: string, now: string): JourneyStep[] {
    return this.execute('DeescalateCase', { escalationId, reason: this.text('de-escalation reason') }, now);
  }

  decideBreakthrough(
    escalationId: string,
    decisionId: string,
    assignments: readonly {
      needId: string;
      lawDomain: LawDomain;
      financier: OrganisationRef;
      provisional: boolean;
      deliveredBy?: OrganisationRef;
    }[],
    now: string,
    decisionOwner: OrganisationRef = this.regiehouder,
  ): JourneyStep[] {
    return this.execute(
      'DecideBreakthrough',
      {
        escalationId,
        decisionId,
        summary: this.text('decision summary'),
        evaluationDate: day(90, now),
        assignments: assignments.map((a) => ({
          needId: a.needId,
          lawDomain: a.lawDomain,
          financier: a.financier,
          provisional: a.provisional,
          ...(a.provisional ? { settlementAgreement: this.text('settlement agreement') } : {}),
          ...(a.deliveredBy ? { deliveredByOrganisationId: a.deliveredBy.organisationId } : {}),
        })),
      },
      now,
      coordinatorOf(decisionOwner),
    );
  }

  settle(
    responsibilityId: string,
    lawDomain: LawDomain,
    financier: OrganisationRef,
    now: string,
  ): JourneyStep[] {
    return this.execute(
      'SettleProvisionalFinancing',
      { responsibilityId, definitive: { lawDomain, financier }, note: this.text('settlement note') },
      now,
    );
  }

  requestOffer(offerId: string, needId: string, provider: OrganisationRef, now: string): JourneyStep[] {
    return this.execute(
      'RequestOffer',
      { offerId, needId, provider, question: this.text(`offer question ${offerId}`) },
      now,
    );
  }

  acceptOffer(provider: OrganisationRef, offerId: string, now: string): JourneyStep[] {
    return this.execute('AcceptOffer', { offerId }, now, liaisonOf(provider));
  }

  refuseOffer(
    provider: OrganisationRef,
    offerId: string,
    now: string,
    reasonCode: OfferRefusalReason = 'no-capacity',
  ): JourneyStep[] {
    return this.execute(
      'RefuseOffer',
      { offerId, reasonCode, explanation: this.text(`refusal of ${offerId}`) },
      now,
      liaisonOf(provider),
    );
  }

  startPlacement(placementId: string, offerId: string, startDate: string, now: string): JourneyStep[] {
    return this.execute('StartPlacement', { placementId, offerId, startDate }, now);
  }

  endPlacement(placementId: string, endDate: string, now: string): JourneyStep[] {
    return this.execute('EndPlacement', { placementId, endDate, reason: this.text('placement end') }, now);
  }

  recordStatutoryApplication(
    applicationId: string,
    kind: DataOf<'RecordStatutoryApplication'>['kind'],
    decider: OrganisationRef,
    now: string,
    needId?: string,
  ): JourneyStep[] {
    return this.execute(
      'RecordStatutoryApplication',
      { applicationId, kind, decider, submittedOn: now.slice(0, 10), ...(needId ? { needId } : {}) },
      now,
    );
  }

  recordStatutoryDecision(applicationId: string, now: string): JourneyStep[] {
    return this.execute(
      'RecordStatutoryDecision',
      { applicationId, outcome: 'granted', decidedOn: now.slice(0, 10) },
      now,
    );
  }

  suspendDeadline(deadlineId: string, now: string): JourneyStep[] {
    return this.execute('SuspendDeadline', { deadlineId, reason: this.text('suspension') }, now);
  }

  resumeDeadline(deadlineId: string, now: string): JourneyStep[] {
    return this.execute('ResumeDeadline', { deadlineId }, now);
  }

  extendDeadline(deadlineId: string, newDueDate: string, now: string): JourneyStep[] {
    return this.execute('ExtendDeadline', { deadlineId, newDueDate, reason: this.text('extension') }, now);
  }

  closeDeadline(deadlineId: string, now: string): JourneyStep[] {
    return this.execute('CloseDeadline', { deadlineId, reason: this.text('deadline closed') }, now);
  }

  recordTransitionPlan(routes: readonly TransitionRouteInput[], now: string): JourneyStep[] {
    return this.execute('RecordTransitionPlan', { routes }, now);
  }

  passEighteenthBirthday(now: string): JourneyStep[] {
    return this.execute('PassEighteenthBirthday', {}, now, { org: this.regiehouder, role: 'system' });
  }

  close(now: string): JourneyStep[] {
    return this.execute('CloseCase', { result: 'other', note: this.text('closing note') }, now);
  }

  reopen(now: string): JourneyStep[] {
    return this.execute('ReopenCase', { reason: this.text('reopening') }, now);
  }

  /**
   * The deadline watcher's command for the Dutch date of `now`; with `autoEscalation` the table escalates a missed
   * answer, carried by these organisations (function titles are free text of the journey's words).
   */
  watchDeadlines(
    now: string,
    approachingWithinDays: number,
    autoEscalation?: { readonly mandateHolder: OrganisationRef; readonly decisionOwner: OrganisationRef },
  ): JourneyStep[] {
    const functionaris = (org: OrganisationRef, title: string) => ({
      organisationId: org.organisationId,
      functionTitle: this.text(title),
    });
    return this.execute(
      'WatchDeadlines',
      {
        today: toDutchDate(now),
        approachingWithinDays,
        autoEscalation: autoEscalation
          ? {
              mandateHolder: functionaris(autoEscalation.mandateHolder, 'mandate holder title'),
              decisionOwner: functionaris(autoEscalation.decisionOwner, 'decision owner title'),
            }
          : null,
      },
      now,
      { org: this.regiehouder, role: 'system' },
    );
  }

  /** An organisation's liaison (or coordinator) acknowledges one of its notifications. */
  acknowledge(actor: Actor, notification: Notification, now: string): JourneyStep[] {
    return this.execute(
      'AcknowledgeNotification',
      { notificationId: notification.notificationId, kind: notification.kind },
      now,
      actor,
    );
  }

  /** A deadline watcher's event made by hand (a watcher of another version may have appended it so). */
  watch(
    type: 'casus.DeadlineApproaching.v1' | 'casus.DeadlineMissed.v1',
    deadlineId: string,
    now: string,
    extra: object = {},
  ): JourneyStep {
    const deadline = this.state.deadlines[deadlineId];
    if (!deadline) throw new Error(`no deadline ${deadlineId} in case ${this.caseId}`);
    return this.append(
      type,
      {
        caseId: this.caseId,
        deadlineId,
        kind: deadline.kind,
        dueOn: deadline.extension?.newDueAt ?? deadline.originalDueAt,
        responsibleOrganisationIds: [...deadline.responsibleOrganisationIds],
        occurredAt: now,
        ...extra,
      },
      now,
    );
  }
}
