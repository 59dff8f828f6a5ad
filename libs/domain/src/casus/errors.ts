/**
 * Expected business refusals of the casus decider. The `kind` tells the API which HTTP status to use:
 * - 'conflict' (409): the current state of the case does not allow the command (e.g. the case is closed);
 * - 'unprocessable' (422): the command contradicts a rule (e.g. an escalation without a decision owner);
 * - 'not-found' (404): the command names a need, responsibility, request, escalation... the case does not know;
 * - 'forbidden' (403): the actor's organisation may not do this (e.g. a doorbraakbesluit by someone other than
 *   the decision owner, or a liaison answering for another financier).
 * The kind is fixed per code so that the same refusal always maps to the same status.
 */
export type CaseErrorKind = 'conflict' | 'unprocessable' | 'not-found' | 'forbidden';

export const CASE_ERROR_KINDS = {
  // registration and lifecycle
  'case-not-registered': 'not-found',
  'case-already-registered': 'conflict',
  'case-closed': 'conflict',
  'case-not-closed': 'conflict',
  'case-referred': 'conflict',
  'case-not-triaged': 'conflict',
  'case-already-triaged': 'conflict',
  'open-escalation-blocks-closure': 'conflict',
  'unsettled-provisional-financing': 'conflict',
  'birthday18-only-for-transition-cases': 'unprocessable',
  'birthday18-required': 'unprocessable',
  // input rules
  'invalid-id': 'unprocessable',
  'invalid-value': 'unprocessable',
  'invalid-date': 'unprocessable',
  'invalid-instant': 'unprocessable',
  'text-required': 'unprocessable',
  'text-too-long': 'unprocessable',
  'possible-personal-data': 'unprocessable',
  'invalid-service-levels': 'unprocessable',
  'duplicate-id': 'conflict',
  'role-not-allowed': 'forbidden',
  // table
  'session-not-found': 'not-found',
  'session-already-on-agenda': 'conflict',
  'session-already-discussed': 'conflict',
  'present-organisations-required': 'unprocessable',
  'action-not-found': 'not-found',
  'action-already-done': 'conflict',
  'party-already-in-role': 'conflict',
  // needs and responsibilities
  'need-not-found': 'not-found',
  'need-already-exists': 'conflict',
  'need-ended': 'conflict',
  'responsibility-not-found': 'not-found',
  'responsibility-already-proposed': 'conflict',
  'financier-kind-mismatch': 'unprocessable',
  'not-proposed': 'conflict',
  'not-requested': 'conflict',
  'responsibility-final': 'conflict',
  'need-already-held': 'conflict',
  'not-the-financier': 'forbidden',
  'jeugdwet-after-18-requires-grounds': 'unprocessable',
  // escalation
  'not-discussed-at-table': 'unprocessable',
  'decision-owner-required': 'unprocessable',
  'mandate-holder-required': 'unprocessable',
  'escalation-level-skipped': 'unprocessable',
  'highest-level-reached': 'conflict',
  'escalation-already-open': 'conflict',
  'escalation-not-found': 'not-found',
  'escalation-not-open': 'conflict',
  'dispute-needs-required': 'unprocessable',
  'due-date-in-past': 'unprocessable',
  'not-the-decision-owner': 'forbidden',
  'assignments-required': 'unprocessable',
  'duplicate-need-in-decision': 'unprocessable',
  'settlement-agreement-required': 'unprocessable',
  'not-provisional': 'conflict',
  // offers and placement
  'offer-not-found': 'not-found',
  'offer-not-open': 'conflict',
  'not-the-provider': 'forbidden',
  'provider-kind-required': 'unprocessable',
  'offer-not-accepted': 'conflict',
  'offer-already-placed': 'conflict',
  'placement-without-financier': 'unprocessable',
  'need-already-placed': 'conflict',
  'placement-not-found': 'not-found',
  'placement-already-ended': 'conflict',
  'end-before-start': 'unprocessable',
  // 18-/18+
  'not-a-transition-case': 'conflict',
  'birthday-not-reached': 'conflict',
  'routes-required': 'unprocessable',
  'verlengde-jeugdhulp-not-possible': 'unprocessable',
  'verlengde-jeugdhulp-window-closed': 'unprocessable',
  'plan-after-birthday-only-condition-iii': 'unprocessable',
  // statutory applications
  'application-not-found': 'not-found',
  'application-already-decided': 'conflict',
  // deadlines
  'deadline-not-found': 'not-found',
  'deadline-refused': 'conflict',
  // notifications
  'invalid-notification-id': 'unprocessable',
} as const satisfies Record<string, CaseErrorKind>;

export type CaseErrorCode = keyof typeof CASE_ERROR_KINDS;

export class CaseError extends Error {
  readonly kind: CaseErrorKind;

  constructor(
    readonly code: CaseErrorCode,
    message: string,
    /** The code of an underlying rule, e.g. the deadline library's `deadline.already-extended`. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'CaseError';
    this.kind = CASE_ERROR_KINDS[code];
  }
}

export function refuse(code: CaseErrorCode, message: string, detail: string | null = null): never {
  throw new CaseError(code, message, detail);
}

export function isCaseError(error: unknown): error is CaseError {
  return error instanceof CaseError;
}
