/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Machine-readable code, e.g. a domain error code such as `escalation-without-decision-owner`. */
  readonly code?: string;
  /** The underlying rule's code when a domain refusal comes from one, e.g. `deadline.already-extended`. */
  readonly rule?: string;
  /** For validation failures: every bad field with what is wrong with it. */
  readonly errors?: readonly FieldError[];
  readonly correlationId?: string;
}

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  fields: Partial<Omit<ProblemDetails, 'status'>> = {},
): ProblemDetails {
  const title = fields.title ?? TITLES[status] ?? 'Error';
  const type = fields.type ?? (fields.code ? `urn:casusregie:problem:${fields.code}` : 'about:blank');
  return { ...fields, type, title, status };
}

/** An error that already knows its problem details (thrown by the HTTP layer, mapped as is). */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}
