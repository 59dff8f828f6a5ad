/** `$.tables[i].serviceLevels`: the table's service levels in working days. */

import type { ServiceLevels } from '../types';
import { expectObject, expectPositiveInteger, rejectUnknownFields } from './primitives';
import { Problems } from './problems';

const SERVICE_LEVEL_FIELDS = [
  'discussionWorkingDays',
  'liaisonAnswerWorkingDays',
  'escalationDecisionWorkingDays',
] as const;

export function validateServiceLevels(
  value: unknown,
  path: string,
  problems: Problems,
): ServiceLevels | undefined {
  if (value === undefined) {
    problems.add(path, 'required field is missing');
    return undefined;
  }
  const obj = expectObject(value, path, problems);
  if (!obj) return undefined;
  rejectUnknownFields(obj, SERVICE_LEVEL_FIELDS, path, problems);
  const [discussionWorkingDays, liaisonAnswerWorkingDays, escalationDecisionWorkingDays] =
    SERVICE_LEVEL_FIELDS.map((field) =>
      expectPositiveInteger(obj, field, path, problems, 'a service level (in working days)'),
    );
  if (
    discussionWorkingDays === undefined ||
    liaisonAnswerWorkingDays === undefined ||
    escalationDecisionWorkingDays === undefined
  ) {
    return undefined;
  }
  return { discussionWorkingDays, liaisonAnswerWorkingDays, escalationDecisionWorkingDays };
}
