/** `$.tables[i].sessions`: the dates a table meets. */

import type { TableSession } from '../types';
import { ID_FORMAT } from './formats';
import { checkUnique, expectIsoDate, expectObject, expectString, rejectUnknownFields } from './primitives';
import { Problems, childPath } from './problems';

const SESSION_FIELDS = ['id', 'date'] as const;

export function validateSessions(
  items: readonly unknown[],
  path: string,
  problems: Problems,
): TableSession[] {
  const seen = new Map<string, string>();
  const sessions: TableSession[] = [];
  items.forEach((item, index) => {
    const at = childPath(path, index);
    const obj = expectObject(item, at, problems);
    if (!obj) return;
    rejectUnknownFields(obj, SESSION_FIELDS, at, problems);
    const id = expectString(obj, 'id', at, problems, ID_FORMAT);
    const date = expectIsoDate(obj, 'date', at, problems, { workingDay: true });
    if (id !== undefined) checkUnique(seen, id, id, childPath(at, 'id'), problems, 'session id');
    if (id !== undefined && date !== undefined) sessions.push({ id, date });
  });
  return sessions;
}
