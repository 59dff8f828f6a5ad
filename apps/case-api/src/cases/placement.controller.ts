import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { EndPlacementDto, RefuseOfferDto, RequestOfferDto, StartPlacementDto } from '@casusregie/contracts';
import type { CaseState, CommandMetadata } from '@casusregie/domain';
import { type RequestPrincipal, CurrentPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { coordinatorOfItsTable } from './case-access';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './organisation-directory';
import { CASE_ID_PARAM } from './shared/api-case-command';
import {
  AcceptOfferCommand,
  EndPlacementCommand,
  RefuseOfferCommand,
  RequestOfferCommand,
  StartPlacementCommand,
} from './placement.commands';
import { resolveOrganisation } from './shared/organisations';
import { NoBodyPipe, ParsePathIdPipe } from './shared/pipes';
import { type CommandResponseWithIds, newServerId } from './shared/server-ids';

const OFFER_ID_PARAM = {
  name: 'offerId',
  description: 'The offerId returned when the offer was requested.',
} as const;

/**
 * Providers (aanbieders) have no accounts: the coordinator of the table records their answer. The domain lets
 * only the provider answer an offer request, so the answer is decided on the provider's behalf; the stored
 * event's actor stays the coordinator who recorded it.
 */
function onBehalfOfProvider(metadata: CommandMetadata, state: CaseState, offerId: string): CommandMetadata {
  if (!Object.hasOwn(state.offers, offerId)) return metadata; // the domain answers offer-not-found
  return { ...metadata, organisationId: state.offers[offerId].providerOrganisationId };
}

@ApiTags('cases: offers and placement')
@ApiBearerAuth()
@Controller('cases')
@UseInterceptors(CaseVersionEtagInterceptor)
export class PlacementController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  @Post(':caseId/offers')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Ask a provider (aanbieder) for an offer for a need (warme overdracht)',
    description: 'The provider joins the case as aanbieder. The new offerId is returned in `ids`.',
  })
  async requestOffer(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: RequestOfferDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds> {
    const provider = resolveOrganisation(this.directory, 'providerCode', dto.providerCode);
    const offerId = newServerId(context, caseId, 'offer');
    const response = await this.commandBus.execute(
      new RequestOfferCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'RequestOffer',
          data: { caseId, offerId, needId: dto.needId, provider, question: dto.question },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { offerId } };
  }

  @Post(':caseId/offers/:offerId/accept')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(OFFER_ID_PARAM)
  @ApiOperation({
    summary: 'Record that the provider accepted the offer request',
    description:
      'Recorded by a coordinator of the case’s table on behalf of the provider asked (providers have no ' +
      'accounts); the event names the coordinator as actor. No body.',
  })
  accept(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('offerId', new ParsePathIdPipe('offerId')) offerId: string,
    @Body(NoBodyPipe) _body: unknown,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new AcceptOfferCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata, state) => ({
          type: 'AcceptOffer',
          data: { caseId, offerId },
          metadata: onBehalfOfProvider(metadata, state, offerId),
        }),
      }),
    );
  }

  @Post(':caseId/offers/:offerId/refuse')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam(OFFER_ID_PARAM)
  @ApiOperation({
    summary: 'Record that the provider refused the offer request, with its reason',
    description:
      'A refusal is a first-class fact (reports count them). Recorded by a coordinator of the case’s table ' +
      'on behalf of the provider asked; the event names the coordinator as actor.',
  })
  refuse(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('offerId', new ParsePathIdPipe('offerId')) offerId: string,
    @Body() dto: RefuseOfferDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new RefuseOfferCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata, state) => ({
          type: 'RefuseOffer',
          data: { caseId, offerId, reasonCode: dto.reasonCode, explanation: dto.explanation },
          metadata: onBehalfOfProvider(metadata, state, offerId),
        }),
      }),
    );
  }

  @Post(':caseId/placements')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiOperation({
    summary: 'Start a placement on an accepted offer',
    description:
      'Needs a financier holding the need (accepted or provisional): no placement without payment. The new ' +
      'placementId is returned in `ids`.',
  })
  async startPlacement(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: StartPlacementDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponseWithIds> {
    const placementId = newServerId(context, caseId, 'placement');
    const response = await this.commandBus.execute(
      new StartPlacementCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'StartPlacement',
          data: { caseId, placementId, offerId: dto.offerId, startDate: dto.startDate },
          metadata,
        }),
      }),
    );
    return { ...response, ids: { placementId } };
  }

  @Post(':caseId/placements/:placementId/end')
  @HttpCode(200)
  @RequirePermission('case.command')
  @ApiParam(CASE_ID_PARAM)
  @ApiParam({ name: 'placementId', description: 'The placementId returned when the placement started.' })
  @ApiOperation({ summary: 'End a placement, with its last day and a reason' })
  endPlacement(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('placementId', new ParsePathIdPipe('placementId')) placementId: string,
    @Body() dto: EndPlacementDto,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commandBus.execute(
      new EndPlacementCommand({
        ...context,
        caseId,
        authorize: coordinatorOfItsTable(principal),
        build: (metadata) => ({
          type: 'EndPlacement',
          data: { caseId, placementId, endDate: dto.endDate, reason: dto.reason },
          metadata,
        }),
      }),
    );
  }
}
