import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordStatutoryApplicationDto, RecordStatutoryDecisionDto } from '@casusregie/contracts';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { RecordStatutoryApplicationCommand, RecordStatutoryDecisionCommand } from './statutory.commands';
import { ApiCaseCommand } from './shared/api-case-command';
import { resolveOrganisation } from './shared/organisations';
import { uuidParam } from './shared/pipes';
import { type CommandResponseWithIds, serverIds } from './shared/server-ids';

/** Wmo meldingen and aanvragen and CIZ aanvragen, whose statutory decision terms the case tracks. */
@ApiTags('cases: statutory applications')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class StatutoryController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  @Post(':caseId/statutory-applications')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Record a Wmo melding or aanvraag, or a CIZ aanvraag; its decision term starts',
    description:
      'The decision is due by the statutory term (Wmo melding 6 weeks, Wmo aanvraag 2 weeks, CIZ 6 weeks or 2 in ' +
      'bijzondere omstandigheden), as decisionDueOn in the event.',
    ids: { applicationId: '2b4d6f8a-0c2e-4a6c-8e0a-2c4e6a8c0e2b' },
  })
  async recordApplication(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() dto: RecordStatutoryApplicationDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds<{ applicationId: string }>> {
    const decider = resolveOrganisation(this.directory, 'deciderCode', dto.deciderCode);
    const applicationId = serverIds(principal, context)('application');
    const response = await this.commandBus.execute(
      new RecordStatutoryApplicationCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'RecordStatutoryApplication',
          data: {
            caseId,
            applicationId,
            kind: dto.kind,
            decider,
            submittedOn: dto.submittedOn,
            ...(dto.needId === undefined ? {} : { needId: dto.needId }),
            ...(dto.urgent === undefined ? {} : { urgent: dto.urgent }),
          },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { applicationId } };
  }

  @Post(':caseId/statutory-applications/:applicationId/decision')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({ summary: 'Record the decision on a statutory application; its term closes' })
  recordDecision(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() dto: RecordStatutoryDecisionDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new RecordStatutoryDecisionCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'RecordStatutoryDecision',
          data: { caseId, applicationId, outcome: dto.outcome, decidedOn: dto.decidedOn },
          metadata,
        }),
      }),
    );
  }
}
