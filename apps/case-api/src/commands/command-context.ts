import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/request-principal';
import { ProblemError, problem } from '../platform/problem-details';
import type { CommandActor } from './case-command-executor';

/** What the HTTP layer adds to every command: who, correlation, If-Match and Idempotency-Key. */
export interface CommandContext {
  readonly actor: CommandActor;
  readonly correlationId: string;
  readonly ifMatch?: number;
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export const CommandContextParam = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal) throw new Error('CommandContextParam used on a route without authentication');
    const ifMatch = parseIfMatch(request.headers['if-match']);
    const key = request.headers['idempotency-key'];
    let idempotency: CommandContext['idempotency'];
    if (key !== undefined) {
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        throw new ProblemError(
          problem(400, {
            code: 'invalid-idempotency-key',
            detail: 'Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 . _ : -',
          }),
        );
      }
      const requestHash = createHash('sha256')
        .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
        .digest('hex');
      idempotency = { key, requestHash };
    }
    return {
      actor: { userId: principal.sub, role: principal.role, organisationId: principal.org },
      correlationId: String(request.id),
      ifMatch,
      idempotency,
    };
  },
);

function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw new ProblemError(
      problem(400, {
        code: 'invalid-if-match',
        detail: 'If-Match must be a case version as returned in the ETag, e.g. "3".',
      }),
    );
  }
  return Number(match[1]);
}
