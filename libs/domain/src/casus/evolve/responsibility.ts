import type { ResponsibilityEvent } from '../events/responsibility';
import type { CaseState } from '../state';
import { addResponsibility, endResponsibilities, patchResponsibilities } from './helpers';

export function evolveResponsibility(state: CaseState, event: ResponsibilityEvent): CaseState {
  switch (event.type) {
    case 'casus.ResponsibilityProposed.v1': {
      const e = event.data;
      return addResponsibility(state, {
        responsibilityId: e.responsibilityId,
        needId: e.needId,
        lawDomain: e.lawDomain,
        financierOrganisationId: e.financierOrganisationId,
        financierKind: e.financierKind,
        status: 'proposed',
        basis: e.basis,
        takesEffect: e.takesEffect,
      });
    }
    case 'casus.FinancierRequested.v1': {
      const { responsibilityId, requestId } = event.data;
      const requested = patchResponsibilities(state, [responsibilityId], (r) => ({
        status: r.status === 'disputed' ? 'disputed' : 'requested',
        openRequestId: requestId,
      }));
      return { ...requested, requestIds: [...state.requestIds, requestId] };
    }
    case 'casus.ResponsibilityAccepted.v1':
      return patchResponsibilities(state, [event.data.responsibilityId], () => ({
        status: 'accepted',
        openRequestId: null,
      }));
    case 'casus.ResponsibilityRejected.v2':
      return patchResponsibilities(state, [event.data.responsibilityId], () => ({
        status: 'rejected',
        openRequestId: null,
      }));
    case 'casus.ResponsibilityEnded.v1':
      return endResponsibilities(state, [event.data.responsibilityId], event.data.occurredAt);
  }
}
