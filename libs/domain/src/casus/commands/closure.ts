import type { CaseResult } from '../events/closure';
import type { CaseCommandOf } from './command';

export type CloseCase = CaseCommandOf<'CloseCase', { caseId: string; result: CaseResult; note?: string }>;
export type ReopenCase = CaseCommandOf<'ReopenCase', { caseId: string; reason: string }>;

export type ClosureCommand = CloseCase | ReopenCase;
