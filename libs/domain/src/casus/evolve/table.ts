import type { TableEvent } from '../events/table';
import type { CaseState } from '../state';
import { endResponsibilities } from './helpers';

export function evolveTable(state: CaseState, event: TableEvent): CaseState {
  switch (event.type) {
    case 'casus.CasePutOnAgenda.v1': {
      const { sessionId, sessionDate } = event.data;
      return { ...state, sessions: { ...state.sessions, [sessionId]: { sessionDate, discussed: false } } };
    }
    case 'casus.DiscussionRecorded.v1': {
      const { sessionId } = event.data;
      const session = state.sessions[sessionId];
      return { ...state, sessions: { ...state.sessions, [sessionId]: { ...session, discussed: true } } };
    }
    case 'casus.AgreementRecorded.v1':
      return { ...state, agreementIds: [...state.agreementIds, event.data.agreementId] };
    case 'casus.ActionAssigned.v1': {
      const { actionId, ownerOrganisationId } = event.data;
      return { ...state, actions: { ...state.actions, [actionId]: { ownerOrganisationId, done: false } } };
    }
    case 'casus.ActionCompleted.v1': {
      const { actionId } = event.data;
      return {
        ...state,
        actions: { ...state.actions, [actionId]: { ...state.actions[actionId], done: true } },
      };
    }
    case 'casus.NeedIdentified.v1': {
      const { needId, category, jeugdhulpKader } = event.data;
      return { ...state, needs: [...state.needs, { needId, category, jeugdhulpKader, status: 'open' }] };
    }
    case 'casus.NeedChanged.v1': {
      const { needId, category, jeugdhulpKader } = event.data;
      return {
        ...state,
        needs: state.needs.map((n) => (n.needId === needId ? { ...n, category, jeugdhulpKader } : n)),
      };
    }
    case 'casus.NeedEnded.v1': {
      const { needId, endedResponsibilityIds, occurredAt } = event.data;
      const ended = endResponsibilities(state, endedResponsibilityIds, occurredAt);
      return {
        ...ended,
        needs: ended.needs.map((n) => (n.needId === needId ? { ...n, status: 'ended' as const } : n)),
      };
    }
  }
}
