import { UnknownCaseEventError, upcast } from '../upcasters';
import type { ResponsibilityRejectedV1 } from '../upcasters';
import { foldCase } from '../decider';
import { CASE_EVENT_TYPES } from '../events';
import {
  ORG,
  at,
  playOn,
  propose,
  requestFinancier,
  rejectBy,
  stateOf,
  withNeed,
} from '../test-support/fixtures';

const requested = playOn(
  withNeed(),
  propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1)),
  requestFinancier('r-wmo', 'req-1', at(3, 2)),
);

/** A rejection as version 1 stored it: a free-text reason only. */
const storedV1: ResponsibilityRejectedV1 = {
  type: 'casus.ResponsibilityRejected.v1',
  data: {
    caseId: 'case-7f3a',
    needId: 'need-pv',
    responsibilityId: 'r-wmo',
    requestId: 'req-1',
    financierOrganisationId: ORG.utrecht.organisationId,
    reason: 'Valt onder de Zvw.',
    occurredAt: at(4),
  },
};

describe('upcast', () => {
  it('reads a v1 rejection as the current v2 shape: the free text becomes the explanation, code other, no referral', () => {
    expect(upcast(storedV1)).toEqual({
      type: 'casus.ResponsibilityRejected.v2',
      data: {
        caseId: 'case-7f3a',
        needId: 'need-pv',
        responsibilityId: 'r-wmo',
        requestId: 'req-1',
        financierOrganisationId: ORG.utrecht.organisationId,
        reasonCode: 'other',
        explanation: 'Valt onder de Zvw.',
        referralLawDomain: null,
        occurredAt: at(4),
      },
    });
  });

  it('gives the same state as the current event would', () => {
    const fromV1 = foldCase([...requested, storedV1]);
    const current = stateOf(playOn(requested, rejectBy(ORG.utrecht, 'r-wmo', at(4))));
    expect(fromV1).toEqual(current);
    expect(fromV1.responsibilities[0].status).toBe('rejected');
  });

  it('does not rewrite what it reads', () => {
    const copy = JSON.parse(JSON.stringify(storedV1)) as ResponsibilityRejectedV1;
    upcast(copy);
    expect(copy).toEqual(storedV1);
  });

  it('passes current events through unchanged', () => {
    for (const event of requested) expect(upcast(event)).toBe(event);
  });

  it('refuses an event type it does not know', () => {
    expect(() => upcast({ type: 'casus.CaseRegistered.v9', data: {} })).toThrow(UnknownCaseEventError);
  });

  it('names every current event type in the stable, versioned form', () => {
    expect(CASE_EVENT_TYPES).toHaveLength(new Set(CASE_EVENT_TYPES).size);
    for (const type of CASE_EVENT_TYPES) expect(type).toMatch(/^casus\.[A-Z][A-Za-z0-9]+\.v\d+$/);
    for (const type of CASE_EVENT_TYPES) expect(upcast({ type, data: {} }).type).toBe(type);
  });
});
