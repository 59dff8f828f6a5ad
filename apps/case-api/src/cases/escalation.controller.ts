import {
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
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DecideBreakthroughDto,
  DeescalateCaseDto,
  EscalateCaseDto,
  type FunctionarisDto,
  RecordAdviceDto,
  SettleProvisionalFinancingDto,
} from '@casusregie/contracts';
import type { Functionaris } from '@casusregie/domain';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import {
  DecideBreakthroughCommand,
  DeescalateCaseCommand,
  EscalateCaseCommand,
  RecordAdviceCommand,
  SettleProvisionalFinancingCommand,
} from './escalation.commands';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { CASE_ID_PARAM } from './shared/api-case-command';
import { resolveOrganisation } from './shared/organisations';
import { ParsePathIdPipe } from './shared/pipes';
import { type CommandResponseWithIds, newServerId } from './shared/server-ids';

// ---- Escalation: opschaling, advice, doorbraakbesluit, verrekening ----

const ESCALATION_ID_PARAM = {
  name: 'escalationId',
  description: 'The escalationId returned when the case was escalated.',
} as const;

@ApiTags('cases: escalation')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class EscalationController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  @Post(':caseId/escalations')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Escalate (opschalen) the case to the next level of the ladder',
    description:
      'Only after the maatwerktafel discussed the case. Needs a mandate holder and a decision owner. ' +
      'Escalating to the next level while an escalation is open raises (and closes) that one. The new ' +
      'escalationId is returned in `ids`.',
  })
  async escalate(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: EscalateCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds> {
    const mandateHolder = dto.mandateHolder && this.functionaris('mandateHolder', dto.mandateHolder);
    const decisionOwner = dto.decisionOwner && this.functionaris('decisionOwner', dto.decisionOwner);
    const escalationId = newServerId(context, caseId, 'escalation');
    const response = await this.commandBus.execute(
      new EscalateCaseCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'EscalateCase',
          data: {
            caseId,
            escalationId,
            level: dto.level,
            reason: dto.reason,
            question: dto.question,
            mandateHolder,
            decisionOwner,
            dueDate: dto.dueDate,
            needIds: dto.needIds,
          },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { escalationId } };
  }

  @Post(':caseId/escalations/:escalationId/de-escalate')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(ESCALATION_ID_PARAM)
  @ApiOperation({
    summary: 'De-escalate: return the case to the maatwerktafel, with a reason',
    description: 'Closes the open escalation and its decision deadline without a decision.',
  })
  deescalate(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('escalationId', new ParsePathIdPipe('escalationId')) escalationId: string,
    @Body() dto: DeescalateCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new DeescalateCaseCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'DeescalateCase',
          data: { caseId, escalationId, reason: dto.reason },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/escalations/:escalationId/advice')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(ESCALATION_ID_PARAM)
  @ApiOperation({
    summary: 'Record advice (e.g. of an expert team) on an open escalation',
    description:
      'Advice decides nothing: the escalation stays open until its decision owner takes the ' +
      'doorbraakbesluit or it is de-escalated. The new adviceId is returned in `ids`.',
  })
  async recordAdvice(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('escalationId', new ParsePathIdPipe('escalationId')) escalationId: string,
    @Body() dto: RecordAdviceDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds> {
    const advisor = resolveOrganisation(this.directory, 'advisorCode', dto.advisorCode);
    const adviceId = newServerId(context, caseId, 'advice');
    const response = await this.commandBus.execute(
      new RecordAdviceCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'RecordAdvice',
          data: {
            caseId,
            escalationId,
            adviceId,
            advisorOrganisationId: advisor.organisationId,
            advice: dto.advice,
          },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { adviceId } };
  }

  @Post(':caseId/escalations/:escalationId/decision')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(ESCALATION_ID_PARAM)
  @ApiOperation({
    summary: 'Record the doorbraakbesluit of the escalation’s decision owner',
    description:
      'Recorded by a coordinator of the case’s table whose organisation is the escalation’s decision owner; ' +
      'anyone else gets 403 not-the-decision-owner. Assigns each named need to a financier, possibly ' +
      'provisionally (with a settlement agreement), and closes the escalation. Each assignment becomes ' +
      'responsibility `<decisionId>:<needId>`; the new decisionId is returned in `ids`.',
  })
  async decide(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('escalationId', new ParsePathIdPipe('escalationId')) escalationId: string,
    @Body() dto: DecideBreakthroughDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds> {
    const assignments = dto.assignments.map((a, i) => ({
      needId: a.needId,
      lawDomain: a.lawDomain,
      financier: resolveOrganisation(this.directory, `assignments.${i}.financierCode`, a.financierCode),
      provisional: a.provisional,
      settlementAgreement: a.settlementAgreement,
      deliveredByOrganisationId:
        a.deliveredByCode === undefined
          ? undefined
          : resolveOrganisation(this.directory, `assignments.${i}.deliveredByCode`, a.deliveredByCode)
              .organisationId,
    }));
    const decisionId = newServerId(context, caseId, 'decision');
    const response = await this.commandBus.execute(
      new DecideBreakthroughCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'DecideBreakthrough',
          data: {
            caseId,
            escalationId,
            decisionId,
            summary: dto.summary,
            evaluationDate: dto.evaluationDate,
            validUntil: dto.validUntil,
            assignments,
          },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { decisionId } };
  }

  @Post(':caseId/settlements')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Settle (verrekenen) a provisional financing',
    description:
      'Ends a provisional responsibility of a doorbraakbesluit: the same financier and law domain confirm ' +
      'it; another financier takes over as `<responsibilityId>:settled`. A case with unsettled ' +
      'provisional financing cannot be closed.',
  })
  settle(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: SettleProvisionalFinancingDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    const financier = resolveOrganisation(
      this.directory,
      'definitive.financierCode',
      dto.definitive.financierCode,
    );
    return this.commandBus.execute(
      new SettleProvisionalFinancingCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'SettleProvisionalFinancing',
          data: {
            caseId,
            responsibilityId: dto.responsibilityId,
            definitive: { lawDomain: dto.definitive.lawDomain, financier },
            note: dto.note,
          },
          metadata,
        }),
      }),
    );
  }

  private functionaris(field: string, dto: FunctionarisDto): Functionaris {
    const organisation = resolveOrganisation(
      this.directory,
      `${field}.organisationCode`,
      dto.organisationCode,
    );
    return { organisationId: organisation.organisationId, functionTitle: dto.functionTitle };
  }
}
