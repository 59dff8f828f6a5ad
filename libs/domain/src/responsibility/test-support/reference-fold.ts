/**
 * An independent reading of the events, for the property test: it rebuilds per responsibility the status,
 * domain, financier and effect straight from the event data, without the decider's evolve. The view must agree
 * with it at every step.
 */
import { upcast } from '../../casus/upcasters';
import type { StoredCaseEvent } from '../../casus/upcasters';

export interface ReferenceResponsibility {
  id: string;
  needId: string;
  status: string;
  lawDomain: string;
  financier: string;
  immediately: boolean;
}

export interface Reference {
  needs: Map<string, { open: boolean }>;
  responsibilities: Map<string, ReferenceResponsibility>;
}

export function referenceFold(events: readonly StoredCaseEvent[]): Reference {
  const needs = new Map<string, { open: boolean }>();
  const rs = new Map<string, ReferenceResponsibility>();
  const set = (id: string, patch: Partial<ReferenceResponsibility>) =>
    rs.set(id, { ...rs.get(id)!, ...patch });
  for (const stored of events) {
    const event = upcast(stored);
    switch (event.type) {
      case 'casus.NeedIdentified.v1':
        needs.set(event.data.needId, { open: true });
        break;
      case 'casus.NeedEnded.v1':
        needs.set(event.data.needId, { open: false });
        event.data.endedResponsibilityIds.forEach((id) => set(id, { status: 'ended' }));
        break;
      case 'casus.ResponsibilityProposed.v1': {
        const e = event.data;
        rs.set(e.responsibilityId, {
          id: e.responsibilityId,
          needId: e.needId,
          status: 'proposed',
          lawDomain: e.lawDomain,
          financier: e.financierOrganisationId,
          immediately: e.takesEffect === 'immediately',
        });
        break;
      }
      case 'casus.FinancierRequested.v1': {
        const current = rs.get(event.data.responsibilityId)!;
        set(current.id, { status: current.status === 'disputed' ? 'disputed' : 'requested' });
        break;
      }
      case 'casus.ResponsibilityAccepted.v1':
        set(event.data.responsibilityId, { status: 'accepted' });
        break;
      case 'casus.ResponsibilityRejected.v2':
        set(event.data.responsibilityId, { status: 'rejected' });
        break;
      case 'casus.ResponsibilityEnded.v1':
        set(event.data.responsibilityId, { status: 'ended' });
        break;
      case 'casus.CaseEscalated.v1':
        event.data.disputedResponsibilityIds.forEach((id) => set(id, { status: 'disputed' }));
        break;
      case 'casus.BreakthroughDecided.v1':
        for (const a of event.data.assignments) {
          a.supersededResponsibilityIds.forEach((id) => set(id, { status: 'ended' }));
          rs.set(a.responsibilityId, {
            id: a.responsibilityId,
            needId: a.needId,
            status: a.provisional ? 'provisional' : 'accepted',
            lawDomain: a.lawDomain,
            financier: a.financierOrganisationId,
            immediately: true,
          });
        }
        break;
      case 'casus.ProvisionalFinancingSettled.v1': {
        const e = event.data;
        if (e.outcome === 'confirmed') {
          set(e.provisionalResponsibilityId, { status: 'accepted' });
        } else {
          set(e.provisionalResponsibilityId, { status: 'transferred' });
          rs.set(e.definitiveResponsibilityId, {
            id: e.definitiveResponsibilityId,
            needId: e.needId,
            status: 'accepted',
            lawDomain: e.lawDomain,
            financier: e.financierOrganisationId,
            immediately: true,
          });
        }
        break;
      }
      case 'casus.TransitionPlanRecorded.v1':
        event.data.withdrawnResponsibilityIds.forEach((id) => set(id, { status: 'ended' }));
        break;
      case 'casus.EighteenthBirthdayPassed.v1':
        event.data.endings.forEach((e) => set(e.responsibilityId, { status: e.to }));
        event.data.takeovers.forEach((t) => set(t.responsibilityId, { immediately: true }));
        event.data.endedNeedIds.forEach((id) => needs.set(id, { open: false }));
        break;
      default:
        break;
    }
  }
  return { needs, responsibilities: rs };
}

export function isReferenceHolder(r: ReferenceResponsibility): boolean {
  return r.immediately && (r.status === 'accepted' || r.status === 'provisional');
}
