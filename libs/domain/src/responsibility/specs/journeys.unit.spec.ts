/**
 * The three journeys of DOMAIN.md at the level of the domain: every command goes through the decider, and after
 * each step the responsibility view is checked.
 */
import type { CaseCommand } from '../../casus/commands';
import { CASE_EVENT_TYPES } from '../../casus/events';
import {
  CASE_ID,
  HOME,
  ORG,
  acceptAtTriage,
  acceptBy,
  at,
  discuss,
  liaison,
  meta,
  propose,
  putOnAgenda,
  register,
  rejectBy,
  requestFinancier,
} from '../../casus/test-support/fixtures';
import {
  BIRTHDAY_18,
  YOUTH,
  birthday,
  plan,
  registerTransition,
  successor,
} from '../../casus/test-support/transition-fixtures';
import { responsibilityAtPosition, responsibilityOn, responsibilityTimeline } from '../queries';
import { Journey, line } from '../test-support/journey';

const WLZ_BLIJVEND = {
  wlzIndication: true,
  setting: 'instelling',
  medicalContext: false,
  blijvend: true,
  ageOnDate: 34,
} as const;

function offer(offerId: string, provider: typeof ORG.lvbKliniek, now: string): CaseCommand {
  return {
    type: 'RequestOffer',
    data: { caseId: CASE_ID, offerId, needId: 'need-wonen', provider },
    metadata: meta(now),
  };
}

const journey1 = new Journey();
const journey2 = new Journey();
const journey3 = new Journey();

describe('Journey 1: a moeilijk plaatsbare client, from aanmelding to plaatsing', () => {
  const j = journey1;

  it('registers the case (aanbrenger: the GGD) and has no needs yet', () => {
    j.run(
      register({
        caseType: 'moeilijk-plaatsbaar',
        urgency: 'hoog',
        aanbrenger: ORG.ggd,
        summary: 'Dakloos na ontslag; LVB, psychiatrie en verslaving; twee keer geweigerd.',
      }),
    );
    j.run(acceptAtTriage());
    j.run(putOnAgenda());
    expect(j.view().needs).toEqual([]);
    expect(j.view().gaps).toEqual([]);
  });

  it('identifies wonen met 24-uurs toezicht at the table: a gap from that moment', () => {
    j.run(
      discuss({
        presentOrganisationIds: [
          ORG.utrecht.organisationId,
          ORG.zorgkantoorUtrecht.organisationId,
          ORG.ggd.organisationId,
        ],
        needsIdentified: [{ needId: 'need-wonen', category: 'verblijf' }],
      }),
    );
    expect(line(j.need('need-wonen'))).toBeNull();
    expect(j.view().gaps).toEqual([
      {
        needId: 'need-wonen',
        category: 'verblijf',
        since: expect.objectContaining({ type: 'casus.NeedIdentified.v1' }),
      },
    ]);
  });

  it('proposes the Wlz (zorgkantoor) as the wegwijzer suggests, and asks the zorgkantoor', () => {
    j.run(propose('need-wonen', 'r-wlz', 'Wlz', ORG.zorgkantoorUtrecht, at(3, 1), { context: WLZ_BLIJVEND }));
    expect(line(j.need('need-wonen'))).toMatchObject({
      lawDomain: 'Wlz',
      status: 'proposed',
      holding: false,
    });
    j.run(requestFinancier('r-wlz', 'req-wlz', at(3, 2)));
    expect(line(j.need('need-wonen'))).toMatchObject({
      status: 'requested',
      setBy: 'casus.FinancierRequested.v1',
    });
    expect(j.view().gaps.map((g) => g.needId)).toEqual(['need-wonen']);
  });

  it('closes the gap when the zorgkantoor accepts', () => {
    j.run(acceptBy(ORG.zorgkantoorUtrecht, 'r-wlz', at(4)));
    expect(line(j.need('need-wonen'))).toEqual({
      lawDomain: 'Wlz',
      financier: ORG.zorgkantoorUtrecht.organisationId,
      status: 'accepted',
      basis: 'wegwijzer-rule',
      holding: true,
      setBy: 'casus.ResponsibilityAccepted.v1',
    });
    expect(j.view().gaps).toEqual([]);
  });

  it('records two refusals by providers as facts; the responsibility does not change', () => {
    const before = j.need('need-wonen');
    j.run(offer('offer-1', ORG.lvbKliniek, at(5)));
    j.run({
      type: 'RefuseOffer',
      data: {
        caseId: CASE_ID,
        offerId: 'offer-1',
        reasonCode: 'safety-risk',
        explanation: 'Agressie; groep te kwetsbaar.',
      },
      metadata: liaison(ORG.lvbKliniek, at(6)),
    });
    j.run(offer('offer-2', ORG.ggzInstelling, at(6, 1)));
    j.run({
      type: 'RefuseOffer',
      data: {
        caseId: CASE_ID,
        offerId: 'offer-2',
        reasonCode: 'no-capacity',
        explanation: 'Wachtlijst van acht maanden.',
      },
      metadata: liaison(ORG.ggzInstelling, at(7)),
    });
    expect(j.events.filter((e) => e.type === 'casus.OfferRefused.v1')).toHaveLength(2);
    expect(j.need('need-wonen')).toEqual(before);
  });

  it('escalates for lack of a suitable offer; the zorgkantoor decides at the opschaaltafel', () => {
    const owner = {
      organisationId: ORG.zorgkantoorUtrecht.organisationId,
      functionTitle: 'manager zorgtoewijzing',
    };
    j.run({
      type: 'EscalateCase',
      data: {
        caseId: CASE_ID,
        escalationId: 'esc-1',
        level: 'opschaaltafel',
        reason: 'no-suitable-offer',
        question: 'Welke aanbieder biedt een plek, met welke extra inzet?',
        mandateHolder: owner,
        decisionOwner: owner,
        needIds: ['need-wonen'],
      },
      metadata: meta(at(10)),
    });
    expect(line(j.need('need-wonen'))).toMatchObject({ status: 'accepted', holding: true });
    j.run({
      type: 'DecideBreakthrough',
      data: {
        caseId: CASE_ID,
        escalationId: 'esc-1',
        decisionId: 'dec-1',
        summary: 'Zorgkantoor financiert een meerzorgplek bij de MO-aanbieder, evaluatie over drie maanden.',
        evaluationDate: '2025-06-16',
        validUntil: '2025-12-31',
        assignments: [
          {
            needId: 'need-wonen',
            lawDomain: 'Wlz',
            financier: ORG.zorgkantoorUtrecht,
            provisional: false,
            deliveredByOrganisationId: ORG.moOpvang.organisationId,
          },
        ],
      },
      metadata: meta(at(12), ORG.zorgkantoorUtrecht),
    });
    expect(line(j.need('need-wonen'))).toEqual({
      lawDomain: 'Wlz',
      financier: ORG.zorgkantoorUtrecht.organisationId,
      status: 'accepted',
      basis: 'opschaaltafel-decision',
      holding: true,
      setBy: 'casus.BreakthroughDecided.v1',
    });
    expect(j.need('need-wonen').responsibilities.map((r) => r.status)).toEqual(['ended', 'accepted']);
  });

  it('places the client with the provider that accepts, and closes the case', () => {
    j.run(offer('offer-3', ORG.moOpvang, at(13)));
    j.run({
      type: 'AcceptOffer',
      data: { caseId: CASE_ID, offerId: 'offer-3' },
      metadata: liaison(ORG.moOpvang, at(14)),
    });
    j.run({
      type: 'StartPlacement',
      data: { caseId: CASE_ID, placementId: 'plc-1', offerId: 'offer-3', startDate: '2025-03-24' },
      metadata: meta(at(15)),
    });
    j.run({ type: 'CloseCase', data: { caseId: CASE_ID, result: 'placed' }, metadata: meta(at(40)) });
    expect(line(j.need('need-wonen'))).toMatchObject({ status: 'accepted', holding: true });
    expect(j.view().gaps).toEqual([]);
    expect(j.caseState.status).toBe('closed');
  });
});

describe('Journey 2: an 18-/18+ transition with a gap at the birthday', () => {
  const j = journey2;
  const hold = (needId: string, id: string, now: number) => {
    j.run(propose(needId, id, 'Jeugdwet', ORG.utrecht, at(now), { context: YOUTH }));
    j.run(requestFinancier(id, `req-${id}`, at(now, 1)));
    j.run(acceptBy(ORG.utrecht, id, at(now, 2)));
  };

  it('starts with begeleiding and jeugd-GGZ held under the Jeugdwet', () => {
    j.run(registerTransition());
    j.run(acceptAtTriage());
    j.run(putOnAgenda());
    j.run(
      discuss({
        needsIdentified: [
          { needId: 'need-beg', category: 'begeleiding' },
          { needId: 'need-ggz', category: 'behandeling-ggz' },
        ],
      }),
    );
    expect(j.view().gaps.map((g) => g.needId)).toEqual(['need-beg', 'need-ggz']);
    hold('need-beg', 'r-beg-jw', 4);
    hold('need-ggz', 'r-ggz-jw', 5);
    for (const needId of ['need-beg', 'need-ggz']) {
      expect(line(j.need(needId))).toMatchObject({
        lawDomain: 'Jeugdwet',
        status: 'accepted',
        basis: 'wegwijzer-rule',
        holding: true,
      });
    }
    expect(j.view().gaps).toEqual([]);
  });

  it('plans the route after 18: Wmo for begeleiding (T3), Zvw for the GGZ treatment (T1)', () => {
    j.run(
      plan(
        [
          successor('need-beg', 'r-beg-wmo', 'Wmo', ORG.utrecht),
          successor('need-ggz', 'r-ggz-zvw', 'Zvw', ORG.zilverenKruis),
        ],
        at(20),
      ),
    );
    const beg = j.need('need-beg');
    expect(line(beg)).toMatchObject({ lawDomain: 'Jeugdwet', holding: true });
    expect(beg.responsibilities.find((r) => r.responsibilityId === 'r-beg-wmo')).toMatchObject({
      status: 'proposed',
      basis: 'statutory-handover',
      takesEffect: 'at-18th-birthday',
      holding: false,
    });
  });

  it('gets the Wmo successor accepted in advance; the insurer is asked but does not answer in time', () => {
    j.run(requestFinancier('r-beg-wmo', 'req-beg-wmo', at(21)));
    j.run(acceptBy(ORG.utrecht, 'r-beg-wmo', at(22)));
    j.run(requestFinancier('r-ggz-zvw', 'req-ggz-zvw', at(21, 1)));
    expect(line(j.need('need-beg'))).toMatchObject({ lawDomain: 'Jeugdwet', holding: true });
    expect(j.view().gaps).toEqual([]);
  });

  it('at the birthday: begeleiding moves to the Wmo, the GGZ treatment becomes a visible gap', () => {
    j.run(birthday('2025-09-15T05:00:00Z'));
    const birthdayEvent = j.last('casus.EighteenthBirthdayPassed.v1');
    expect(line(j.need('need-beg'))).toEqual({
      lawDomain: 'Wmo',
      financier: ORG.utrecht.organisationId,
      status: 'accepted',
      basis: 'statutory-handover',
      holding: true,
      setBy: 'casus.EighteenthBirthdayPassed.v1',
    });
    expect(j.need('need-beg').responsibilities.map((r) => [r.lawDomain, r.status])).toEqual([
      ['Jeugdwet', 'transferred'],
      ['Wmo', 'accepted'],
    ]);
    expect(line(j.need('need-ggz'))).toMatchObject({ lawDomain: 'Zvw', status: 'requested', holding: false });
    expect(j.view().gaps).toEqual([
      {
        needId: 'need-ggz',
        category: 'behandeling-ggz',
        since: {
          eventId: birthdayEvent.eventId,
          position: birthdayEvent.position,
          type: 'casus.EighteenthBirthdayPassed.v1',
          recordedAt: birthdayEvent.recordedAt,
        },
      },
    ]);
  });

  it('closes the gap when the insurer accepts; the history still shows it on any date in between', () => {
    j.run(acceptBy(ORG.zilverenKruis, 'r-ggz-zvw', '2025-09-29T08:00:00Z'));
    expect(line(j.need('need-ggz'))).toMatchObject({ lawDomain: 'Zvw', status: 'accepted', holding: true });
    expect(j.view().gaps).toEqual([]);
    expect(responsibilityOn(j.envelopes, '2025-09-14').gaps).toEqual([]);
    expect(responsibilityOn(j.envelopes, '2025-09-20').gaps.map((g) => g.needId)).toEqual(['need-ggz']);
    expect(responsibilityOn(j.envelopes, '2025-09-30').gaps).toEqual([]);
    expect(line(responsibilityOn(j.envelopes, '2025-09-14').needs[0])).toMatchObject({
      lawDomain: 'Jeugdwet',
    });
  });

  it('keeps the 18th birthday as the only birth data', () => {
    const registered = j.events[0];
    expect(registered.type).toBe('casus.CaseRegistered.v1');
    expect(registered.data).toMatchObject({ birthday18: BIRTHDAY_18 });
  });
});

describe('Journey 3: grensvlak wijkverpleging vs persoonlijke verzorging, decided provisionally and settled', () => {
  const j = journey3;
  const WETHOUDER = { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder zorg' };

  it('asks both the gemeente (Wmo) and the insurer (Zvw) about the persoonlijke verzorging', () => {
    j.run(register());
    j.run(acceptAtTriage());
    j.run(putOnAgenda());
    j.run(discuss({ needsIdentified: [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }] }));
    j.run(propose('need-pv', 'r-wmo', 'Wmo', ORG.utrecht, at(3, 1), { context: HOME }));
    j.run(
      propose('need-pv', 'r-zvw', 'Zvw', ORG.zilverenKruis, at(3, 2), {
        context: HOME,
        deviationReason: 'Huisarts ziet een geneeskundige context.',
      }),
    );
    expect(j.last('casus.ResponsibilityProposed.v1').event.data).toMatchObject({ deviation: true });
    j.run(requestFinancier('r-wmo', 'req-wmo', at(3, 3)));
    j.run(requestFinancier('r-zvw', 'req-zvw', at(3, 4)));
    expect(line(j.need('need-pv'))).toMatchObject({ lawDomain: 'Zvw', status: 'requested' });
    expect(j.view().gaps.map((g) => g.needId)).toEqual(['need-pv']);
  });

  it('both refuse, each pointing at the other: the need has no holder', () => {
    j.run(
      rejectBy(ORG.utrecht, 'r-wmo', at(5), {
        referralLawDomain: 'Zvw',
        explanation: 'Verzorging hoort bij verpleging.',
      }),
    );
    j.run(
      rejectBy(ORG.zilverenKruis, 'r-zvw', at(6), {
        referralLawDomain: 'Wmo',
        explanation: 'Geen geneeskundige zorg.',
      }),
    );
    expect(j.need('need-pv').responsibilities.map((r) => [r.lawDomain, r.status, r.holding])).toEqual([
      ['Wmo', 'rejected', false],
      ['Zvw', 'rejected', false],
    ]);
    expect(j.view().gaps).toHaveLength(1);
  });

  it('escalates the dispute to the opschaaltafel; advice alone leaves it open', () => {
    j.run({
      type: 'EscalateCase',
      data: {
        caseId: CASE_ID,
        escalationId: 'esc-1',
        level: 'opschaaltafel',
        reason: 'dispute-between-financiers',
        question: 'Wie financiert de persoonlijke verzorging, en wie betaalt in de tussentijd?',
        mandateHolder: WETHOUDER,
        decisionOwner: WETHOUDER,
        needIds: ['need-pv'],
      },
      metadata: meta(at(10)),
    });
    expect(j.need('need-pv').responsibilities.map((r) => r.status)).toEqual(['disputed', 'disputed']);
    j.run({
      type: 'RecordAdvice',
      data: {
        caseId: CASE_ID,
        escalationId: 'esc-1',
        adviceId: 'adv-1',
        advisorOrganisationId: 'org-zorginstituut',
        advice: 'Zorginstituut: verzorging in samenhang met wondzorg valt onder de Zvw.',
      },
      metadata: meta(at(11)),
    });
    expect(j.caseState.openEscalationId).toBe('esc-1');
    expect(j.view().gaps).toHaveLength(1);
  });

  it('the decision owner decides: the gemeente pays provisionally, with a settlement agreement', () => {
    j.run({
      type: 'DecideBreakthrough',
      data: {
        caseId: CASE_ID,
        escalationId: 'esc-1',
        decisionId: 'dec-1',
        summary: 'Gemeente financiert voorlopig de PV; verzekeraar verrekent als het oordeel Zvw blijft.',
        evaluationDate: '2025-05-01',
        assignments: [
          {
            needId: 'need-pv',
            lawDomain: 'Wmo',
            financier: ORG.utrecht,
            provisional: true,
            settlementAgreement:
              'Zilveren Kruis vergoedt de Wmo-kosten vanaf de startdatum als de PV Zvw blijkt.',
          },
        ],
      },
      metadata: meta(at(12)),
    });
    expect(line(j.need('need-pv'))).toEqual({
      lawDomain: 'Wmo',
      financier: ORG.utrecht.organisationId,
      status: 'provisional',
      basis: 'opschaaltafel-decision',
      holding: true,
      setBy: 'casus.BreakthroughDecided.v1',
    });
    expect(j.view().gaps).toEqual([]);
  });

  it('the settlement hands the need to the insurer, who holds it from then on', () => {
    j.run({
      type: 'SettleProvisionalFinancing',
      data: {
        caseId: CASE_ID,
        responsibilityId: 'dec-1:need-pv',
        definitive: { lawDomain: 'Zvw', financier: ORG.zilverenKruis },
        note: 'Verrekend over maart–mei; Zvw-indicatie door de wijkverpleegkundige.',
      },
      metadata: meta(at(70)),
    });
    expect(line(j.need('need-pv'))).toEqual({
      lawDomain: 'Zvw',
      financier: ORG.zilverenKruis.organisationId,
      status: 'accepted',
      basis: 'opschaaltafel-decision',
      holding: true,
      setBy: 'casus.ProvisionalFinancingSettled.v1',
    });
    expect(j.need('need-pv').responsibilities.map((r) => [r.lawDomain, r.status])).toEqual([
      ['Wmo', 'ended'],
      ['Zvw', 'ended'],
      ['Wmo', 'transferred'],
      ['Zvw', 'accepted'],
    ]);
    j.run({
      type: 'CloseCase',
      data: { caseId: CASE_ID, result: 'responsibility-arranged' },
      metadata: meta(at(71)),
    });
    expect(j.view().gaps).toEqual([]);
  });

  it('answers for every position of the stream what the timeline says', () => {
    const timeline = responsibilityTimeline(j.envelopes);
    for (const envelope of j.envelopes) {
      expect(responsibilityAtPosition(j.envelopes, envelope.position)).toEqual(timeline[envelope.position]);
    }
  });
});

describe('the events of the three journeys', () => {
  const all = () => [...journey1.events, ...journey2.events, ...journey3.events];

  it('are plain JSON: serialising and parsing gives the same data, with no undefined anywhere', () => {
    expect(all().length).toBeGreaterThan(60);
    for (const event of all()) expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
  });

  it('carry the case id in every event', () => {
    for (const event of all()) expect(event.data.caseId).toBe(CASE_ID);
  });

  it('use only current, versioned type names', () => {
    for (const event of all()) expect(CASE_EVENT_TYPES).toContain(event.type);
  });

  it('hold no birth data but the 18th birthday of the transition case', () => {
    const text = JSON.stringify(all());
    expect(text.match(/birthday18":"[^"]+"/g)?.every((m) => m.includes(BIRTHDAY_18))).toBe(true);
    expect(text).not.toMatch(/birthDate|bsn|naam/i);
  });
});
