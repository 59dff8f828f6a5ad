import { notificationHeaders, notificationKey, toNotificationMessageValue } from '../notification-message';
import { NOTIFICATION_KINDS } from '../notification';
import { at, CaseJourney } from '../test-support/case-journey';
import { BIRTHDAY_18, catalogue } from '../test-support/catalogue';
import { personalDataIn, SEEDED, SEEDED_WORDS } from '../test-support/personal-data';

describe('notifications carry no personal data', () => {
  // Every free text (summary, reasons, explanations, questions, agreements, advice, notes, function titles) and
  // every subject id of every journey holds a name, a BSN, a birth date and a diagnosis; a stored version-1
  // rejection carries the BSN as nine digits, and a watcher event an undocumented field with all of it.
  const seeded = catalogue(SEEDED_WORDS, ` BSN ${SEEDED.bsn}`);
  const notifications = seeded.journeys.flatMap((j) => j.notifications());

  it('given cases whose stored events hold the seeded personal data', () => {
    const stored = JSON.stringify(seeded.steps.map((s) => s.envelope));
    // The 18th birthday is stored in its ISO form only: in `birthday18` and inside the transition deadline ids.
    expect(personalDataIn(stored).sort()).toEqual([...Object.values(SEEDED), BIRTHDAY_18].sort());
    expect(stored).toContain(`"deadlineId":"transition-plan-started:${BIRTHDAY_18}"`);
  });

  it('when every event of every type is run through the policy, then every kind of notification is produced', () => {
    expect(new Set(notifications.map((n) => n.kind))).toEqual(new Set(NOTIFICATION_KINDS));
  });

  it('then no notification, message value, key or header contains any of it', () => {
    const messages = notifications.map((n) => ({
      key: notificationKey(n),
      headers: notificationHeaders(n),
      value: toNotificationMessageValue(n),
    }));
    const leaks = messages
      .map((m) => ({ kind: m.value.kind, found: personalDataIn(JSON.stringify(m)) }))
      .filter((l) => l.found.length > 0);
    expect(leaks).toEqual([]);
  });

  it('then a notification has only its thin fields: ids, codes, a date and a link', () => {
    const fields = new Set(notifications.flatMap((n) => Object.keys(n)));
    expect([...fields].sort()).toEqual(
      [
        'asked',
        'caseId',
        'correlationId',
        'dueDate',
        'eventId',
        'kind',
        'link',
        'notificationId',
        'recipientOrganisationId',
      ].sort(),
    );
  });

  it('the domain itself refuses a BSN typed into free text, which is why the seeded texts write it with dots', () => {
    const j = new CaseJourney('case-bsn', undefined, {
      text: (field) => `${field}: bsn ${SEEDED.bsn}`,
      subjectId: () => 'subject-1',
    });
    expect(() => j.register(at(0))).toThrow(expect.objectContaining({ code: 'possible-personal-data' }));
  });
});
