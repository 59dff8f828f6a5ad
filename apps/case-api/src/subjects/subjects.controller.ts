import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query as QueryParam,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegisterSubjectDto, SubjectDto, SubjectRegisteredDto } from '@casusregie/contracts';
import { purposeProblems } from '@casusregie/security';
import {
  type AuthenticatedRequest,
  CurrentPrincipal,
  type RequestPrincipal,
} from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import { GetSubjectQuery } from './get-subject.query';
import { RegisterSubjectCommand } from './register-subject.command';
import { invalidField } from './subject-problems';

const PURPOSE_HEADER = 'x-purpose';

@ApiTags('subjects (personal data)')
@ApiBearerAuth()
@Controller('subjects')
export class SubjectsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @RequirePermission('subject.register')
  @ApiOperation({
    summary: 'Register a client: name, BSN and birth date, stored encrypted with a key of their own',
    description:
      'Answers an opaque subject id; cases refer to the client by that id only. Honours Idempotency-Key (the ' +
      'same key and body again answer the same subject id; the same key with other data is 422).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8 to 128 of A-Z a-z 0-9 . _ : -' })
  @ApiCreatedResponse({
    type: SubjectRegisteredDto,
    headers: { Location: { description: '/subjects/{id}' } },
  })
  @ApiResponse({ status: 400, description: 'Invalid fields (each named), e.g. a BSN failing the elfproef.' })
  @ApiResponse({ status: 403, description: 'Only coordinators register clients.' })
  async register(
    @Body() dto: RegisterSubjectDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectRegisteredDto> {
    const { subjectId } = await this.commandBus.execute(new RegisterSubjectCommand(dto, principal, context));
    void reply.status(201).header('location', `/subjects/${subjectId}`);
    return { subjectId };
  }

  @Get(':subjectId')
  @RequirePermission('subject.read')
  @ApiOperation({
    summary: "Read a client's personal data, stating why (written to the access log)",
    description:
      'Only for coordinators of a table where the client has a case; anyone else gets 404. Every read is ' +
      'logged with who, when and the purpose before the data is returned. An erased client is 410.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description:
      'Why you read the data (required here or as ?purpose=; no personal data in it). Use the query ' +
      'parameter for text outside Latin-1.',
    example: 'voorbereiding maatwerktafel',
  })
  @ApiQuery({ name: 'purpose', required: false, example: 'voorbereiding maatwerktafel' })
  @ApiOkResponse({ type: SubjectDto })
  @ApiResponse({ status: 400, description: 'No purpose, or a purpose that seems to hold personal data.' })
  @ApiResponse({ status: 404, description: 'No such client, or not readable by you.' })
  @ApiResponse({ status: 410, description: "The client's personal data was erased." })
  read(
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
    @QueryParam('purpose') queryPurpose: unknown,
    @Req() request: AuthenticatedRequest,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<SubjectDto> {
    const purpose = statedPurpose(request.headers[PURPOSE_HEADER], queryPurpose);
    return this.queryBus.execute(new GetSubjectQuery(subjectId, purpose, principal, String(request.id)));
  }
}

/** The purpose from the X-Purpose header or the purpose parameter, validated; 400 naming `purpose` otherwise. */
function statedPurpose(header: unknown, query: unknown): string {
  if (Array.isArray(header) || Array.isArray(query)) {
    throw invalidField('purpose', ['purpose must be given once']);
  }
  if (header !== undefined && query !== undefined && header !== query) {
    throw invalidField('purpose', [
      'give the purpose either in X-Purpose or as ?purpose=, not two different ones',
    ]);
  }
  const purpose = header ?? query;
  const problems = purposeProblems(purpose);
  if (problems.length > 0) throw invalidField('purpose', problems);
  return purpose as string;
}
