import type { CaseCommand } from '../commands';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import { requireId, requireInstant } from '../validation';
import { acknowledgeNotification } from './acknowledge';
import { passEighteenthBirthday } from './birthday';
import { closeCase, reopenCase } from './closure';
import { closeDeadline, extendDeadline, resumeDeadline, suspendDeadline } from './deadlines';
import { decideBreakthrough, settleProvisionalFinancing } from './breakthrough';
import { deescalateCase, escalateCase, recordAdvice } from './escalation';
import { acceptOffer, endPlacement, refuseOffer, requestOffer, startPlacement } from './placement';
import { addParty, registerCase, triageCase } from './registration';
import {
  acceptResponsibility,
  endResponsibility,
  proposeResponsibility,
  rejectResponsibility,
  requestFinancier,
} from './responsibility';
import { recordStatutoryApplication, recordStatutoryDecision } from './statutory';
import { completeAction, putOnAgenda, recordDiscussion } from './table';
import { recordTransitionPlan } from './transition-plan';
import { requireRegistered } from './guards';
import { watchDeadlines } from './watch-deadlines';

/**
 * Decides which events a command produces in the given state, or refuses it with a CaseError. Pure: time comes
 * from `command.metadata.now`, and the same command on the same state always gives the same events.
 */
export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  const { metadata } = command;
  requireInstant(metadata?.now, 'The time of the command (metadata.now)');
  requireId(metadata.organisationId, "The actor's organisation");
  if (metadata.role === 'auditor')
    refuse('role-not-allowed', 'Auditors read case histories; they do not change them.');
  if (command.type !== 'RegisterCase') {
    requireRegistered(state);
    if (command.data.caseId !== state.caseId)
      refuse('invalid-id', `This is case ${state.caseId}, not ${command.data.caseId}.`);
  }
  switch (command.type) {
    case 'RegisterCase':
      return registerCase(command, state);
    case 'TriageCase':
      return triageCase(command, state);
    case 'AddParty':
      return addParty(command, state);
    case 'PutOnAgenda':
      return putOnAgenda(command, state);
    case 'RecordDiscussion':
      return recordDiscussion(command, state);
    case 'CompleteAction':
      return completeAction(command, state);
    case 'ProposeResponsibility':
      return proposeResponsibility(command, state);
    case 'RequestFinancier':
      return requestFinancier(command, state);
    case 'AcceptResponsibility':
      return acceptResponsibility(command, state);
    case 'RejectResponsibility':
      return rejectResponsibility(command, state);
    case 'EndResponsibility':
      return endResponsibility(command, state);
    case 'EscalateCase':
      return escalateCase(command, state);
    case 'DeescalateCase':
      return deescalateCase(command, state);
    case 'RecordAdvice':
      return recordAdvice(command, state);
    case 'DecideBreakthrough':
      return decideBreakthrough(command, state);
    case 'SettleProvisionalFinancing':
      return settleProvisionalFinancing(command, state);
    case 'RequestOffer':
      return requestOffer(command, state);
    case 'AcceptOffer':
      return acceptOffer(command, state);
    case 'RefuseOffer':
      return refuseOffer(command, state);
    case 'StartPlacement':
      return startPlacement(command, state);
    case 'EndPlacement':
      return endPlacement(command, state);
    case 'RecordTransitionPlan':
      return recordTransitionPlan(command, state);
    case 'PassEighteenthBirthday':
      return passEighteenthBirthday(command, state);
    case 'RecordStatutoryApplication':
      return recordStatutoryApplication(command, state);
    case 'RecordStatutoryDecision':
      return recordStatutoryDecision(command, state);
    case 'SuspendDeadline':
      return suspendDeadline(command, state);
    case 'ResumeDeadline':
      return resumeDeadline(command, state);
    case 'ExtendDeadline':
      return extendDeadline(command, state);
    case 'CloseDeadline':
      return closeDeadline(command, state);
    case 'WatchDeadlines':
      return watchDeadlines(command, state);
    case 'AcknowledgeNotification':
      return acknowledgeNotification(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
  }
}
