import type { DeadlineApproaching, DeadlineMissed } from '../events/deadlines';
import type { NotificationAcknowledged } from '../events/notifications';
import { own } from '../own';
import type { CaseState, DeadlineNotice } from '../state';

const NO_NOTICE: DeadlineNotice = { approachingFor: null, missedFor: null };

/*
 * A state folded by an older version (e.g. a stored read-model document) may lack these two records; they start
 * empty then.
 */
function noticesOf(state: CaseState): CaseState['deadlineNotices'] {
  return (state.deadlineNotices as CaseState['deadlineNotices'] | undefined) ?? {};
}

function acknowledgementsOf(state: CaseState): CaseState['acknowledgements'] {
  return (state.acknowledgements as CaseState['acknowledgements'] | undefined) ?? {};
}

/** Records what the deadline watcher noted (per deadline, the due date) and who acknowledged which notification. */
export function evolveNotices(
  state: CaseState,
  event: DeadlineApproaching | DeadlineMissed | NotificationAcknowledged,
): CaseState {
  switch (event.type) {
    case 'casus.DeadlineApproaching.v1':
    case 'casus.DeadlineMissed.v1': {
      const { deadlineId, dueOn } = event.data;
      const before = noticeOf(state, deadlineId);
      const after: DeadlineNotice =
        event.type === 'casus.DeadlineApproaching.v1'
          ? { ...before, approachingFor: dueOn }
          : { ...before, missedFor: dueOn };
      return { ...state, deadlineNotices: { ...noticesOf(state), [deadlineId]: after } };
    }
    case 'casus.NotificationAcknowledged.v1': {
      const { notificationId, organisationId } = event.data;
      if (hasAcknowledged(state, notificationId, organisationId)) return state;
      const acknowledgements = acknowledgementsOf(state);
      const by = own(acknowledgements, notificationId) ?? [];
      return {
        ...state,
        acknowledgements: { ...acknowledgements, [notificationId]: [...by, organisationId] },
      };
    }
  }
}

/** What the watcher noted about a deadline (nothing yet: both null). */
export function noticeOf(state: CaseState, deadlineId: string): DeadlineNotice {
  return own(noticesOf(state), deadlineId) ?? NO_NOTICE;
}

/** Whether the organisation already acknowledged the notification. */
export function hasAcknowledged(state: CaseState, notificationId: string, organisationId: string): boolean {
  return own(acknowledgementsOf(state), notificationId)?.includes(organisationId) ?? false;
}
