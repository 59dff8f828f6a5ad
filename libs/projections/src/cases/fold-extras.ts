import type { CaseEvent } from '@casusregie/domain';
import type { CaseDocument, EventMark } from './case-document';

type Extras = Partial<
  Pick<
    CaseDocument,
    'firstDiscussedAt' | 'askedOrganisationIds' | 'agreements' | 'actions' | 'escalations' | 'offers'
  >
>;

/** What the read side keeps besides the decider's state: times, free texts and answers. Only changed fields. */
export function foldExtras(doc: CaseDocument, event: CaseEvent, mark: EventMark): Extras {
  switch (event.type) {
    case 'casus.DiscussionRecorded.v1':
      return doc.firstDiscussedAt === null ? { firstDiscussedAt: mark.at } : {};
    case 'casus.AgreementRecorded.v1': {
      const { agreementId, sessionId, text } = event.data;
      // An event written before sharing was recorded has no list: it was shared with nobody.
      const sharedWithOrganisationIds = event.data.sharedWithOrganisationIds ?? [];
      const entry = { agreementId, sessionId, text, recordedAt: mark.at, sharedWithOrganisationIds };
      return { agreements: [...doc.agreements, entry] };
    }
    case 'casus.ActionAssigned.v1': {
      const { actionId, sessionId, description, dueDate } = event.data;
      const entry = { actionId, sessionId, description, dueDate, assignedAt: mark.at, completedAt: null };
      return { actions: { ...doc.actions, [actionId]: entry } };
    }
    case 'casus.ActionCompleted.v1': {
      const action = doc.actions[event.data.actionId];
      if (!action) return {};
      return { actions: { ...doc.actions, [action.actionId]: { ...action, completedAt: mark.at } } };
    }
    case 'casus.FinancierRequested.v1': {
      const organisationId = event.data.financierOrganisationId;
      if (doc.askedOrganisationIds.includes(organisationId)) return {};
      return { askedOrganisationIds: [...doc.askedOrganisationIds, organisationId] };
    }
    case 'casus.CaseEscalated.v1': {
      const e = event.data;
      const entry = {
        escalationId: e.escalationId,
        question: e.question,
        decisionDueOn: e.decisionDueOn,
        agreedDueDate: e.agreedDueDate,
        raisedFromEscalationId: e.raisedFromEscalationId,
        openedAt: mark.at,
        closedAt: null,
        decision: null,
      };
      return { escalations: { ...doc.escalations, [e.escalationId]: entry } };
    }
    case 'casus.BreakthroughDecided.v1': {
      const e = event.data;
      const escalation = doc.escalations[e.escalationId];
      if (!escalation) return {};
      const decision = {
        decisionId: e.decisionId,
        summary: e.summary,
        evaluationDate: e.evaluationDate,
        validUntil: e.validUntil,
        decidedAt: mark.at,
        decidedByOrganisationId: e.decidedByOrganisationId,
        assignments: e.assignments.map((a) => ({
          needId: a.needId,
          responsibilityId: a.responsibilityId,
          lawDomain: a.lawDomain,
          financierOrganisationId: a.financierOrganisationId,
          provisional: a.provisional,
          deliveredByOrganisationId: a.deliveredByOrganisationId,
        })),
      };
      return { escalations: { ...doc.escalations, [e.escalationId]: { ...escalation, decision } } };
    }
    case 'casus.OfferRequested.v1': {
      const { offerId } = event.data;
      const entry = { offerId, requestedAt: mark.at, answeredAt: null, refusalReason: null };
      return { offers: { ...doc.offers, [offerId]: entry } };
    }
    case 'casus.OfferAccepted.v1':
    case 'casus.OfferRefused.v1': {
      const offer = doc.offers[event.data.offerId];
      if (!offer) return {};
      const refusalReason = event.type === 'casus.OfferRefused.v1' ? event.data.reasonCode : null;
      return {
        offers: { ...doc.offers, [offer.offerId]: { ...offer, answeredAt: mark.at, refusalReason } },
      };
    }
    default:
      return {};
  }
}
