import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  EndingRouteDto,
  RecordTransitionPlanDto,
  SuccessorRouteDto,
  type TransitionRouteDto,
  VerlengdeJeugdhulpRouteDto,
} from '@casusregie/contracts';
import type { TransitionRouteInput } from '@casusregie/domain';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import {
  PROPOSAL_EXAMPLE,
  type RecordedProposal,
  proposalContext,
  proposalsIn,
} from './responsibility.controller';
import { ApiCaseCommand } from './shared/api-case-command';
import { resolveOrganisation } from './shared/organisations';
import { uuidParam, NoBodyPipe } from './shared/pipes';
import { type CommandResponseWithIds, serverIds } from './shared/server-ids';
import { PassEighteenthBirthdayCommand, RecordTransitionPlanCommand } from './transition.commands';

/** 18-/18+: the toekomstplan (route per need after 18) and the 18th birthday itself. */
@ApiTags('cases: 18-/18+ transition')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class TransitionController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
  ) {}

  /**
   * POST, not PUT: a plan names the routes of some needs (the others keep theirs), and recording it again
   * withdraws the successors proposed before and proposes new ones.
   */
  @Post(':caseId/transition-plan')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Record (a new version of) the toekomstplan: per need, its route after the 18th birthday',
    description:
      'Routes: successor (another law domain and financier from the birthday on; the server proposes it and ' +
      'answers its id per need in `ids.responsibilityIds`, and the wegwijzer advice in `proposals`), ' +
      'verlengde-jeugdhulp (with its legal condition), or ending. Needs the plan does not name keep their route; ' +
      "the named needs' earlier successors are withdrawn.",
    ids: {
      responsibilityIds: { '6f1c2a9e-2d4b-4c1e-9a53-0b8f1e7d2c11': '8a0c2e4a-6c8e-4a2c-9e6a-8c0e2a4c6e8a' },
    },
    extra: {
      proposals: [
        {
          ...PROPOSAL_EXAMPLE,
          lawDomain: 'Wmo',
          financierOrganisationId: 'GM0344',
          financierKind: 'gemeente',
          basis: 'statutory-handover',
          takesEffect: 'at-18th-birthday',
          wegwijzer: { ...PROPOSAL_EXAMPLE.wegwijzer, ruleIds: ['T3'], evaluatedOn: '2026-06-15' },
          deviation: false,
          deviationReason: null,
        },
      ],
    },
  })
  async recordPlan(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() dto: RecordTransitionPlanDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<
    CommandResponseWithIds<{ responsibilityIds: Record<string, string> }> & { proposals: RecordedProposal[] }
  > {
    const newId = serverIds(principal, context);
    const routes = dto.routes.map((route, i) => this.routeInput(route, i, newId));
    const response = await this.commandBus.execute(
      new RecordTransitionPlanCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'RecordTransitionPlan', data: { caseId, routes }, metadata }),
      }),
    );
    const responsibilityIds = Object.fromEntries(
      routes.flatMap((r) => (r.route === 'successor' ? [[r.needId, r.responsibilityId]] : [])),
    );
    return { ...response, ids: { responsibilityIds }, proposals: await proposalsIn(this.store, response) };
  }

  @Post(':caseId/eighteenth-birthday')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiCaseCommand({
    summary: 'Process the 18th birthday now that it has come (no body)',
    description:
      'Jeugdwet responsibilities that cannot continue end or pass to their planned successor, successors take ' +
      'effect and new gaps show. Normally sent by the deadline watcher; sending it again after the birthday ' +
      'changes nothing (no events). Before the birthday: 409 birthday-not-reached.',
  })
  passEighteenthBirthday(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body(NoBodyPipe) _body: unknown,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new PassEighteenthBirthdayCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({ type: 'PassEighteenthBirthday', data: { caseId }, metadata }),
      }),
    );
  }

  private routeInput(
    route: TransitionRouteDto,
    index: number,
    newId: (kind: string, index?: number) => string,
  ): TransitionRouteInput {
    if (route instanceof SuccessorRouteDto) {
      return {
        route: 'successor',
        needId: route.needId,
        responsibilityId: newId('successor', index),
        lawDomain: route.lawDomain,
        financier: resolveOrganisation(this.directory, `routes.${index}.financierCode`, route.financierCode),
        context: proposalContext(route.context),
        ...(route.deviationReason === undefined ? {} : { deviationReason: route.deviationReason }),
      };
    }
    if (route instanceof VerlengdeJeugdhulpRouteDto) {
      return {
        route: 'verlengde-jeugdhulp',
        needId: route.needId,
        condition: route.condition,
        otherLawsExplanation: route.otherLawsExplanation,
      };
    }
    if (route instanceof EndingRouteDto) {
      return { route: 'ending', needId: route.needId, explanation: route.explanation };
    }
    // The validation pipe refuses any other route before the controller runs.
    throw new Error(`Unexpected transition route ${String(route.route)}`);
  }
}
