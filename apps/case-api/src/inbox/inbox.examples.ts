/** OpenAPI examples of the inbox: ids, codes and dates only (no personal data, no free text). */

const ITEM = {
  notificationId: '5f0c7a1e-2b94-8d3c-9a61-4e7b0d2c8f15',
  sequence: 311,
  kind: 'responsibility-requested',
  caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  asked: 'answer-responsibility-request',
  dueDate: '2026-03-12',
  overdue: false,
  link: '/cases/3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  eventId: 'c2a4d6e8-1b3f-4a5c-8d7e-9f0a1b2c3d4e',
  position: 1042,
  createdAt: '2026-03-05T10:20:00.000Z',
  acknowledged: null,
};

export const INBOX_EXAMPLE = {
  organisationId: '3311',
  now: '2026-03-10T09:00:00.000Z',
  today: '2026-03-10',
  asOfPosition: 1057,
  items: [
    ITEM,
    {
      ...ITEM,
      notificationId: '0d9e3b2a-6c1f-8e47-b5a0-7f2c9d4e1a36',
      sequence: 298,
      kind: 'deadline-approaching',
      caseId: '8e2d4f6a-1c3b-4d5e-9f7a-2b4c6d8e0f1a',
      link: '/cases/8e2d4f6a-1c3b-4d5e-9f7a-2b4c6d8e0f1a',
      dueDate: '2026-03-09',
      overdue: false,
      eventId: '7a9c1e3f-5b7d-4f9a-8c2e-4a6c8e0a2c4e',
      position: 1001,
      createdAt: '2026-03-04T07:00:00.000Z',
      acknowledged: { at: '2026-03-04T08:15:00.000Z', by: 'u-4c1e9a' },
    },
  ],
  nextCursor: 'WyJpbmJveCIsMjk4XQ',
};

export const STREAM_EXAMPLE =
  `event: notification\nid: 311\ndata: ${JSON.stringify(ITEM)}\n\n` + ': heartbeat\n\n';

export const ACKNOWLEDGE_EXAMPLE = {
  caseId: ITEM.caseId,
  version: 12,
  position: 1058,
  events: [{ eventId: '9b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a', type: 'casus.NotificationAcknowledged.v1' }],
};
