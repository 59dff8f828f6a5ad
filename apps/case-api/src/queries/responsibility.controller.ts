import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { ProblemError, problem } from '../platform/problem-details';
import {
  GetResponsibilityQuery,
  GetResponsibilityStepsQuery,
  type ResponsibilityMoment,
} from './responsibility.queries';

@ApiTags('cases: responsibility')
@ApiBearerAuth()
@Controller('cases/:caseId/responsibility')
export class ResponsibilityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'Per need: law domain, financier, status and the event that set it, now or as it was then',
  })
  @ApiQuery({
    name: 'at',
    required: false,
    description: 'A date (2026-03-01, end of that Dutch day), an ISO instant, or a global position (digits)',
    example: '2026-03-01',
  })
  get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @QueryParam('at') at: string | undefined,
    @CurrentPrincipal() principal: RequestPrincipal,
  ) {
    return this.queryBus.execute(new GetResponsibilityQuery(caseId, parseMoment(at), principal));
  }

  @Get('steps')
  @RequirePermission('case.read')
  @ApiOperation({ summary: 'The responsibility view after every event of the case stream' })
  steps(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentPrincipal() principal: RequestPrincipal) {
    return this.queryBus.execute(new GetResponsibilityStepsQuery(caseId, principal));
  }
}

function parseMoment(at: string | undefined): ResponsibilityMoment {
  if (at === undefined || at === '') return { kind: 'now' };
  if (/^\d{1,15}$/.test(at)) return { kind: 'position', position: Number(at) };
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(at) && !Number.isNaN(Date.parse(at));
  const isInstant =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(at) &&
    !Number.isNaN(Date.parse(at));
  if (!isDate && !isInstant) {
    throw new ProblemError(
      problem(400, {
        code: 'invalid-request',
        detail: 'at must be a date (YYYY-MM-DD), an ISO instant with a zone, or a global position.',
        errors: [{ field: 'at', messages: ['must be a date, an instant or a position'] }],
      }),
    );
  }
  return { kind: 'date', at };
}
