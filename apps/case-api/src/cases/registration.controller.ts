import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AddPartyDto, RegisterCaseDto, TriageCaseDto } from '@casusregie/contracts';
import type { CaseType } from '@casusregie/domain';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { deterministicEventId } from '../commands/deterministic-event-id';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { ProblemError, problem } from '../platform/problem-details';
import { SubjectCaseLinks } from '../subjects/subject-case-links';
import { assertCoordinatorOfTable, coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { AddPartyCommand, RegisterCaseCommand, TriageCaseCommand } from './registration.commands';

const TRANSITION_CASE_TYPE: CaseType = 'transitie-18-min-18-plus';

@ApiTags('cases: registration')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class RegistrationController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    private readonly subjects: SubjectCaseLinks,
  ) {}

  @Post()
  @RequirePermission('case.register')
  @ApiOperation({ summary: 'Register (aanmelden) a case at a maatwerktafel' })
  async register(
    @Body() dto: RegisterCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    assertCoordinatorOfTable(principal, dto.tableId);
    const table = this.directory.table(dto.tableId);
    if (!table) throw unknownReference('tableId', dto.tableId);
    const aanbrenger = this.organisation('aanbrengerCode', dto.aanbrengerCode);
    const regiehouder = this.organisation('regiehouderCode', dto.regiehouderCode);
    // Every case refers to a registered subject: an unknown id is 422 before anything is stored.
    const subject = await this.subjects.requireSubject(dto.subjectId);
    // A transition case holds the date the client turns 18, derived from the subject's (decrypted) birth
    // date; the domain requires it there and refuses it on any other case type.
    const birthday18 =
      dto.caseType === TRANSITION_CASE_TYPE
        ? await this.subjects.birthday18(subject, principal, context.correlationId)
        : undefined;
    // A retried registration (same Idempotency-Key) must register the same case, not a second one.
    const caseId = context.idempotency
      ? deterministicEventId(`${principal.org}:${principal.sub}:case`, context.idempotency.key, 0)
      : randomUUID();
    const response = await this.commandBus.execute(
      new RegisterCaseCommand({
        ...context,
        caseId,
        build: (metadata) => ({
          type: 'RegisterCase',
          data: {
            caseId,
            caseType: dto.caseType,
            urgency: dto.urgency,
            summary: dto.summary,
            subjectId: dto.subjectId,
            tableId: dto.tableId,
            aanbrenger,
            regiehouder,
            ...(birthday18 === undefined ? {} : { birthday18 }),
            serviceLevels: table.serviceLevels,
          },
          metadata,
        }),
      }),
    );
    // Second append, to the subject stream: the link that lets coordinators of this table read the client's
    // personal data. Two streams cannot be appended atomically, so a crash can fall between the case append
    // and this one. The link's event id is derived from subject and case, so a retry with the same
    // Idempotency-Key (which answers the stored case) appends it again harmlessly and repairs the gap.
    await this.subjects.linkCase(dto.subjectId, { caseId, tableId: dto.tableId }, context);
    void reply.status(201).header('location', `/cases/${caseId}`);
    return response;
  }

  @Post(':caseId/triage')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiOperation({ summary: 'Triage: accept the case for the table, or refer it elsewhere with a reason' })
  triage(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: TriageCaseDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new TriageCaseCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'TriageCase',
          data:
            dto.outcome === 'accept-for-table'
              ? { caseId, outcome: 'accept-for-table', note: dto.note }
              : { caseId, outcome: 'refer-elsewhere', reason: dto.reason ?? '', referredTo: dto.referredTo },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/parties')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiOperation({ summary: 'Add an organisation to the case in a role' })
  addParty(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: AddPartyDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    const party = this.organisation('organisationCode', dto.organisationCode);
    return this.commandBus.execute(
      new AddPartyCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'AddParty', data: { caseId, party, role: dto.role }, metadata }),
      }),
    );
  }

  private organisation(field: string, code: string) {
    const organisation = this.directory.organisation(code);
    if (!organisation) throw unknownReference(field, code);
    return organisation;
  }
}

export function unknownReference(field: string, value: string): ProblemError {
  return new ProblemError(
    problem(422, {
      code: 'unknown-reference',
      detail: `${field} ${value} is not in the reference data.`,
      errors: [{ field, messages: [`unknown ${field}`] }],
    }),
  );
}
