import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError, problem } from '../platform/problem-details';
import { AUTHENTICATOR, type Authenticator } from './authenticator';
import { type AuthenticatedRequest, IS_PUBLIC } from './request-principal';
import { REQUIRED_PERMISSION } from './require-permission';

/**
 * Deny by default: every route needs a valid bearer token and declares the permission it needs; a route
 * that declares none is refused even to an authenticated caller. Only @Public() routes (health, docs) are open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (!token) throw unauthorized('auth.token-missing', 'Send a bearer token in the Authorization header.');
    try {
      request.principal = await this.authenticator.authenticate(token);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('auth.'))
        throw unauthorized(code, 'The bearer token is not valid.');
      throw error;
    }
    const permission = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission || !this.authenticator.hasPermission(request.principal, permission)) {
      throw new ProblemError(
        problem(403, { code: 'forbidden', detail: `Your role (${request.principal.role}) may not do this.` }),
      );
    }
    return true;
  }
}

function unauthorized(code: string, detail: string): ProblemError {
  return new ProblemError(problem(401, { code, detail }));
}
