import type {
  AcceptOffer,
  EndPlacement,
  RefuseOffer,
  RequestOffer,
  StartPlacement,
} from '../commands/placement';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { OFFER_REFUSAL_REASONS } from '../events/placement';
import { holderOf } from '../holding';
import type { CommandMetadata } from '../../vocabulary';
import type { CaseState, OfferRecord } from '../state';
import { optionalText, requireDate, requireId, requireOneOf, requireText } from '../validation';
import { joinIfNew, requireAtTable, requireNewId, requireOpenNeed, requireOrganisation } from './guards';
import { own } from '../own';

export function requestOffer(command: RequestOffer, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  const offerId = requireId(d.offerId, 'The offer id');
  requireNewId(own(state.offers, offerId) !== undefined, offerId, 'offer');
  const need = requireOpenNeed(state, d.needId);
  const provider = requireOrganisation(d.provider, 'provider');
  if (provider.kind !== 'aanbieder')
    refuse('provider-kind-required', 'An offer is requested from an aanbieder.');
  return [
    ...joinIfNew(state, provider, 'aanbieder', at),
    {
      type: 'casus.OfferRequested.v1',
      data: {
        caseId: state.caseId!,
        offerId,
        needId: need.needId,
        providerOrganisationId: provider.organisationId,
        question: optionalText(d.question, 'The question to the provider'),
        occurredAt: at,
      },
    },
  ];
}

function requireOpenOfferForProvider(
  state: CaseState,
  offerId: string,
  metadata: CommandMetadata,
): OfferRecord {
  const offer = own(state.offers, offerId);
  if (!offer) refuse('offer-not-found', `The case has no offer request ${offerId}.`);
  if (offer.status !== 'requested')
    refuse('offer-not-open', `The offer request ${offerId} is already ${offer.status}.`);
  if (metadata.organisationId !== offer.providerOrganisationId) {
    refuse('not-the-provider', `Only ${offer.providerOrganisationId} can answer offer request ${offerId}.`);
  }
  return offer;
}

export function acceptOffer(command: AcceptOffer, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const offer = requireOpenOfferForProvider(state, command.data.offerId, command.metadata);
  return [
    {
      type: 'casus.OfferAccepted.v1',
      data: {
        caseId: state.caseId!,
        offerId: offer.offerId,
        needId: offer.needId,
        providerOrganisationId: offer.providerOrganisationId,
        occurredAt: command.metadata.now,
      },
    },
  ];
}

export function refuseOffer(command: RefuseOffer, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const offer = requireOpenOfferForProvider(state, command.data.offerId, command.metadata);
  return [
    {
      type: 'casus.OfferRefused.v1',
      data: {
        caseId: state.caseId!,
        offerId: offer.offerId,
        needId: offer.needId,
        providerOrganisationId: offer.providerOrganisationId,
        reasonCode: requireOneOf(command.data.reasonCode, OFFER_REFUSAL_REASONS, 'The reason for refusing'),
        explanation: requireText(command.data.explanation, 'The explanation of the refusal'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

/** A placement needs an accepted offer and a financier that holds the need: no placement without payment. */
export function startPlacement(command: StartPlacement, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const placementId = requireId(d.placementId, 'The placement id');
  requireNewId(own(state.placements, placementId) !== undefined, placementId, 'placement');
  const offer = own(state.offers, d.offerId);
  if (!offer) refuse('offer-not-found', `The case has no offer request ${d.offerId}.`);
  if (offer.status === 'placed')
    refuse('offer-already-placed', `The offer ${d.offerId} already led to a placement.`);
  if (offer.status !== 'accepted')
    refuse('offer-not-accepted', `The provider has not accepted offer ${d.offerId}.`);
  requireOpenNeed(state, offer.needId);
  if (!holderOf(state.responsibilities, offer.needId)) {
    refuse(
      'placement-without-financier',
      `Nobody holds the responsibility for need ${offer.needId}: agree on a financier (or a provisional one) first.`,
    );
  }
  const running = Object.values(state.placements).find(
    (p) => p.needId === offer.needId && p.endDate === null,
  );
  if (running)
    refuse(
      'need-already-placed',
      `Need ${offer.needId} already has a running placement ${running.placementId}.`,
    );
  return [
    {
      type: 'casus.PlacementStarted.v1',
      data: {
        caseId: state.caseId!,
        placementId,
        offerId: offer.offerId,
        needId: offer.needId,
        providerOrganisationId: offer.providerOrganisationId,
        startDate: requireDate(d.startDate, 'The start date'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

export function endPlacement(command: EndPlacement, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const placement = own(state.placements, d.placementId);
  if (!placement) refuse('placement-not-found', `The case has no placement ${d.placementId}.`);
  if (placement.endDate !== null)
    refuse('placement-already-ended', `Placement ${d.placementId} has already ended.`);
  const endDate = requireDate(d.endDate, 'The end date');
  if (endDate < placement.startDate)
    refuse('end-before-start', `The placement started on ${placement.startDate}.`);
  return [
    {
      type: 'casus.PlacementEnded.v1',
      data: {
        caseId: state.caseId!,
        placementId: placement.placementId,
        needId: placement.needId,
        endDate,
        reason: requireText(d.reason, 'The reason the placement ends'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}
