import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The authenticated caller, from the bearer token's claims. */
export interface RequestPrincipal {
  readonly sub: string;
  readonly name: string;
  readonly role: 'coordinator' | 'liaison' | 'auditor' | 'admin';
  /** Organisation code: a CBS gemeentecode, UZOVI code, zorgkantoorregio or AGB code. */
  readonly org: string;
  readonly tables: readonly string[];
}

export type AuthenticatedRequest = FastifyRequest & { principal?: RequestPrincipal };

export const IS_PUBLIC = 'casusregie:public';
/** Health and docs only: everything else needs a bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestPrincipal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
    return principal;
  },
);
