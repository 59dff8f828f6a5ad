import type { AcknowledgeNotification } from '../commands';
import type { ActorRole } from '../../vocabulary';
import { refusedWith } from '../test-support/expect-refusal';
import { CASE_ID, ORG, at, atTheTable, given, meta, playOn, stateOf } from '../test-support/fixtures';
import type { OrganisationRef } from '../types';

const NOTIFICATION_ID = '3f2c1a4e-9b7d-8c21-a5e3-0d4f6b7a8c9e';

function acknowledge(
  org: OrganisationRef,
  now: string,
  data: Partial<AcknowledgeNotification['data']> = {},
  role: ActorRole = 'liaison',
): AcknowledgeNotification {
  return {
    type: 'AcknowledgeNotification',
    data: { caseId: CASE_ID, notificationId: NOTIFICATION_ID, ...data },
    metadata: meta(now, org, role),
  };
}

const history = atTheTable();

describe('AcknowledgeNotification', () => {
  it("records the acknowledgement for the actor's organisation, with the kind when given", () => {
    given(history)
      .when(acknowledge(ORG.zilverenKruis, at(1), { kind: 'responsibility-requested' }))
      .then([
        {
          type: 'casus.NotificationAcknowledged.v1',
          data: {
            caseId: CASE_ID,
            notificationId: NOTIFICATION_ID,
            organisationId: ORG.zilverenKruis.organisationId,
            kind: 'responsibility-requested',
            occurredAt: at(1),
          },
        },
      ]);
  });

  it('is idempotent per organisation and notification; another organisation is recorded too', () => {
    const seen = playOn(history, acknowledge(ORG.zilverenKruis, at(1)));
    given(seen)
      .when(acknowledge(ORG.zilverenKruis, at(2)))
      .thenNothingHappened();
    given(seen)
      .when(acknowledge(ORG.utrecht, at(2), {}, 'coordinator'))
      .then([
        {
          type: 'casus.NotificationAcknowledged.v1',
          data: {
            caseId: CASE_ID,
            notificationId: NOTIFICATION_ID,
            organisationId: ORG.utrecht.organisationId,
            kind: null,
            occurredAt: at(2),
          },
        },
      ]);
    const both = playOn(seen, acknowledge(ORG.utrecht, at(2), {}, 'coordinator'));
    expect(stateOf(both).acknowledgements[NOTIFICATION_ID]).toEqual([
      ORG.zilverenKruis.organisationId,
      ORG.utrecht.organisationId,
    ]);
  });

  it('reads an upper-case id as the same notification', () => {
    const seen = playOn(history, acknowledge(ORG.zilverenKruis, at(1)));
    given(seen)
      .when(acknowledge(ORG.zilverenKruis, at(2), { notificationId: NOTIFICATION_ID.toUpperCase() }))
      .thenNothingHappened();
  });

  it('refuses an id that is not a notification UUID', () => {
    for (const notificationId of [
      'not-a-uuid',
      '',
      '3f2c1a4e-9b7d-4c21-a5e3-0d4f6b7a8c9e', // version 4, not a notification id
      `${NOTIFICATION_ID}0`,
      42 as unknown as string,
    ]) {
      given(history)
        .when(acknowledge(ORG.zilverenKruis, at(1), { notificationId }))
        .thenThrows(refusedWith('invalid-notification-id', 'unprocessable'));
    }
  });

  it('refuses a kind that is not a code', () => {
    given(history)
      .when(acknowledge(ORG.zilverenKruis, at(1), { kind: 'Gezien door mevrouw Jansen' }))
      .thenThrows(refusedWith('invalid-value', 'unprocessable'));
  });

  it('is for liaisons and coordinators only', () => {
    for (const role of ['admin', 'system', 'auditor'] as const) {
      given(history)
        .when(acknowledge(ORG.zilverenKruis, at(1), {}, role))
        .thenThrows(refusedWith('role-not-allowed', 'forbidden'));
    }
  });
});
