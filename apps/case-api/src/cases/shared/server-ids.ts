import { randomUUID } from 'node:crypto';
import type { RequestPrincipal } from '../../auth/request-principal';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResponse } from '../../commands/command-response';
import { deterministicEventId } from '../../commands/deterministic-event-id';

/*
 * Ids the server gives the things a command creates. With an Idempotency-Key they derive from the key, so a
 * retried request creates the same ids and thus the same events; without one they are random. Either way they
 * are UUIDs.
 *
 * The two functions derive their ids from different scopes, so the same key gives different ids under each.
 * Switching an endpoint to the other would change the ids a retried request gets, so each endpoint keeps the one
 * it was built with: serverIds for the table, responsibility, statutory and transition endpoints; newServerId for
 * the escalation and placement ones.
 */

/** A command's usual answer, plus the ids the server gave the things the command created. */
export type CommandResponseWithIds<Ids = Readonly<Record<string, string>>> = CommandResponse & {
  readonly ids: Ids;
};

/** Ids scoped per caller, per kind of thing and per position in the request (several things of a kind). */
export function serverIds(
  principal: RequestPrincipal,
  context: CommandContext,
): (kind: string, index?: number) => string {
  const key = context.idempotency?.key;
  return (kind, index = 0) =>
    key === undefined
      ? randomUUID()
      : deterministicEventId(`${principal.org}:${principal.sub}:${kind}`, key, index);
}

/** One id scoped per caller, per case and per kind of thing (the escalation, offer or placement a command creates). */
export function newServerId(context: CommandContext, caseId: string, kind: string): string {
  if (!context.idempotency) return randomUUID();
  const scope = `${context.actor.organisationId}:${context.actor.userId}:${caseId}:${kind}`;
  return deterministicEventId(scope, context.idempotency.key, 0);
}
