import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { CaseApiOptions } from '../case-api.module';

/** Controllers and providers of the subjects (personal data) feature; wired in case-api.module.ts. */
export const SUBJECT_CONTROLLERS: Type[] = [];
export function subjectProviders(_options: CaseApiOptions): Provider[] {
  return [];
}
export const SUBJECT_IMPORTS: DynamicModule[] = [];
