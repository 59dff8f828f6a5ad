import type { DeadlineApproaching, DeadlineMissed } from '../events/deadlines';
import type { NotificationAcknowledged } from '../events/notifications';
import { own } from '../own';
import type { CaseState, DeadlineNotice } from '../state';

const NO_NOTICE: DeadlineNotice = { approachingFor: null, missedFor: null };

/**
 * Records what the deadline watcher noted and who acknowledged which notification. A state folded by an older
 * version (e.g. a stored read-model document) may lack these records; they start empty then.
 */
export function evolveNotices(
  state: CaseState,
  event: DeadlineApproaching | DeadlineMissed | NotificationAcknowledged,
): CaseState {
  switch (event.type) {
    case 'casus.DeadlineApproaching.v1':
    case 'casus.DeadlineMissed.v1': {
      const { deadlineId, dueOn } = event.data;
      const notices = (state.deadlineNotices as CaseState['deadlineNotices'] | undefined) ?? {};
      const before = own(notices, deadlineId) ?? NO_NOTICE;
      const after: DeadlineNotice =
        event.type === 'casus.DeadlineApproaching.v1'
          ? { ...before, approachingFor: dueOn }
          : { ...before, missedFor: dueOn };
      return { ...state, deadlineNotices: { ...notices, [deadlineId]: after } };
    }
    case 'casus.NotificationAcknowledged.v1': {
      const { notificationId, organisationId } = event.data;
      const acknowledgements = (state.acknowledgements as CaseState['acknowledgements'] | undefined) ?? {};
      const by = own(acknowledgements, notificationId) ?? [];
      if (by.includes(organisationId)) return state;
      return {
        ...state,
        acknowledgements: { ...acknowledgements, [notificationId]: [...by, organisationId] },
      };
    }
  }
}

/** What the watcher noted about a deadline (nothing yet: both null). */
export function noticeOf(state: CaseState, deadlineId: string): DeadlineNotice {
  const notices = (state.deadlineNotices as CaseState['deadlineNotices'] | undefined) ?? {};
  return own(notices, deadlineId) ?? NO_NOTICE;
}

/** Whether the organisation already acknowledged the notification. */
export function hasAcknowledged(state: CaseState, notificationId: string, organisationId: string): boolean {
  const acknowledgements = (state.acknowledgements as CaseState['acknowledgements'] | undefined) ?? {};
  return own(acknowledgements, notificationId)?.includes(organisationId) ?? false;
}
