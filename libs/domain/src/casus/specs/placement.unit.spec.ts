import type { CaseCommand } from '../commands';
import type { OrganisationRef } from '../types';
import { refusedWith } from '../test-support/expect-refusal';
import {
  CASE_ID,
  ORG,
  acceptBy,
  at,
  given,
  liaison,
  meta,
  playOn,
  propose,
  requestFinancier,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

function requestOffer(offerId: string, provider: OrganisationRef, now: string): CaseCommand {
  return {
    type: 'RequestOffer',
    data: { caseId: CASE_ID, offerId, needId: 'need-pv', provider },
    metadata: meta(now),
  };
}
function acceptOffer(offerId: string, by: OrganisationRef, now: string): CaseCommand {
  return { type: 'AcceptOffer', data: { caseId: CASE_ID, offerId }, metadata: liaison(by, now) };
}
function refuseOffer(offerId: string, by: OrganisationRef, now: string): CaseCommand {
  return {
    type: 'RefuseOffer',
    data: {
      caseId: CASE_ID,
      offerId,
      reasonCode: 'safety-risk',
      explanation: 'Agressie-incidenten; groep te kwetsbaar.',
    },
    metadata: liaison(by, now),
  };
}
function startPlacement(
  placementId: string,
  offerId: string,
  now: string,
  startDate = '2025-04-01',
): CaseCommand {
  return {
    type: 'StartPlacement',
    data: { caseId: CASE_ID, placementId, offerId, startDate },
    metadata: meta(now),
  };
}
function endPlacement(placementId: string, now: string, endDate = '2025-09-30'): CaseCommand {
  return {
    type: 'EndPlacement',
    data: { caseId: CASE_ID, placementId, endDate, reason: 'Doorgestroomd naar beschermd wonen.' },
    metadata: meta(now),
  };
}

const held = playOn(
  withNeed(),
  propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
  requestFinancier('r-wmo', 'req-1', at(3, 2)),
  acceptBy(ORG.utrecht, 'r-wmo', at(4)),
);
const offered = playOn(held, requestOffer('offer-1', ORG.lvbKliniek, at(5)));
const accepted = playOn(offered, acceptOffer('offer-1', ORG.lvbKliniek, at(6)));
const placed = playOn(accepted, startPlacement('plc-1', 'offer-1', at(7)));

describe('RequestOffer (warme overdracht)', () => {
  it('asks a provider for an offer; the provider joins the case as aanbieder', () => {
    given(held)
      .when(requestOffer('offer-1', ORG.lvbKliniek, at(5)))
      .then([
        {
          type: 'casus.PartyJoined.v1',
          data: { caseId: CASE_ID, party: ORG.lvbKliniek, role: 'aanbieder', occurredAt: at(5) },
        },
        {
          type: 'casus.OfferRequested.v1',
          data: {
            caseId: CASE_ID,
            offerId: 'offer-1',
            needId: 'need-pv',
            providerOrganisationId: ORG.lvbKliniek.organisationId,
            question: null,
            occurredAt: at(5),
          },
        },
      ]);
  });

  it('refuses an offer request to an organisation that is not a provider', () => {
    given(held)
      .when(requestOffer('offer-1', ORG.utrecht, at(5)))
      .thenThrows(refusedWith('provider-kind-required'));
  });

  it('refuses an offer id that exists', () => {
    given(offered)
      .when(requestOffer('offer-1', ORG.moOpvang, at(5)))
      .thenThrows(refusedWith('duplicate-id'));
  });
});

describe('AcceptOffer and RefuseOffer', () => {
  it('lets the provider accept', () => {
    given(offered)
      .when(acceptOffer('offer-1', ORG.lvbKliniek, at(6)))
      .then([
        {
          type: 'casus.OfferAccepted.v1',
          data: {
            caseId: CASE_ID,
            offerId: 'offer-1',
            needId: 'need-pv',
            providerOrganisationId: ORG.lvbKliniek.organisationId,
            occurredAt: at(6),
          },
        },
      ]);
  });

  it('records a refusal with its reason as a fact', () => {
    given(offered)
      .when(refuseOffer('offer-1', ORG.lvbKliniek, at(6)))
      .then([
        {
          type: 'casus.OfferRefused.v1',
          data: {
            caseId: CASE_ID,
            offerId: 'offer-1',
            needId: 'need-pv',
            providerOrganisationId: ORG.lvbKliniek.organisationId,
            reasonCode: 'safety-risk',
            explanation: 'Agressie-incidenten; groep te kwetsbaar.',
            occurredAt: at(6),
          },
        },
      ]);
  });

  it('refuses an answer from another organisation than the provider', () => {
    given(offered)
      .when(acceptOffer('offer-1', ORG.moOpvang, at(6)))
      .thenThrows(refusedWith('not-the-provider', 'forbidden'));
  });

  it('refuses a second answer', () => {
    given(accepted)
      .when(refuseOffer('offer-1', ORG.lvbKliniek, at(7)))
      .thenThrows(refusedWith('offer-not-open', 'conflict'));
  });

  it('refuses an answer to an unknown offer', () => {
    given(held)
      .when(acceptOffer('offer-9', ORG.lvbKliniek, at(6)))
      .thenThrows(refusedWith('offer-not-found', 'not-found'));
  });
});

describe('StartPlacement and EndPlacement', () => {
  it('starts a placement on an accepted offer for a need that has a financier', () => {
    given(accepted)
      .when(startPlacement('plc-1', 'offer-1', at(7)))
      .then([
        {
          type: 'casus.PlacementStarted.v1',
          data: {
            caseId: CASE_ID,
            placementId: 'plc-1',
            offerId: 'offer-1',
            needId: 'need-pv',
            providerOrganisationId: ORG.lvbKliniek.organisationId,
            startDate: '2025-04-01',
            occurredAt: at(7),
          },
        },
      ]);
  });

  it('refuses a placement without a financier holding the need', () => {
    const unfunded = playOn(
      withNeed(),
      requestOffer('offer-1', ORG.lvbKliniek, at(5)),
      acceptOffer('offer-1', ORG.lvbKliniek, at(6)),
    );
    given(unfunded)
      .when(startPlacement('plc-1', 'offer-1', at(7)))
      .thenThrows(refusedWith('placement-without-financier', 'unprocessable'));
  });

  it('refuses a placement on an offer the provider has not accepted', () => {
    given(offered)
      .when(startPlacement('plc-1', 'offer-1', at(7)))
      .thenThrows(refusedWith('offer-not-accepted', 'conflict'));
  });

  it('refuses a second placement on the same offer', () => {
    given(placed)
      .when(startPlacement('plc-2', 'offer-1', at(8)))
      .thenThrows(refusedWith('offer-already-placed', 'conflict'));
  });

  it('refuses a second running placement for the same need', () => {
    const second = playOn(
      placed,
      requestOffer('offer-2', ORG.moOpvang, at(8)),
      acceptOffer('offer-2', ORG.moOpvang, at(8, 1)),
    );
    given(second)
      .when(startPlacement('plc-2', 'offer-2', at(9)))
      .thenThrows(refusedWith('need-already-placed', 'conflict'));
  });

  it('ends a placement with a reason', () => {
    const events = given(placed)
      .when(endPlacement('plc-1', at(200)))
      .events();
    expect(events).toEqual([
      {
        type: 'casus.PlacementEnded.v1',
        data: {
          caseId: CASE_ID,
          placementId: 'plc-1',
          needId: 'need-pv',
          endDate: '2025-09-30',
          reason: 'Doorgestroomd naar beschermd wonen.',
          occurredAt: at(200),
        },
      },
    ]);
    expect(stateOf([...placed, ...events]).placements['plc-1'].endDate).toBe('2025-09-30');
  });

  it('refuses an end before the start', () => {
    given(placed)
      .when(endPlacement('plc-1', at(8), '2025-03-01'))
      .thenThrows(refusedWith('end-before-start'));
  });

  it('refuses to end a placement twice', () => {
    given(playOn(placed, endPlacement('plc-1', at(200))))
      .when(endPlacement('plc-1', at(201)))
      .thenThrows(refusedWith('placement-already-ended', 'conflict'));
  });

  it('refuses to end an unknown placement', () => {
    given(accepted)
      .when(endPlacement('plc-9', at(8)))
      .thenThrows(refusedWith('placement-not-found', 'not-found'));
  });
});
