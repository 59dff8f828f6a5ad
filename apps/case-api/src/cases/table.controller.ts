import { randomUUID } from 'node:crypto';
import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PutOnAgendaDto, RecordDiscussionDto } from '@casusregie/contracts';
import type { OrganisationRef } from '@casusregie/domain';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { deterministicEventId } from '../commands/deterministic-event-id';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { ProblemError, problem } from '../platform/problem-details';
import { coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { unknownReference } from './registration.controller';
import { CompleteActionCommand, PutOnAgendaCommand, RecordDiscussionCommand } from './table.commands';

/* ---- Shared by the controllers of this group (table, responsibility, statutory, transition) ---- */

/** A command's usual answer, plus the ids the server gave the things the command created. */
export type CommandResponseWithIds<Ids> = CommandResponse & { readonly ids: Ids };

/**
 * Gives new things in a case their id. With an Idempotency-Key the ids derive from the key (per caller, per kind
 * of thing, per position in the request), so a retried request creates the same ids and thus the same events;
 * without one they are random. Either way they are UUIDs.
 */
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

/** A path parameter holding an id the server gave out; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new ProblemError(
        problem(400, {
          code: 'invalid-request',
          detail: `${name} in the path must be a UUID; nothing was changed.`,
          errors: [{ field: name, messages: [`${name} must be a UUID`] }],
        }),
      ),
  });
}

/** An organisation code from the body, resolved with the reference data; unknown codes are a 422. */
export function organisationOf(
  directory: OrganisationDirectory,
  field: string,
  code: string,
): OrganisationRef {
  const organisation = directory.organisation(code);
  if (!organisation) throw unknownReference(field, code);
  return organisation;
}

const ANSWER_EXAMPLE = {
  caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  version: 7,
  position: 1042,
  events: [{ eventId: 'c2a4d6e8-1b3f-4a5c-8d7e-9f0a1b2c3d4e', type: 'casus.CasePutOnAgenda.v1' }],
};

/** OpenAPI for a case command: summary, the answer (with an example), the headers and the problem answers. */
export function ApiCaseCommand(options: {
  readonly summary: string;
  readonly description?: string;
  readonly ids?: Record<string, unknown>;
  readonly extra?: Record<string, unknown>;
}) {
  const example = { ...ANSWER_EXAMPLE, ...(options.ids ? { ids: options.ids } : {}), ...options.extra };
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The case version last seen (the ETag of the previous answer); 412 if the case changed since.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes the command safe to retry: the same key and body answer the first response again.',
    }),
    ApiOkResponse({
      description:
        'The new case version (also the ETag), the global position of the last event (pass it as minPosition ' +
        'to read your own write), the events appended' +
        (options.ids ? ', and the ids the server gave what the command created.' : '.'),
      schema: {
        type: 'object',
        properties: {
          caseId: { type: 'string', format: 'uuid' },
          version: { type: 'integer' },
          position: { type: 'integer' },
          events: {
            type: 'array',
            items: {
              type: 'object',
              properties: { eventId: { type: 'string', format: 'uuid' }, type: { type: 'string' } },
            },
          },
          ...(options.ids ? { ids: { type: 'object' } } : {}),
          ...Object.fromEntries(Object.keys(options.extra ?? {}).map((key) => [key, { type: 'object' }])),
        },
        example,
      },
    }),
    ApiResponse({
      status: 400,
      description: 'Invalid body or path: every bad field is named; nothing stored.',
    }),
    ApiResponse({ status: 403, description: 'Your role, or your organisation, may not do this.' }),
    ApiResponse({
      status: 404,
      description: 'No such case (or not visible to you), or no such need, request...',
    }),
    ApiResponse({
      status: 409,
      description: 'The state of the case does not allow this (domain error code).',
    }),
    ApiResponse({ status: 412, description: 'If-Match does not match the current case version.' }),
    ApiResponse({
      status: 422,
      description: 'A domain rule, or an unknown organisation code, refuses this.',
    }),
  );
}

/* ---- The maatwerktafel: agenda, discussion, actions ---- */

@ApiTags('cases: table')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class TableController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  @Post(':caseId/agenda')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Put the case on the agenda of a session of its table',
    ids: { sessionId: 'session-2026-03-05' },
  })
  async putOnAgenda(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() dto: PutOnAgendaDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds<{ sessionId: string }>> {
    const sessionId = dto.sessionId ?? `session-${dto.sessionDate}`;
    const response = await this.commandBus.execute(
      new PutOnAgendaCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'PutOnAgenda',
          data: { caseId, sessionId, sessionDate: dto.sessionDate },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { sessionId } };
  }

  @Post(':caseId/discussions')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Record the discussion of a session: who was present, agreements, actions and needs',
    description:
      'Needs (zorgfuncties) are identified, changed and ended here. The new agreements, actions and needs get ' +
      'their ids from the server, answered in `ids` in the order they were sent.',
    ids: {
      agreementIds: ['0e5c3b1a-9d7f-4e2a-8b6c-1f3d5a7e9b20'],
      actionIds: ['5a7e9b20-0e5c-4b1a-9d7f-e2a8b6c1f3d5'],
      needIds: ['9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5'],
    },
  })
  async recordDiscussion(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() dto: RecordDiscussionDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds<{ agreementIds: string[]; actionIds: string[]; needIds: string[] }>> {
    const newId = serverIds(principal, context);
    const present = dto.presentOrganisationCodes.map(
      (code, i) => organisationOf(this.directory, `presentOrganisationCodes.${i}`, code).organisationId,
    );
    const agreements = (dto.agreements ?? []).map((a, i) => ({
      agreementId: newId('agreement', i),
      text: a.text,
    }));
    const actions = (dto.actions ?? []).map((a, i) => ({
      actionId: newId('action', i),
      description: a.description,
      ownerOrganisationId: organisationOf(
        this.directory,
        `actions.${i}.ownerOrganisationCode`,
        a.ownerOrganisationCode,
      ).organisationId,
      dueDate: a.dueDate,
    }));
    const needsIdentified = (dto.needsIdentified ?? []).map((n, i) => ({
      needId: newId('need', i),
      category: n.category,
      ...(n.jeugdhulpKader === undefined ? {} : { jeugdhulpKader: n.jeugdhulpKader }),
    }));
    const needsChanged = (dto.needsChanged ?? []).map((n) => ({
      needId: n.needId,
      category: n.category,
      reason: n.reason,
      ...(n.jeugdhulpKader === undefined ? {} : { jeugdhulpKader: n.jeugdhulpKader }),
    }));
    const needsEnded = (dto.needsEnded ?? []).map((n) => ({ needId: n.needId, reason: n.reason }));
    const response = await this.commandBus.execute(
      new RecordDiscussionCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'RecordDiscussion',
          data: {
            caseId,
            sessionId: dto.sessionId,
            presentOrganisationIds: present,
            agreements,
            actions,
            needsIdentified,
            needsChanged,
            needsEnded,
          },
          metadata,
        }),
      }),
    );
    return {
      ...response,
      ids: {
        agreementIds: agreements.map((a) => a.agreementId),
        actionIds: actions.map((a) => a.actionId),
        needIds: needsIdentified.map((n) => n.needId),
      },
    };
  }

  @Post(':caseId/actions/:actionId/complete')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({ summary: 'Mark an action agreed at the table as done (no body)' })
  completeAction(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('actionId', uuidParam('actionId')) actionId: string,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new CompleteActionCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'CompleteAction', data: { caseId, actionId }, metadata }),
      }),
    );
  }
}
