import type { PlacementEvent } from '../events/placement';
import type { CaseState, OfferRecord } from '../state';

function withOfferStatus(state: CaseState, offerId: string, status: OfferRecord['status']): CaseState {
  return { ...state, offers: { ...state.offers, [offerId]: { ...state.offers[offerId], status } } };
}

export function evolvePlacement(state: CaseState, event: PlacementEvent): CaseState {
  switch (event.type) {
    case 'casus.OfferRequested.v1': {
      const { offerId, needId, providerOrganisationId } = event.data;
      return {
        ...state,
        offers: {
          ...state.offers,
          [offerId]: { offerId, needId, providerOrganisationId, status: 'requested' },
        },
      };
    }
    case 'casus.OfferAccepted.v1':
      return withOfferStatus(state, event.data.offerId, 'accepted');
    case 'casus.OfferRefused.v1':
      return withOfferStatus(state, event.data.offerId, 'refused');
    case 'casus.PlacementStarted.v1': {
      const { placementId, offerId, needId, startDate } = event.data;
      const placed = withOfferStatus(state, offerId, 'placed');
      return {
        ...placed,
        placements: {
          ...placed.placements,
          [placementId]: { placementId, offerId, needId, startDate, endDate: null },
        },
      };
    }
    case 'casus.PlacementEnded.v1': {
      const { placementId, endDate } = event.data;
      return {
        ...state,
        placements: { ...state.placements, [placementId]: { ...state.placements[placementId], endDate } },
      };
    }
  }
}
