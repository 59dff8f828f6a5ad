import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CloseCaseDto, ReopenCaseDto } from '@casusregie/contracts';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import { CloseCaseCommand, ReopenCaseCommand } from './closure.commands';
import { CASE_ID_PARAM } from './shared/api-case-command';

@ApiTags('cases: closure')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class ClosureController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/close')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Close the case with a result',
    description:
      'Closes every open deadline. Refused while an escalation is open (409 open-escalation-blocks-closure) ' +
      'or a provisional financing is unsettled (409 unsettled-provisional-financing).',
  })
  close(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new CloseCaseCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'CloseCase',
          data: { caseId, result: dto.result, note: dto.note },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/reopen')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Reopen a closed case: back to the maatwerktafel with a new discussion deadline',
  })
  reopen(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: ReopenCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new ReopenCaseCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'ReopenCase', data: { caseId, reason: dto.reason }, metadata }),
      }),
    );
  }
}
