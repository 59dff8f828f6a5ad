import type { EscalationEvent } from '../events/escalation';
import type { CaseState, EscalationRecord } from '../state';
import { addResponsibility, endResponsibilities, patchResponsibilities } from './helpers';

function withEscalationStatus(state: CaseState, id: string, status: EscalationRecord['status']): CaseState {
  const escalation = state.escalations[id];
  return {
    ...state,
    escalations: { ...state.escalations, [id]: { ...escalation, status } },
    openEscalationId: state.openEscalationId === id ? null : state.openEscalationId,
  };
}

export function evolveEscalation(state: CaseState, event: EscalationEvent): CaseState {
  switch (event.type) {
    case 'casus.CaseEscalated.v1': {
      const e = event.data;
      const base = e.raisedFromEscalationId
        ? withEscalationStatus(state, e.raisedFromEscalationId, 'raised')
        : state;
      const disputed = patchResponsibilities(base, e.disputedResponsibilityIds, () => ({
        status: 'disputed',
      }));
      return {
        ...disputed,
        escalations: {
          ...disputed.escalations,
          [e.escalationId]: {
            escalationId: e.escalationId,
            level: e.level,
            reason: e.reason,
            mandateHolder: e.mandateHolder,
            decisionOwner: e.decisionOwner,
            needIds: e.needIds,
            status: 'open',
          },
        },
        openEscalationId: e.escalationId,
      };
    }
    case 'casus.CaseDeescalated.v1':
      return withEscalationStatus(state, event.data.escalationId, 'de-escalated');
    case 'casus.AdviceRecorded.v1':
      return { ...state, adviceIds: [...state.adviceIds, event.data.adviceId] };
    case 'casus.BreakthroughDecided.v1': {
      const e = event.data;
      let next = withEscalationStatus(state, e.escalationId, 'decided');
      for (const a of e.assignments) {
        next = endResponsibilities(next, a.supersededResponsibilityIds, e.occurredAt);
        next = addResponsibility(next, {
          responsibilityId: a.responsibilityId,
          needId: a.needId,
          lawDomain: a.lawDomain,
          financierOrganisationId: a.financierOrganisationId,
          financierKind: a.financierKind,
          status: a.provisional ? 'provisional' : 'accepted',
          basis: 'opschaaltafel-decision',
          takesEffect: 'immediately',
        });
      }
      return { ...next, decisionIds: [...next.decisionIds, e.decisionId] };
    }
    case 'casus.ProvisionalFinancingSettled.v1': {
      const e = event.data;
      if (e.outcome === 'confirmed') {
        return patchResponsibilities(state, [e.provisionalResponsibilityId], () => ({ status: 'accepted' }));
      }
      const handedOver = patchResponsibilities(state, [e.provisionalResponsibilityId], () => ({
        status: 'transferred',
      }));
      return addResponsibility(handedOver, {
        responsibilityId: e.definitiveResponsibilityId,
        needId: e.needId,
        lawDomain: e.lawDomain,
        financierOrganisationId: e.financierOrganisationId,
        financierKind: e.financierKind,
        status: 'accepted',
        basis: 'opschaaltafel-decision',
        takesEffect: 'immediately',
      });
    }
  }
}
