import { DeadlineError } from '../../deadlines';
import type { DeadlineErrorCode } from '../../deadlines';
import { refuse } from '../errors';
import type { CaseErrorCode } from '../errors';

const CODE_BY_DEADLINE_CODE: Partial<Record<DeadlineErrorCode, CaseErrorCode>> = {
  'deadline.invalid-date': 'invalid-date',
  'deadline.invalid-input': 'invalid-value',
  'deadline.reason-required': 'text-required',
  'deadline.due-before-start': 'due-date-in-past',
  'deadline.extension-in-past': 'due-date-in-past',
};

/** Runs deadline library code; its refusals become case errors, keeping the library's code as `detail`. */
export function underDeadlineRules<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DeadlineError) {
      refuse(CODE_BY_DEADLINE_CODE[error.code] ?? 'deadline-refused', error.message, error.code);
    }
    throw error;
  }
}
