import type { Provider, Type } from '@nestjs/common';
import type { CaseApiOptions } from '../case-api.module';

/** Controllers and providers of the read-model queries (work queue, case detail, gaps, agenda, stats). */
export const READ_MODEL_CONTROLLERS: Type[] = [];
export function readModelProviders(_options: CaseApiOptions): Provider[] {
  return [];
}
