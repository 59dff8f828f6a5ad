import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  type ResponsibilitySnapshot,
  responsibilityAtPosition,
  responsibilityOn,
  responsibilityTimeline,
} from '@casusregie/domain';
import type { RequestPrincipal } from '../auth/request-principal';
import { CaseStreamReader, toEnvelopes } from './case-stream-reader';

export type ResponsibilityMoment =
  | { readonly kind: 'now' }
  | { readonly kind: 'date'; readonly at: string }
  | { readonly kind: 'position'; readonly position: number };

export class GetResponsibilityQuery extends Query<ResponsibilitySnapshot & { readonly caseId: string }> {
  constructor(
    readonly caseId: string,
    readonly moment: ResponsibilityMoment,
    readonly principal: RequestPrincipal,
  ) {
    super();
  }
}

export class GetResponsibilityStepsQuery extends Query<{
  readonly caseId: string;
  readonly steps: ResponsibilitySnapshot[];
}> {
  constructor(
    readonly caseId: string,
    readonly principal: RequestPrincipal,
  ) {
    super();
  }
}

@QueryHandler(GetResponsibilityQuery)
export class GetResponsibilityHandler implements IQueryHandler<GetResponsibilityQuery> {
  constructor(private readonly reader: CaseStreamReader) {}

  async execute(query: GetResponsibilityQuery) {
    const { events } = await this.reader.read(query.caseId, query.principal);
    const envelopes = toEnvelopes(events);
    const moment = query.moment;
    const snapshot =
      moment.kind === 'date'
        ? responsibilityOn(envelopes, moment.at)
        : moment.kind === 'position'
          ? responsibilityAtPosition(envelopes, moment.position)
          : responsibilityAtPosition(envelopes, Number.MAX_SAFE_INTEGER);
    return { caseId: query.caseId, ...snapshot };
  }
}

@QueryHandler(GetResponsibilityStepsQuery)
export class GetResponsibilityStepsHandler implements IQueryHandler<GetResponsibilityStepsQuery> {
  constructor(private readonly reader: CaseStreamReader) {}

  async execute(query: GetResponsibilityStepsQuery) {
    const { events } = await this.reader.read(query.caseId, query.principal);
    return { caseId: query.caseId, steps: responsibilityTimeline(toEnvelopes(events)) };
  }
}

export const RESPONSIBILITY_QUERY_HANDLERS = [GetResponsibilityHandler, GetResponsibilityStepsHandler];
