import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PutOnAgendaDto, RecordDiscussionDto } from '@casusregie/contracts';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { ApiCaseCommand } from './shared/api-case-command';
import { resolveOrganisation } from './shared/organisations';
import { uuidParam, NoBodyPipe } from './shared/pipes';
import { type CommandResponseWithIds, serverIds } from './shared/server-ids';
import { CompleteActionCommand, PutOnAgendaCommand, RecordDiscussionCommand } from './table.commands';

/** queries/cases.controller.ts imports uuidParam from here; it lives in shared/pipes.ts. */
export { uuidParam } from './shared/pipes';

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
      (code, i) => resolveOrganisation(this.directory, `presentOrganisationCodes.${i}`, code).organisationId,
    );
    const agreements = (dto.agreements ?? []).map((a, i) => ({
      agreementId: newId('agreement', i),
      text: a.text,
      sharedWithOrganisationIds: (a.sharedWithOrganisationCodes ?? []).map(
        (code, j) =>
          resolveOrganisation(this.directory, `agreements.${i}.sharedWithOrganisationCodes.${j}`, code)
            .organisationId,
      ),
    }));
    const actions = (dto.actions ?? []).map((a, i) => ({
      actionId: newId('action', i),
      description: a.description,
      ownerOrganisationId: resolveOrganisation(
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
    @Body(NoBodyPipe) _body: unknown,
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
