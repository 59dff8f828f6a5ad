import { ProblemError, problem } from '../platform/problem-details';

/** Problems of the subject endpoints. They name fields and opaque ids, never a personal value. */

/** Unknown, or not readable by the caller: the same answer, so that a subject's existence does not leak. */
export function subjectNotFound(): ProblemError {
  return new ProblemError(
    problem(404, {
      code: 'subject-not-found',
      detail: 'No such subject, or you may not read it (only coordinators of a table where it has a case).',
    }),
  );
}

export function subjectErased(): ProblemError {
  return new ProblemError(
    problem(410, {
      code: 'subject-erased',
      detail:
        "This subject's personal data was erased: its key is destroyed and its fields can never be read again.",
    }),
  );
}

export function invalidField(field: string, messages: readonly string[]): ProblemError {
  return new ProblemError(
    problem(400, {
      code: 'invalid-request',
      detail: 'The request has invalid fields; nothing was changed.',
      errors: [{ field, messages }],
    }),
  );
}

export function subjectIdempotencyKeyReused(): ProblemError {
  return new ProblemError(
    problem(422, {
      code: 'idempotency-key-reused',
      detail: 'This Idempotency-Key registered a subject with other data; use a new key.',
    }),
  );
}

/** POST /cases with a subject id that was never registered (or not a subject the API can use). */
export function unknownSubject(): ProblemError {
  return new ProblemError(
    problem(422, {
      code: 'unknown-subject',
      detail: 'subjectId does not refer to a registered subject; register the client first (POST /subjects).',
      errors: [{ field: 'subjectId', messages: ['unknown subject'] }],
    }),
  );
}

/** POST /cases for a transition case whose subject was erased: there is no birth date to derive from. */
export function subjectErasedForCase(): ProblemError {
  return new ProblemError(
    problem(422, {
      code: 'subject-erased',
      detail: "The subject's personal data was erased, so its 18th birthday cannot be derived.",
      errors: [{ field: 'subjectId', messages: ['subject erased'] }],
    }),
  );
}
