import type { RequestPrincipal } from './request-principal';

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

/** Turns a bearer token into a principal, or throws an error with an `auth.*` code (→ 401). */
export interface Authenticator {
  authenticate(token: string): Promise<RequestPrincipal>;
  hasPermission(principal: RequestPrincipal, permission: string): boolean;
}
