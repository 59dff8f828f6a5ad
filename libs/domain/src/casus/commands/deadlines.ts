import type { CaseCommandOf } from './command';

export type SuspendDeadline = CaseCommandOf<
  'SuspendDeadline',
  { caseId: string; deadlineId: string; reason: string }
>;
export type ResumeDeadline = CaseCommandOf<'ResumeDeadline', { caseId: string; deadlineId: string }>;
export type ExtendDeadline = CaseCommandOf<
  'ExtendDeadline',
  { caseId: string; deadlineId: string; reason: string; newDueDate: string }
>;

/** Closes a deadline that does not apply to this case, with a reason. */
export type CloseDeadline = CaseCommandOf<
  'CloseDeadline',
  { caseId: string; deadlineId: string; reason: string }
>;

export type DeadlineCommand = SuspendDeadline | ResumeDeadline | ExtendDeadline | CloseDeadline;
