import type { RegistrationEvent } from '../events/registration';
import type { CaseState } from '../state';
import { withPartyRole } from './helpers';

export function evolveRegistration(state: CaseState, event: RegistrationEvent): CaseState {
  switch (event.type) {
    case 'casus.CaseRegistered.v1': {
      const e = event.data;
      const registered = withPartyRole(
        {
          ...state,
          status: 'registered',
          caseId: e.caseId,
          caseType: e.caseType,
          urgency: e.urgency,
          tableId: e.tableId,
          subjectId: e.subjectId,
          birthday18: e.birthday18,
          serviceLevels: e.serviceLevels,
        },
        e.aanbrenger,
        'aanbrenger',
      );
      return withPartyRole(registered, e.regiehouder, 'regiehouder');
    }
    case 'casus.CaseAcceptedAtTriage.v1':
      return { ...state, status: 'accepted' };
    case 'casus.CaseReferredAtTriage.v1':
      return { ...state, status: 'referred' };
    case 'casus.PartyJoined.v1':
      return withPartyRole(state, event.data.party, event.data.role);
  }
}
