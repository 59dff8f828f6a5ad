import { liaisonAnswerDeadline } from '../../deadlines';
import type {
  AcceptResponsibility,
  EndResponsibility,
  ProposeResponsibility,
  RejectResponsibility,
  RequestFinancier,
} from '../commands/responsibility';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { REJECTION_REASONS } from '../events/responsibility';
import { hasHoldingStatus, isHolding } from '../holding';
import type { CommandMetadata } from '../../vocabulary';
import type { CaseState, ResponsibilityState } from '../state';
import { optionalText, requireId, requireOneOf, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import {
  requireAtTable,
  requireLawDomain,
  requireNewId,
  requireOpenNeed,
  requireResponsibility,
} from './guards';
import { proposal } from './proposal';

export function proposeResponsibility(command: ProposeResponsibility, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  return proposal(
    state,
    {
      need: requireOpenNeed(state, d.needId),
      responsibilityId: d.responsibilityId,
      lawDomain: d.lawDomain,
      financier: d.financier,
      context: d.context,
      deviationReason: d.deviationReason,
      takesEffect: 'immediately',
    },
    command.metadata.now,
  );
}

export function requestFinancier(command: RequestFinancier, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  const r = requireResponsibility(state, d.responsibilityId);
  requireOpenNeed(state, r.needId);
  const askable = r.status === 'proposed' || (r.status === 'disputed' && r.openRequestId === null);
  if (!askable) {
    refuse(
      'not-proposed',
      `The responsibility ${r.responsibilityId} is ${r.status}; only a proposal can be requested.`,
    );
  }
  const requestId = requireId(d.requestId, 'The request id');
  requireNewId(state.requestIds.includes(requestId), requestId, 'request');
  const answer = underDeadlineRules(() =>
    liaisonAnswerDeadline(
      requestId,
      at,
      r.financierOrganisationId,
      state.serviceLevels ?? undefined,
      r.needId,
    ),
  );
  return [
    {
      type: 'casus.FinancierRequested.v1',
      data: {
        caseId: state.caseId!,
        needId: r.needId,
        responsibilityId: r.responsibilityId,
        requestId,
        financierOrganisationId: r.financierOrganisationId,
        question: optionalText(d.question, 'The question to the financier'),
        answerDueOn: answer.originalDueAt,
        occurredAt: at,
      },
    },
  ];
}

/** The answer to a request comes from the financier itself. */
function requireOpenRequestForActor(r: ResponsibilityState, metadata: CommandMetadata): string {
  if (r.openRequestId === null) {
    refuse(
      'not-requested',
      `The financier has not been asked about ${r.responsibilityId} (status ${r.status}).`,
    );
  }
  if (metadata.organisationId !== r.financierOrganisationId) {
    refuse('not-the-financier', `Only ${r.financierOrganisationId} can answer for ${r.responsibilityId}.`);
  }
  return r.openRequestId;
}

export function acceptResponsibility(command: AcceptResponsibility, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const r = requireResponsibility(state, command.data.responsibilityId);
  const requestId = requireOpenRequestForActor(r, command.metadata);
  requireOpenNeed(state, r.needId);
  // Invariant: one holder per need at a time (and one planned holder for the 18th birthday).
  const holder = state.responsibilities.find(
    (x) =>
      x.needId === r.needId &&
      x.responsibilityId !== r.responsibilityId &&
      x.takesEffect === r.takesEffect &&
      hasHoldingStatus(x),
  );
  if (holder) {
    refuse(
      'need-already-held',
      `${holder.financierOrganisationId} (${holder.lawDomain}) already holds this need as ${holder.status} ` +
        `(${holder.responsibilityId}); it must end or be settled first.`,
    );
  }
  return [
    {
      type: 'casus.ResponsibilityAccepted.v1',
      data: {
        caseId: state.caseId!,
        needId: r.needId,
        responsibilityId: r.responsibilityId,
        requestId,
        financierOrganisationId: r.financierOrganisationId,
        occurredAt: command.metadata.now,
      },
    },
  ];
}

export function rejectResponsibility(command: RejectResponsibility, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const r = requireResponsibility(state, d.responsibilityId);
  const requestId = requireOpenRequestForActor(r, command.metadata);
  return [
    {
      type: 'casus.ResponsibilityRejected.v2',
      data: {
        caseId: state.caseId!,
        needId: r.needId,
        responsibilityId: r.responsibilityId,
        requestId,
        financierOrganisationId: r.financierOrganisationId,
        reasonCode: requireOneOf(d.reasonCode, REJECTION_REASONS, 'The reason'),
        explanation: requireText(d.explanation, 'The explanation of the rejection'),
        referralLawDomain:
          d.referralLawDomain === undefined
            ? null
            : requireLawDomain(d.referralLawDomain, 'The referral law domain'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

export function endResponsibility(command: EndResponsibility, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const r = requireResponsibility(state, command.data.responsibilityId);
  if (r.status === 'ended' || r.status === 'transferred' || r.status === 'rejected') {
    refuse('responsibility-final', `The responsibility ${r.responsibilityId} is already ${r.status}.`);
  }
  if (r.status === 'provisional') {
    refuse(
      'unsettled-provisional-financing',
      `${r.responsibilityId} is a provisional arrangement; it ends by settlement (verrekening).`,
    );
  }
  return [
    {
      type: 'casus.ResponsibilityEnded.v1',
      data: {
        caseId: state.caseId!,
        needId: r.needId,
        responsibilityId: r.responsibilityId,
        wasHolding: isHolding(r),
        reason: requireText(command.data.reason, 'The reason'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}
