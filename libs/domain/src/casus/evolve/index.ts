import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import { evolveClosure } from './closure';
import { evolveDeadlines } from './deadlines';
import { evolveEscalation } from './escalation';
import { evolveNotices } from './notices';
import { evolvePlacement } from './placement';
import { evolveRegistration } from './registration';
import { evolveResponsibility } from './responsibility';
import { evolveStatutory } from './statutory';
import { evolveTable } from './table';
import { evolveTransition } from './transition';

/**
 * Applies one (current-version) event to the state. Pure and total for events that decide produced: it never
 * re-applies business rules, it records what the event says. Upcast older versions first (see upcasters.ts).
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  return evolveDeadlines(evolveFacts(state, event), event);
}

function evolveFacts(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'casus.CaseRegistered.v1':
    case 'casus.CaseAcceptedAtTriage.v1':
    case 'casus.CaseReferredAtTriage.v1':
    case 'casus.PartyJoined.v1':
      return evolveRegistration(state, event);
    case 'casus.CasePutOnAgenda.v1':
    case 'casus.DiscussionRecorded.v1':
    case 'casus.AgreementRecorded.v1':
    case 'casus.ActionAssigned.v1':
    case 'casus.ActionCompleted.v1':
    case 'casus.NeedIdentified.v1':
    case 'casus.NeedChanged.v1':
    case 'casus.NeedEnded.v1':
      return evolveTable(state, event);
    case 'casus.ResponsibilityProposed.v1':
    case 'casus.FinancierRequested.v1':
    case 'casus.ResponsibilityAccepted.v1':
    case 'casus.ResponsibilityRejected.v2':
    case 'casus.ResponsibilityEnded.v1':
      return evolveResponsibility(state, event);
    case 'casus.CaseEscalated.v1':
    case 'casus.CaseDeescalated.v1':
    case 'casus.AdviceRecorded.v1':
    case 'casus.BreakthroughDecided.v1':
    case 'casus.ProvisionalFinancingSettled.v1':
      return evolveEscalation(state, event);
    case 'casus.OfferRequested.v1':
    case 'casus.OfferAccepted.v1':
    case 'casus.OfferRefused.v1':
    case 'casus.PlacementStarted.v1':
    case 'casus.PlacementEnded.v1':
      return evolvePlacement(state, event);
    case 'casus.TransitionPlanRecorded.v1':
    case 'casus.EighteenthBirthdayPassed.v1':
      return evolveTransition(state, event);
    case 'casus.StatutoryApplicationSubmitted.v1':
    case 'casus.StatutoryDecisionRecorded.v1':
      return evolveStatutory(state, event);
    case 'casus.DeadlineSuspended.v1':
    case 'casus.DeadlineResumed.v1':
    case 'casus.DeadlineExtended.v1':
    case 'casus.DeadlineClosed.v1':
      return state;
    case 'casus.DeadlineApproaching.v1':
    case 'casus.DeadlineMissed.v1':
    case 'casus.NotificationAcknowledged.v1':
      return evolveNotices(state, event);
    case 'casus.CaseClosed.v1':
    case 'casus.CaseReopened.v1':
      return evolveClosure(state, event);
  }
}
