import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  EndResponsibilityDto,
  ProposeResponsibilityDto,
  RejectResponsibilityDto,
  RequestFinancierDto,
  type WegwijzerContextDto,
} from '@casusregie/contracts';
import {
  CaseError,
  type CaseState,
  type ProposalContext,
  RESPONSIBILITY_PROPOSED,
  type ResponsibilityProposed,
} from '@casusregie/domain';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { caseStreamId } from '../commands/case-stream';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { ProblemError, problem } from '../platform/problem-details';
import { coordinatorOfItsTable, liaisonOfAParty } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import {
  AcceptResponsibilityCommand,
  EndResponsibilityCommand,
  ProposeResponsibilityCommand,
  RejectResponsibilityCommand,
  RequestFinancierCommand,
} from './responsibility.commands';
import { ApiCaseCommand } from './shared/api-case-command';
import { resolveOrganisation } from './shared/organisations';
import { uuidParam, NoBodyPipe } from './shared/pipes';
import { type CommandResponseWithIds, serverIds } from './shared/server-ids';

/** A proposal as recorded: domain, financier, basis, the wegwijzer's advice and whether it deviates from it. */
export type RecordedProposal = ResponsibilityProposed['data'];

export const PROPOSAL_EXAMPLE = {
  caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  needId: '9d7f4e2a-8b6c-4f3d-a7e9-b200e5c3b1a5',
  responsibilityId: '1c3e5a7b-9d0f-4b2c-8e4a-6c8e0a2c4e6a',
  lawDomain: 'Zvw',
  financierOrganisationId: '3311',
  financierKind: 'zorgverzekeraar',
  basis: 'table-agreement',
  takesEffect: 'immediately',
  wegwijzer: {
    ruleIds: ['T4-WMO'],
    ruleTableVersion: '1.0.0',
    suggestedLawDomain: 'Wmo',
    suggestedFinancierKind: 'gemeente',
    verdict: 'suggested',
    noRuleApplies: false,
    missingFacts: [],
    unverified: false,
    evaluatedOn: '2026-03-05',
  },
  deviation: true,
  deviationReason: 'Medische context na ziekenhuisopname: wijkverpleging via de Zvw.',
  occurredAt: '2026-03-05T10:15:00.000Z',
};

/** The ResponsibilityProposed events a command appended, read back from the store (also for a replayed answer). */
export async function proposalsIn(store: EventStore, response: CommandResponse): Promise<RecordedProposal[]> {
  const ids = new Set(
    response.events.filter((e) => e.type === RESPONSIBILITY_PROPOSED).map((e) => e.eventId),
  );
  if (ids.size === 0) return [];
  const stored = await store.readStream(caseStreamId(response.caseId), {
    fromVersion: Math.max(0, response.version - response.events.length),
  });
  return stored.filter((e) => ids.has(e.eventId)).map((e) => e.data as RecordedProposal);
}

/** The wegwijzer context as the domain takes it: only the facts the client gave. */
export function proposalContext(dto: WegwijzerContextDto): ProposalContext {
  const given = Object.entries(dto).filter(([, value]) => value !== undefined);
  return Object.fromEntries(given) as unknown as ProposalContext;
}

/** The responsibility a need's request is about (the domain's answer commands name the responsibility). */
function responsibilityAskedBy(state: CaseState, needId: string, requestId: string): string {
  // Until the case is at the table the decider refuses before it looks at the responsibility (case-not-registered,
  // case-not-triaged, case-referred, case-closed); the request id then stands in, so that it answers with its code.
  if (state.status !== 'accepted') return requestId;
  const asked = state.responsibilities.find((r) => r.openRequestId === requestId);
  if (asked?.needId === needId) return asked.responsibilityId;
  if (!asked && state.requestIds.includes(requestId)) {
    throw new CaseError('not-requested', `The request ${requestId} is no longer open: it has been answered.`);
  }
  throw new ProblemError(
    problem(404, {
      code: 'request-not-found',
      detail: `Need ${needId} of this case has no request ${requestId}.`,
    }),
  );
}

/** A responsibility named in the path or body must be one of the need in the path. */
function requireOfNeed(state: CaseState, needId: string, responsibilityId: string): void {
  const r = state.responsibilities.find((x) => x.responsibilityId === responsibilityId);
  if (r && r.needId !== needId) {
    throw new CaseError(
      'responsibility-not-found',
      `Need ${needId} has no responsibility ${responsibilityId}; it belongs to another need.`,
    );
  }
}

/**
 * Which law domain and financier hold a need: propose, ask the financier, and the financier's liaison answers.
 * Coordinators propose, request and end; liaisons accept or reject what is asked of their organisation.
 */
@ApiTags('cases: responsibility')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class ResponsibilityCommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
  ) {}

  @Post(':caseId/needs/:needId/responsibilities')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Propose a law domain and financier for a need, checked against the wegwijzer',
    description:
      'A deviation from the wegwijzer is allowed and visible: `proposal` holds the advice, `deviation` and the ' +
      'basis (wegwijzer-rule or table-agreement). A financier new to the case joins it as a party.',
    ids: { responsibilityId: PROPOSAL_EXAMPLE.responsibilityId },
    extra: { proposal: PROPOSAL_EXAMPLE },
  })
  async propose(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('needId', uuidParam('needId')) needId: string,
    @Body() dto: ProposeResponsibilityDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds<{ responsibilityId: string }> & { proposal: RecordedProposal }> {
    const financier = resolveOrganisation(this.directory, 'financierCode', dto.financierCode);
    const responsibilityId = serverIds(principal, context)('responsibility');
    const response = await this.commandBus.execute(
      new ProposeResponsibilityCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'ProposeResponsibility',
          data: {
            caseId,
            needId,
            responsibilityId,
            lawDomain: dto.lawDomain,
            financier,
            context: proposalContext(dto.context),
            ...(dto.deviationReason === undefined ? {} : { deviationReason: dto.deviationReason }),
          },
          metadata,
        }),
      }),
    );
    const [proposal] = await proposalsIn(this.store, response);
    if (!proposal)
      throw new Error(`The proposal ${responsibilityId} was not found among the events appended.`);
    return { ...response, ids: { responsibilityId }, proposal };
  }

  @Post(':caseId/needs/:needId/responsibility-requests')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: "Ask a proposal's financier to accept responsibility for the need",
    description: "The financier's liaison answers by the table's service level (answerDueOn in the event).",
    ids: { requestId: '7e9b2c4d-6f8a-4b0c-9e2d-4f6a8c0e2b4d' },
  })
  async requestFinancier(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('needId', uuidParam('needId')) needId: string,
    @Body() dto: RequestFinancierDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds<{ requestId: string }>> {
    const requestId = serverIds(principal, context)('request');
    const response = await this.commandBus.execute(
      new RequestFinancierCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata, state) => {
          requireOfNeed(state, needId, dto.responsibilityId);
          return {
            type: 'RequestFinancier',
            data: {
              caseId,
              responsibilityId: dto.responsibilityId,
              requestId,
              ...(dto.question === undefined ? {} : { question: dto.question }),
            },
            metadata,
          };
        },
      }),
    );
    return { ...response, ids: { requestId } };
  }

  @Post(':caseId/needs/:needId/responsibility-requests/:requestId/accept')
  @HttpCode(200)
  @RequirePermission('responsibility.answer')
  @ApiCaseCommand({
    summary: 'Accept a request addressed to your organisation (liaison; no body)',
    description: 'Only the liaison of the financier asked can answer; the need then has a holder.',
  })
  accept(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('needId', uuidParam('needId')) needId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body(NoBodyPipe) _body: unknown,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new AcceptResponsibilityCommand({
        ...context,
        caseId,
        authorize: liaisonOfAParty(principal),
        build: (metadata, state) => ({
          type: 'AcceptResponsibility',
          data: { caseId, responsibilityId: responsibilityAskedBy(state, needId, requestId) },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/needs/:needId/responsibility-requests/:requestId/reject')
  @HttpCode(200)
  @RequirePermission('responsibility.answer')
  @ApiCaseCommand({
    summary: 'Reject a request addressed to your organisation, with a reason (liaison)',
    description: 'Optionally names the law domain the financier thinks applies.',
  })
  reject(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('needId', uuidParam('needId')) needId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() dto: RejectResponsibilityDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new RejectResponsibilityCommand({
        ...context,
        caseId,
        authorize: liaisonOfAParty(principal),
        build: (metadata, state) => ({
          type: 'RejectResponsibility',
          data: {
            caseId,
            responsibilityId: responsibilityAskedBy(state, needId, requestId),
            reasonCode: dto.reasonCode,
            explanation: dto.explanation,
            ...(dto.referralLawDomain === undefined ? {} : { referralLawDomain: dto.referralLawDomain }),
          },
          metadata,
        }),
      }),
    );
  }

  @Post(':caseId/needs/:needId/responsibilities/:responsibilityId/end')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Withdraw a proposal, or end a held responsibility (e.g. the care stopped)',
    description: 'A provisional arrangement (doorbraakbesluit) ends by settlement instead.',
  })
  end(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('needId', uuidParam('needId')) needId: string,
    @Param('responsibilityId', uuidParam('responsibilityId')) responsibilityId: string,
    @Body() dto: EndResponsibilityDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new EndResponsibilityCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata, state) => {
          requireOfNeed(state, needId, responsibilityId);
          return {
            type: 'EndResponsibility',
            data: { caseId, responsibilityId, reason: dto.reason },
            metadata,
          };
        },
      }),
    );
  }
}
