import { ROLE_SCOPES } from '@casusregie/security';
import type { RequestPrincipal } from '../auth/request-principal';
import { ProblemError, problem } from '../platform/problem-details';

/** A notification id as the inbox gives it out (a UUID; the notification ids are version 8). */
export const NOTIFICATION_ID =
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/**
 * Whose inbox the caller reads (libs/security ROLE_SCOPES `inbox`): liaisons and coordinators their own
 * organisation's, nobody else's; auditors (scope `any`) any organisation's they name, their own by default. Deny
 * by default.
 */
export function inboxOrganisationOf(principal: RequestPrincipal, requested?: string): string {
  const scope = Object.hasOwn(ROLE_SCOPES, principal.role) ? ROLE_SCOPES[principal.role].inbox : 'none';
  const own = typeof principal.org === 'string' ? principal.org : '';
  if (scope === 'none') throw forbidden(`Your role (${principal.role}) has no inbox.`);
  if (requested === undefined || requested === own) {
    if (own === '') throw forbidden('Your token names no organisation, so there is no inbox to read.');
    return own;
  }
  if (scope === 'any') return requested;
  throw forbidden("You read your own organisation's inbox only: leave out organisation, or name your own.");
}

/**
 * The organisation a notification is acknowledged for: always the caller's own (acknowledging is never on behalf
 * of another organisation, whatever the role's read scope).
 */
export function acknowledgingOrganisationOf(principal: RequestPrincipal): string {
  if (typeof principal.org !== 'string' || principal.org === '') {
    throw forbidden('Your token names no organisation, so there is no inbox to acknowledge in.');
  }
  return principal.org;
}

export function notificationNotFound(): ProblemError {
  return new ProblemError(
    problem(404, {
      code: 'notification-not-found',
      detail: "No such notification in your organisation's inbox.",
    }),
  );
}

function forbidden(detail: string): ProblemError {
  return new ProblemError(problem(403, { code: 'forbidden', detail }));
}
