import type { Provider, Type } from '@nestjs/common';
import type { CaseApiOptions } from '../case-api.module';
import { AgendaQueryController } from './agenda.controller';
import { AGENDA_QUERY_HANDLERS } from './agenda.queries';
import { CasesQueryController } from './cases.controller';
import { CASE_QUERY_HANDLERS } from './cases.queries';
import { GapsQueryController } from './gaps.controller';
import { GAP_QUERY_HANDLERS } from './gaps.queries';
import { ReadModelErrorsInterceptor } from './read-model-http';
import { readModelsProviders } from './read-models.provider';
import { StatsQueryController } from './stats.controller';
import { STATS_QUERY_HANDLERS } from './stats.queries';

/** Controllers and providers of the read-model queries (work queue, case detail, gaps, agenda, stats). */
export const READ_MODEL_CONTROLLERS: Type[] = [
  CasesQueryController,
  GapsQueryController,
  AgendaQueryController,
  StatsQueryController,
];

/**
 * The read models (token CASE_READ_MODELS_HANDLE, started on bootstrap, closed on shutdown), the gate the
 * handlers read through, and one QueryHandler per query.
 */
export function readModelProviders(options: CaseApiOptions): Provider[] {
  return [
    ...readModelsProviders(options),
    ReadModelErrorsInterceptor,
    ...CASE_QUERY_HANDLERS,
    ...GAP_QUERY_HANDLERS,
    ...AGENDA_QUERY_HANDLERS,
    ...STATS_QUERY_HANDLERS,
  ];
}
