import {
  Controller,
  Get,
  Param,
  type PipeTransform,
  Query as QueryParams,
  UseInterceptors,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsISO8601, IsString, Matches } from 'class-validator';
import { TABLE_ID } from '@casusregie/contracts';
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { ProblemError, problem } from '../platform/problem-details';
import { type AgendaResponse, GetAgendaQuery } from './agenda.queries';
import { ReadModelErrorsInterceptor, ReadModelQueryDto } from './read-model-http';

export class AgendaQueryDto extends ReadModelQueryDto {
  @ApiProperty({ description: 'The Dutch calendar date of the session (YYYY-MM-DD).', example: '2026-03-05' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'date must be an existing calendar date' })
  date!: string;
}

const AGENDA_EXAMPLE = {
  tableId: 'mwt-utrecht',
  date: '2026-03-05',
  view: 'full',
  asOfPosition: 1042,
  items: [
    {
      sessionId: 'session-2026-03-05',
      sessionDate: '2026-03-05',
      discussed: false,
      case: {
        caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
        tableId: 'mwt-utrecht',
        caseType: 'moeilijk-plaatsbaar',
        urgency: 'spoed',
        status: 'accepted',
        summary: 'Geen passend aanbod na drie weigeringen.',
        hasGap: true,
        gapCount: 2,
        escalated: false,
        nextDueOn: '2026-03-09',
        version: 4,
        lastPosition: 980,
      },
    },
  ],
};

/** The tableId path parameter: a table id, or 400 naming it. */
class TableIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (TABLE_ID.test(value)) return value;
    throw new ProblemError(
      problem(400, {
        code: 'invalid-request',
        detail: 'tableId in the path must be a table id (lower-case letters, digits and dashes).',
        errors: [{ field: 'tableId', messages: ['tableId must be a table id'] }],
      }),
    );
  }
}

@ApiTags('read models: agenda')
@ApiBearerAuth()
@Controller('tables')
@UseInterceptors(ReadModelErrorsInterceptor)
export class AgendaQueryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':tableId/agenda')
  @RequirePermission('case.read')
  @ApiOperation({
    summary: "What is on the agenda of the table's sessions on a date",
    description: 'Only the cases you may see (as in GET /cases); liaisons get them without summary.',
  })
  @ApiOkResponse({ description: 'The agenda, per session.', schema: { example: AGENDA_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'No such table in the reference data (problem+json).' })
  @ApiResponse({ status: 400, description: 'A bad table id or date (each named).' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  agenda(
    @Param('tableId', new TableIdPipe()) tableId: string,
    @QueryParams() dto: AgendaQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<AgendaResponse> {
    return this.queryBus.execute(new GetAgendaQuery(principal, tableId, dto.date, dto.minPosition));
  }
}
