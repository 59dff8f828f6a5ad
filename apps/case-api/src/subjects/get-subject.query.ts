import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SubjectDto } from '@casusregie/contracts';
import { canReadSubject, PERSONAL_FIELDS, SubjectErasedError } from '@casusregie/security';
import type { RequestPrincipal } from '../auth/request-principal';
import { subjectErased, subjectNotFound } from './subject-problems';
import { SubjectRecords } from './subject-records';
import { tablesOfSubjectCases } from './subject-streams';

export class GetSubjectQuery extends Query<SubjectDto> {
  constructor(
    readonly subjectId: string,
    /** Already validated with the security library's purposeProblems. */
    readonly purpose: string,
    readonly principal: RequestPrincipal,
    readonly correlationId: string,
  ) {
    super();
  }
}

/**
 * A client's personal data, for a coordinator of a table where the client has a case (canReadSubject) and
 * for nobody else: anyone else gets the same 404 as for an unknown id. The read is written to the access log
 * before the data is returned; an erased subject is 410 and nothing is decrypted or logged.
 */
@QueryHandler(GetSubjectQuery)
export class GetSubjectHandler implements IQueryHandler<GetSubjectQuery> {
  constructor(private readonly records: SubjectRecords) {}

  async execute({ subjectId, purpose, principal, correlationId }: GetSubjectQuery): Promise<SubjectDto> {
    const record = await this.records.load(subjectId);
    if (!record || !canReadSubject(principal, tablesOfSubjectCases(record))) throw subjectNotFound();
    let values;
    try {
      values = await this.records.decrypt(record, PERSONAL_FIELDS);
    } catch (error) {
      if (error instanceof SubjectErasedError) throw subjectErased();
      throw error;
    }
    await this.records.recordAccess(
      principal,
      { subjectId, purpose, fields: PERSONAL_FIELDS },
      correlationId,
    );
    return { subjectId, name: values.name, bsn: values.bsn, birthDate: values.birthDate };
  }
}
