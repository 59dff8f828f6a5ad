import { HttpException } from '@nestjs/common';
import { ConcurrencyError, InvalidAppendError } from '@casusregie/event-store';
import { isCaseError } from '@casusregie/domain';
import { type ProblemDetails, ProblemError, problem } from './problem-details';

const CASE_ERROR_STATUS = { conflict: 409, unprocessable: 422, 'not-found': 404, forbidden: 403 } as const;

/** Fastify's own client errors (malformed JSON, wrong content type, body too large...). */
interface FastifyClientError {
  readonly statusCode: number;
  readonly code?: string;
  readonly message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const e = error as Partial<FastifyClientError> | null;
  return (
    typeof e?.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_')
  );
}

/**
 * Every error the API can meet, as problem details. Anything unexpected becomes a bare 500 without
 * internals; client mistakes never do.
 */
export function mapErrorToProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemError) return error.problem;
  if (isCaseError(error)) {
    return problem(CASE_ERROR_STATUS[error.kind], {
      code: error.code,
      detail: error.message,
      ...(error.detail ? { rule: error.detail } : {}),
    });
  }
  if (error instanceof ConcurrencyError) {
    return problem(409, {
      code: 'concurrent-update',
      detail: 'The case was changed by someone else at the same time; read it again and retry.',
    });
  }
  if (error instanceof InvalidAppendError)
    return problem(422, { code: 'invalid-event', detail: error.message });
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return problem(status, { detail: typeof detail === 'string' ? detail : undefined });
  }
  if (isFastifyClientError(error)) {
    return problem(error.statusCode, { code: error.code, detail: clientErrorDetail(error) });
  }
  return problem(500, { detail: 'An unexpected error occurred; it has been logged.' });
}

function clientErrorDetail(error: FastifyClientError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The JSON body is empty.';
    default:
      return error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(error.message)
        ? 'The body is not valid JSON.'
        : error.message;
  }
}
