import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTIFICATIONS_TOPIC, notificationHeaders } from '../../policy/notification-message';
import { ASKED_ACTIONS, NOTIFICATION_KINDS } from '../../policy/notification';
import { ASKED_BY_DEADLINE_KIND } from '../../policy/notifications-for';
import { CASE_EVENTS_TOPIC, caseEventHeaders } from '../case-event-message';
import { PUBLIC_CASE_EVENT_TYPES, removedFields } from '../public-data';

/** docs/MESSAGES.md documents what the code does: every kind, code, header and removed field. */
describe('docs/MESSAGES.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../../docs/MESSAGES.md'), 'utf8');
  const rows = doc.split('\n').filter((line) => line.startsWith('|'));

  it('names both topics and every header the library adds', () => {
    for (const name of [NOTIFICATIONS_TOPIC, CASE_EVENTS_TOPIC]) expect(doc).toContain(`\`${name}\``);
    const headers = Object.keys({ ...notificationHeaders({} as never), ...caseEventHeaders({} as never) });
    for (const header of headers) expect(rows.some((r) => r.startsWith(`| \`${header}\``))).toBe(true);
  });

  it('lists every notification kind and every asked code', () => {
    for (const kind of NOTIFICATION_KINDS) expect(rows.some((r) => r.includes(`\`${kind}\``))).toBe(true);
    for (const asked of ASKED_ACTIONS) expect(doc).toContain(`\`${asked}\``);
    for (const [kind, asked] of Object.entries(ASKED_BY_DEADLINE_KIND)) {
      expect(rows.find((r) => r.startsWith(`| \`${kind}\``))?.replace(/\s+/g, ' ')).toBe(
        `| \`${kind}\` | \`${asked}\` |`,
      );
    }
  });

  it('lists, for every event type with a public form, exactly the fields it removes', () => {
    const section = doc.slice(doc.indexOf('## Public case events')).split('\n');
    for (const type of PUBLIC_CASE_EVENT_TYPES) {
      const row = section.find((r) => r.startsWith(`| \`${type}\``));
      const removed = removedFields(type);
      const expected = removed.length === 0 ? '—' : removed.map((f) => `\`${f}\``).join(', ');
      expect({ type, row: row?.split('|')[2].trim() }).toEqual({ type, row: expected });
    }
  });
});
