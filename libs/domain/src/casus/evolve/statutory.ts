import type { StatutoryEvent } from '../events/statutory';
import type { CaseState } from '../state';

export function evolveStatutory(state: CaseState, event: StatutoryEvent): CaseState {
  switch (event.type) {
    case 'casus.StatutoryApplicationSubmitted.v1': {
      const { applicationId, kind } = event.data;
      return { ...state, applications: { ...state.applications, [applicationId]: { kind, decided: false } } };
    }
    case 'casus.StatutoryDecisionRecorded.v1': {
      const { applicationId } = event.data;
      const application = state.applications[applicationId];
      return {
        ...state,
        applications: { ...state.applications, [applicationId]: { ...application, decided: true } },
      };
    }
  }
}
