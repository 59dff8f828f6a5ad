import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { suggest, WegwijzerInputError } from '@casusregie/domain';
import { RequirePermission } from '../auth/require-permission';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from '../cases/organisation-directory';
import { ProblemError, problem } from '../platform/problem-details';
import { WegwijzerSuggestQueryDto } from './wegwijzer-suggest.query.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(@Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory) {}

  @Get('organisations')
  @RequirePermission('reference.read')
  @ApiOperation({ summary: 'Organisations with their CBS, UZOVI, zorgkantoorregio and AGB codes' })
  organisations() {
    return { organisations: this.directory.listOrganisations() };
  }

  @Get('tables')
  @RequirePermission('reference.read')
  @ApiOperation({ summary: 'Maatwerktafels and opschaaltafels with their service levels and sessions' })
  tables() {
    return { tables: this.directory.listTables() };
  }

  @Get('wegwijzer/suggest')
  @RequirePermission('reference.read')
  @ApiOperation({
    summary: "The wegwijzer's suggested law domain for a need, with the rules applied and their sources",
  })
  suggest(@Query() query: WegwijzerSuggestQueryDto) {
    const { category, date, ...context } = query;
    try {
      return suggest({ category }, context, date);
    } catch (error) {
      if (error instanceof WegwijzerInputError) {
        throw new ProblemError(problem(400, { code: 'invalid-request', detail: error.message }));
      }
      throw error;
    }
  }
}
