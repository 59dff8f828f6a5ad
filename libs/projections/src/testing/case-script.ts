import type {
  CaseResult,
  CaseType,
  EscalationReason,
  LawDomain,
  NeedCategory,
  OfferRefusalReason,
  OrganisationRef,
  ProposalContext,
  RejectionReason,
  Urgency,
} from '@casusregie/domain';
import type { AppendResult } from '@casusregie/event-store';
import { type CaseLog, metadata } from './case-log';
import { ADULT_AT_HOME, LEVELS, ORG, TABLE } from './organisations';

export interface Registration {
  readonly caseType?: CaseType;
  readonly urgency?: Urgency;
  readonly summary?: string;
  readonly tableId?: string;
  readonly subjectId?: string;
  readonly regiehouder?: OrganisationRef;
  readonly aanbrenger?: OrganisationRef;
  readonly birthday18?: string;
}

export interface Discussion {
  readonly present?: readonly string[];
  readonly needs?: readonly { needId: string; category: NeedCategory }[];
  readonly agreements?: readonly { agreementId: string; text: string }[];
  readonly actions?: readonly {
    actionId: string;
    description: string;
    ownerOrganisationId: string;
    dueDate: string;
  }[];
  readonly endNeeds?: readonly { needId: string; reason: string }[];
}

/** One case, driven command by command through the real decider. Every method takes the command's `now`. */
export class CaseScript {
  readonly regiehouder: OrganisationRef;

  constructor(
    private readonly log: CaseLog,
    readonly caseId: string,
    regiehouder: OrganisationRef = ORG.utrecht,
  ) {
    this.regiehouder = regiehouder;
  }

  private run(command: { type: string; data: object }, at: string, by?: OrganisationRef, role?: 'liaison') {
    const actor = by ?? this.regiehouder;
    return this.log.execute({
      ...command,
      data: { caseId: this.caseId, ...command.data },
      metadata: metadata(actor.organisationId, at, role ?? 'coordinator'),
    } as never);
  }

  register(r: Registration, at: string): Promise<AppendResult> {
    return this.run(
      {
        type: 'RegisterCase',
        data: {
          caseType: r.caseType ?? 'grensvlak',
          urgency: r.urgency ?? 'normaal',
          summary: r.summary ?? 'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
          subjectId: r.subjectId ?? `subject-${this.caseId}`,
          tableId: r.tableId ?? TABLE.utrechtStad,
          aanbrenger: r.aanbrenger ?? ORG.wijkteam,
          regiehouder: r.regiehouder ?? this.regiehouder,
          serviceLevels: LEVELS,
          ...(r.birthday18 ? { birthday18: r.birthday18 } : {}),
        },
      },
      at,
    );
  }

  acceptAtTriage(at: string) {
    return this.run({ type: 'TriageCase', data: { outcome: 'accept-for-table' } }, at);
  }

  referAtTriage(at: string) {
    return this.run(
      { type: 'TriageCase', data: { outcome: 'refer-elsewhere', reason: 'Past bij het wijkteam.' } },
      at,
    );
  }

  addParty(party: OrganisationRef, role: 'adviseur' | 'financier' | 'aanbieder', at: string) {
    return this.run({ type: 'AddParty', data: { party, role } }, at);
  }

  putOnAgenda(sessionId: string, sessionDate: string, at: string) {
    return this.run({ type: 'PutOnAgenda', data: { sessionId, sessionDate } }, at);
  }

  discuss(sessionId: string, d: Discussion, at: string) {
    return this.run(
      {
        type: 'RecordDiscussion',
        data: {
          sessionId,
          presentOrganisationIds: d.present ?? [this.regiehouder.organisationId],
          agreements: d.agreements ?? [],
          actions: d.actions ?? [],
          needsIdentified: d.needs ?? [],
          needsEnded: d.endNeeds ?? [],
        },
      },
      at,
    );
  }

  completeAction(actionId: string, at: string) {
    return this.run({ type: 'CompleteAction', data: { actionId } }, at);
  }

  propose(
    needId: string,
    responsibilityId: string,
    lawDomain: LawDomain,
    financier: OrganisationRef,
    at: string,
    context: ProposalContext = ADULT_AT_HOME,
  ) {
    return this.run(
      { type: 'ProposeResponsibility', data: { needId, responsibilityId, lawDomain, financier, context } },
      at,
    );
  }

  requestFinancier(responsibilityId: string, requestId: string, at: string) {
    return this.run({ type: 'RequestFinancier', data: { responsibilityId, requestId } }, at);
  }

  acceptBy(financier: OrganisationRef, responsibilityId: string, at: string) {
    return this.run({ type: 'AcceptResponsibility', data: { responsibilityId } }, at, financier, 'liaison');
  }

  rejectBy(
    financier: OrganisationRef,
    responsibilityId: string,
    at: string,
    reasonCode: RejectionReason = 'other-law-applies',
  ) {
    return this.run(
      {
        type: 'RejectResponsibility',
        data: { responsibilityId, reasonCode, explanation: 'Valt onder een andere wet.' },
      },
      at,
      financier,
      'liaison',
    );
  }

  endResponsibility(responsibilityId: string, at: string) {
    return this.run({ type: 'EndResponsibility', data: { responsibilityId, reason: 'Zorg gestopt.' } }, at);
  }

  escalate(
    escalationId: string,
    reason: EscalationReason,
    needIds: readonly string[],
    at: string,
    decisionOwner: OrganisationRef = this.regiehouder,
  ) {
    return this.run(
      {
        type: 'EscalateCase',
        data: {
          escalationId,
          level: 'opschaaltafel',
          reason,
          question: 'Wie financiert de zorg?',
          mandateHolder: { organisationId: decisionOwner.organisationId, functionTitle: 'directeur zorg' },
          decisionOwner: { organisationId: decisionOwner.organisationId, functionTitle: 'wethouder zorg' },
          needIds,
        },
      },
      at,
    );
  }

  deescalate(escalationId: string, at: string) {
    return this.run({ type: 'DeescalateCase', data: { escalationId, reason: 'Opgelost aan tafel.' } }, at);
  }

  decideBreakthrough(
    escalationId: string,
    decisionId: string,
    assignments: readonly {
      needId: string;
      lawDomain: LawDomain;
      financier: OrganisationRef;
      provisional: boolean;
    }[],
    at: string,
    decisionOwner: OrganisationRef = this.regiehouder,
  ) {
    return this.run(
      {
        type: 'DecideBreakthrough',
        data: {
          escalationId,
          decisionId,
          summary: 'Doorbraak: voorlopige financiering.',
          evaluationDate: at.slice(0, 10),
          assignments: assignments.map((a) =>
            a.provisional ? { ...a, settlementAgreement: 'Verrekening na CIZ-besluit.' } : a,
          ),
        },
      },
      at,
      decisionOwner,
    );
  }

  settle(responsibilityId: string, lawDomain: LawDomain, financier: OrganisationRef, at: string) {
    return this.run(
      {
        type: 'SettleProvisionalFinancing',
        data: { responsibilityId, definitive: { lawDomain, financier }, note: 'Verrekend.' },
      },
      at,
    );
  }

  requestOffer(offerId: string, needId: string, provider: OrganisationRef, at: string) {
    return this.run({ type: 'RequestOffer', data: { offerId, needId, provider } }, at);
  }

  acceptOffer(provider: OrganisationRef, offerId: string, at: string) {
    return this.run({ type: 'AcceptOffer', data: { offerId } }, at, provider, 'liaison');
  }

  refuseOffer(provider: OrganisationRef, offerId: string, reasonCode: OfferRefusalReason, at: string) {
    return this.run(
      { type: 'RefuseOffer', data: { offerId, reasonCode, explanation: 'Geen plek.' } },
      at,
      provider,
      'liaison',
    );
  }

  startPlacement(placementId: string, offerId: string, startDate: string, at: string) {
    return this.run({ type: 'StartPlacement', data: { placementId, offerId, startDate } }, at);
  }

  suspendDeadline(deadlineId: string, at: string) {
    return this.run({ type: 'SuspendDeadline', data: { deadlineId, reason: 'Wacht op informatie.' } }, at);
  }

  resumeDeadline(deadlineId: string, at: string) {
    return this.run({ type: 'ResumeDeadline', data: { deadlineId } }, at);
  }

  close(result: CaseResult, at: string) {
    return this.run({ type: 'CloseCase', data: { result } }, at);
  }

  reopen(at: string) {
    return this.run({ type: 'ReopenCase', data: { reason: 'Nieuwe vraag.' } }, at);
  }
}
