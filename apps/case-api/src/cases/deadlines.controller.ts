import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CloseDeadlineDto, DEADLINE_ID, ExtendDeadlineDto, SuspendDeadlineDto } from '@casusregie/contracts';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import {
  CloseDeadlineCommand,
  ExtendDeadlineCommand,
  ResumeDeadlineCommand,
  SuspendDeadlineCommand,
} from './deadlines.commands';
import { CASE_ID_PARAM } from './shared/api-case-command';
import { NoBodyPipe, ParsePathIdPipe } from './shared/pipes';

const DEADLINE_ID_PARAM = {
  name: 'deadlineId',
  description:
    'The deadline’s id: its kind, a colon and a key, e.g. `liaison-answer:<requestId>` or ' +
    '`escalation-decision:<escalationId>`. Send the colon as is or URL-encoded (%3A).',
  example: 'escalation-decision:1b0e6c1e-2f4a-4c59-9d43-7f0a4a3c8e21',
} as const;
const deadlineIdPipe = new ParsePathIdPipe('deadlineId', DEADLINE_ID);

@ApiTags('cases: deadlines')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class DeadlinesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/deadlines/:deadlineId/suspend')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(DEADLINE_ID_PARAM)
  @ApiOperation({
    summary: 'Suspend (opschorten) a deadline: its clock stops until it is resumed',
    description: 'Refused (409 deadline-refused) for a deadline that is closed, missed or already suspended.',
  })
  suspend(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('deadlineId', deadlineIdPipe) deadlineId: string,
    @Body() dto: SuspendDeadlineDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new SuspendDeadlineCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'SuspendDeadline',
          data: { caseId, deadlineId, reason: dto.reason },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/deadlines/:deadlineId/resume')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(DEADLINE_ID_PARAM)
  @ApiOperation({
    summary: 'Resume a suspended deadline; the due date moves by the suspended time',
    description: 'No body.',
  })
  resume(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('deadlineId', deadlineIdPipe) deadlineId: string,
    @Body(NoBodyPipe) _body: unknown,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new ResumeDeadlineCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'ResumeDeadline', data: { caseId, deadlineId }, metadata }),
      }),
    );
  }

  @Post(':caseId/deadlines/:deadlineId/extend')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(DEADLINE_ID_PARAM)
  @ApiOperation({
    summary: 'Extend (verlengen) a deadline once, to a later date, with a reason',
    description: 'A second extension is refused (409 deadline-refused).',
  })
  extend(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('deadlineId', deadlineIdPipe) deadlineId: string,
    @Body() dto: ExtendDeadlineDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new ExtendDeadlineCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'ExtendDeadline',
          data: { caseId, deadlineId, reason: dto.reason, newDueDate: dto.newDueDate },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/deadlines/:deadlineId/close')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(DEADLINE_ID_PARAM)
  @ApiOperation({ summary: 'Close a deadline that does not apply to this case, with a reason' })
  close(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('deadlineId', deadlineIdPipe) deadlineId: string,
    @Body() dto: CloseDeadlineDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new CloseDeadlineCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'CloseDeadline',
          data: { caseId, deadlineId, reason: dto.reason },
          metadata,
        }),
      }),
    );
  }
}
