import { decide, foldCase } from '../index';
import type { CaseCommand } from '../commands';
import { isCaseError } from '../errors';

/** Ids come from clients: names of Object.prototype members must be unknown ids, not found entries. */
describe('ids that name Object.prototype members', () => {
  const metadata = {
    userId: 'u-1',
    role: 'coordinator',
    organisationId: 'GM0344',
    now: '2026-03-02T09:00:00.000Z',
  } as const;
  const registeredEvents = decide(
    {
      type: 'RegisterCase',
      data: {
        caseId: 'c-1',
        caseType: 'overig',
        urgency: 'normaal',
        summary: 'Test.',
        subjectId: 's-1',
        tableId: 'mwt-utrecht',
        aanbrenger: { organisationId: 'GM0344', kind: 'gemeente', code: 'GM0344' },
        regiehouder: { organisationId: 'GM0344', kind: 'gemeente', code: 'GM0344' },
        serviceLevels: {
          discussionWorkingDays: 10,
          liaisonAnswerWorkingDays: 5,
          escalationDecisionWorkingDays: 10,
        },
      },
      metadata,
    },
    foldCase([]),
  );
  const triaged = decide(
    { type: 'TriageCase', data: { caseId: 'c-1', outcome: 'accept-for-table' }, metadata },
    foldCase(registeredEvents),
  );
  const registered = foldCase([...registeredEvents, ...triaged]);

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '%s is an unknown offer, placement, escalation and deadline',
    (id) => {
      const commands: CaseCommand[] = [
        { type: 'AcceptOffer', data: { caseId: 'c-1', offerId: id }, metadata },
        {
          type: 'EndPlacement',
          data: { caseId: 'c-1', placementId: id, endDate: '2026-03-03', reason: 'x' },
          metadata,
        },
        { type: 'DeescalateCase', data: { caseId: 'c-1', escalationId: id, reason: 'x' }, metadata },
        { type: 'CloseDeadline', data: { caseId: 'c-1', deadlineId: id, reason: 'x' }, metadata },
      ] as unknown as CaseCommand[];
      for (const command of commands) {
        let error: unknown;
        try {
          decide(command, registered);
        } catch (e) {
          error = e;
        }
        expect([command.type, isCaseError(error) ? error.kind : error]).toEqual([command.type, 'not-found']);
      }
    },
  );
});
