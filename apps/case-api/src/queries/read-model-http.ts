import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { type Observable, catchError, throwError } from 'rxjs';
import { type AccessFilter, type CaseAccessFacts, ReadModelQueryError } from '@casusregie/projections';
import { type CaseScope, ROLE_SCOPES } from '@casusregie/security';
import type { Authenticator } from '../auth/authenticator';
import type { RequestPrincipal } from '../auth/request-principal';
import { ProblemError, problem } from '../platform/problem-details';
import { ReadModelBehindError } from './read-models.provider';

/* ---- Query-string values: strict conversions; anything else is left as is for the validators to refuse ---- */

/** 'true' or 'false'. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Digits only (no signs, exponents, spaces or fractions). */
export const toWholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;

/** One or more values: repeated (`status=a&status=b`) or comma-separated (`status=a,b`). */
export const toList = ({ value }: { value: unknown }) => {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (parts === undefined || parts.some((p) => typeof p !== 'string')) return value;
  return (parts as string[]).flatMap((p) => p.split(',')).map((p) => p.trim());
};

/** Query parameters every read-model endpoint takes. */
export class ReadModelQueryDto {
  @ApiPropertyOptional({
    description:
      'Read your own write: the `position` from a command response. The query waits (bounded) until the read ' +
      'model has applied the log up to it; if it does not get there in time the answer is 503 ' +
      '`read-model-behind` with Retry-After, never stale data.',
    type: 'integer',
    example: 1042,
    minimum: 0,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

/* ---- Who sees what ---- */

function caseScopeOf(principal: RequestPrincipal): CaseScope {
  if (!Object.hasOwn(ROLE_SCOPES, principal.role)) return 'none';
  const scope = ROLE_SCOPES[principal.role].cases;
  if (scope === 'involved-organisation' && (typeof principal.org !== 'string' || principal.org === '')) {
    return 'none';
  }
  return scope;
}

function noCaseAccess(principal: RequestPrincipal): ProblemError {
  return new ProblemError(
    problem(403, { code: 'forbidden', detail: `Your role (${principal.role}) may not read cases.` }),
  );
}

/**
 * The caller's access filter, applied in SQL before paging and counting (libs/security ROLE_SCOPES): coordinators
 * their tables, liaisons the cases their organisation is a party to or was asked to answer on, auditors all.
 * Deny by default.
 */
export function accessFilterOf(principal: RequestPrincipal): AccessFilter {
  switch (caseScopeOf(principal)) {
    case 'all':
      return {};
    case 'own-tables':
      return { tables: [...principal.tables] };
    case 'involved-organisation':
      return { organisation: principal.org };
    default:
      throw noCaseAccess(principal);
  }
}

/** The access filter narrowed to the tables asked for (only ever narrower than what the caller may see). */
export function narrowedToTables(access: AccessFilter, tables: readonly string[] | undefined): AccessFilter {
  if (tables === undefined) return access;
  return {
    ...access,
    tables: access.tables === undefined ? [...tables] : access.tables.filter((t) => tables.includes(t)),
  };
}

/** Whether one case is within the caller's reach (the same rule as accessFilterOf, for a single case). */
export function mayReadCase(principal: RequestPrincipal, facts: CaseAccessFacts): boolean {
  switch (caseScopeOf(principal)) {
    case 'all':
      return true;
    case 'own-tables':
      return principal.tables.includes(facts.tableId);
    case 'involved-organisation':
      return (
        facts.partyOrganisationIds.includes(principal.org) ||
        facts.askedOrganisationIds.includes(principal.org)
      );
    default:
      return false;
  }
}

/**
 * 'full' with case.read-full (coordinators, auditors); otherwise 'reduced' (liaisons): no free text (summary,
 * agreements, questions, decision texts...), since the read models do not record with whom a text was shared.
 */
export type CaseView = 'full' | 'reduced';

export function caseViewOf(authenticator: Authenticator, principal: RequestPrincipal): CaseView {
  return authenticator.hasPermission(principal, 'case.read-full') ? 'full' : 'reduced';
}

/* ---- Errors of the read side as problem+json ---- */

/**
 * Maps the read side's own errors: a minPosition the read model did not reach in time is 503 `read-model-behind`
 * with Retry-After; a cursor that does not fit the query is 400 naming `cursor`.
 */
@Injectable()
export class ReadModelErrorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof ReadModelBehindError) {
          void context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('retry-after', String(error.retryAfterSeconds));
          return throwError(
            () =>
              new ProblemError(
                problem(503, {
                  code: 'read-model-behind',
                  detail:
                    `The read model has reached position ${error.position}, not yet minPosition ` +
                    `${error.minPosition}${error.running ? '' : ' (its processor is not running)'}; ` +
                    'ask again after Retry-After seconds.',
                }),
              ),
          );
        }
        if (error instanceof ReadModelQueryError) {
          const field = error.code === 'invalid-cursor' ? 'cursor' : undefined;
          return throwError(
            () =>
              new ProblemError(
                problem(400, {
                  code: 'invalid-request',
                  detail: error.message,
                  ...(field ? { errors: [{ field, messages: [error.message] }] } : {}),
                }),
              ),
          );
        }
        return throwError(() => error);
      }),
    );
  }
}
