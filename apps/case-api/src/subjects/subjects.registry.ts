import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { CaseApiOptions } from '../case-api.module';
import { GetSubjectHandler } from './get-subject.query';
import { RegisterSubjectHandler } from './register-subject.command';
import { SubjectCaseLinks } from './subject-case-links';
import { subjectKeyProviders } from './subject-keys';
import { SubjectRecords } from './subject-records';
import { SubjectsController } from './subjects.controller';

/** Controllers and providers of the subjects (personal data) feature; wired in case-api.module.ts. */
export const SUBJECT_CONTROLLERS: Type[] = [SubjectsController];
export function subjectProviders(options: CaseApiOptions): Provider[] {
  return [
    ...subjectKeyProviders(options),
    SubjectRecords,
    SubjectCaseLinks,
    RegisterSubjectHandler,
    GetSubjectHandler,
  ];
}
export const SUBJECT_IMPORTS: DynamicModule[] = [];
