import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney } from './support/journey/case-journey';
import { JourneyClient, coordinatorUtrecht, liaisonOf } from './support/journey/http';
import {
  checkedView,
  gapOf,
  line,
  needOf,
  readModelsAgree,
  responsibility,
  steps,
  summarise,
} from './support/journey/responsibility-view';

/** The parts of GET /stats this journey checks. */
interface Stats {
  readonly offerRefusals: { readonly total: number; readonly byReason: Record<string, number> };
  readonly moeilijkPlaatsbaarWithoutSuitableOffer: ReadonlyArray<{
    readonly month: string;
    readonly count: number;
  }>;
}

/**
 * Journey 1, a moeilijk plaatsbare client at the Utrecht maatwerktafel: aanmelding, triage, agenda, a discussion
 * with three needs, the zorgkantoor's liaison rejects beschermd wonen, escalation to the opschaaltafel, a
 * doorbraakbesluit with the gemeente as voorlopige financier, one provider refuses, a second accepts, placement,
 * verrekening with the zorgkantoor, closure. Every call is real HTTP against the embedded default, and after every
 * key step the responsibility view (now, at the command's position, and the steps) is checked.
 */
describe('journey: a moeilijk plaatsbare client from aanmelding to closure', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;

  beforeAll(async () => {
    embedded = await startEmbeddedApp({ start: '2026-03-02T09:00:00.000Z' });
    client = new JourneyClient(embedded);
  });
  afterAll(() => embedded.close({ removeData: true }));

  it('shows who holds each need, and every gap, at each step', async () => {
    const at = (instant: string) => embedded.clock.set(instant);
    const stats = (minPosition: number) =>
      client.read<Stats>(coordinatorUtrecht, `/stats?minPosition=${minPosition}`);

    // ---- Aanmelding, triage, agendering (Monday 2 March 2026) ----
    const casus = await CaseJourney.register(client, {
      caseType: 'moeilijk-plaatsbaar',
      urgency: 'spoed',
      summary:
        'Dakloos na ontslag uit kliniek; drie aanbieders weigerden eerder; verblijft in de nachtopvang.',
    });
    expect(await checkedView(client, casus.last)).toMatchObject({ needs: [], gaps: [] });
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-05');
    expect(sessionId).toBe('session-2026-03-05');

    // ---- Bespreking: three needs, nobody holds any of them yet ----
    at('2026-03-05T10:00:00.000Z');
    const [ggz, wonen, begeleiding] = await casus.discuss({
      sessionId,
      present: ['GM0344', '3311', 'ZK-UTRECHT'],
      needs: ['behandeling-ggz', 'beschermd-wonen', 'begeleiding'],
      agreements: ['Zorgkantoor beoordeelt of beschermd wonen onder de Wlz valt.'],
      actions: [
        { description: 'CIZ-aanvraag voorbereiden.', ownerOrganisationCode: 'GM0344', dueDate: '2026-03-12' },
      ],
    });
    const needs = { ggz, wonen, begeleiding };
    const discussed = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, discussed);
    expect(discussed.needs.map((n) => n.category)).toEqual([
      'behandeling-ggz',
      'beschermd-wonen',
      'begeleiding',
    ]);
    expect(summarise(discussed, needs)).toEqual({
      ggz: { holder: null, current: null, gap: true },
      wonen: { holder: null, current: null, gap: true },
      begeleiding: { holder: null, current: null, gap: true },
    });
    const wonenGapSince = gapOf(discussed, wonen)!.since;
    expect(wonenGapSince.type).toBe('casus.NeedIdentified.v1');

    // ---- Proposals and requests to the three financiers ----
    const adult = { wlzIndication: false, ageOnDate: 34 };
    const ggzProposal = await casus.propose(ggz, 'Zvw', '3311', { ...adult, medicalContext: true });
    const wonenProposal = await casus.propose(
      wonen,
      'Wlz',
      'ZK-UTRECHT',
      { ...adult, setting: 'instelling' },
      'Verwachting blijvend 24-uurs toezicht; de CIZ-aanvraag wordt voorbereid.',
    );
    // The table deviates from the wegwijzer for beschermd wonen, and that is visible in the proposal.
    expect(wonenProposal.proposal).toMatchObject({ deviation: true, basis: 'table-agreement' });
    const begeleidingProposal = await casus.propose(begeleiding, 'Wmo', 'GM0344', {
      ...adult,
      setting: 'thuis',
    });
    expect(begeleidingProposal.proposal).toMatchObject({ deviation: false, basis: 'wegwijzer-rule' });
    const ggzRequest = await casus.requestFinancier(
      ggz,
      ggzProposal.responsibilityId,
      'Neemt u de GGZ-behandeling op?',
    );
    const wonenRequest = await casus.requestFinancier(
      wonen,
      wonenProposal.responsibilityId,
      'Valt beschermd wonen hier onder de Wlz?',
    );
    const begeleidingRequest = await casus.requestFinancier(
      begeleiding,
      begeleidingProposal.responsibilityId,
      'Neemt de gemeente de begeleiding op?',
    );
    expect(summarise(await checkedView(client, casus.last), needs)).toEqual({
      ggz: { holder: null, current: 'Zvw 3311 requested', gap: true },
      wonen: { holder: null, current: 'Wlz ZK-UTRECHT requested', gap: true },
      begeleiding: { holder: null, current: 'Wmo GM0344 requested', gap: true },
    });

    // ---- The liaisons answer, each with a token of their own organisation ----
    at('2026-03-09T11:00:00.000Z');
    await casus.acceptAs('3311', ggz, ggzRequest);
    await casus.acceptAs('GM0344', begeleiding, begeleidingRequest);
    // Another financier's liaison cannot answer for the zorgkantoor.
    await client.refused(
      liaisonOf('3311'),
      casus.path(`/needs/${wonen}/responsibility-requests/${wonenRequest}/reject`),
      { reasonCode: 'other-law-applies', explanation: 'Niet aan ons.' },
      { status: 403, code: 'not-the-financier' },
    );
    await casus.rejectAs('ZK-UTRECHT', wonen, wonenRequest, {
      reasonCode: 'criteria-not-met',
      explanation: 'Geen Wlz-indicatie; blijvend 24-uurs toezicht is niet aangetoond. Valt onder de Wmo.',
      referralLawDomain: 'Wmo',
    });
    const rejectedAt = casus.last;
    const afterRejection = await checkedView(client, rejectedAt);
    await readModelsAgree(client, rejectedAt, afterRejection);
    expect(summarise(afterRejection, needs)).toEqual({
      ggz: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      wonen: { holder: null, current: 'Wlz ZK-UTRECHT rejected', gap: true },
      begeleiding: { holder: 'Wmo GM0344 accepted', current: 'Wmo GM0344 accepted', gap: false },
    });
    // The rejection left the gap open since the need was identified: nobody ever held beschermd wonen.
    expect(gapOf(afterRejection, wonen)!.since).toEqual(wonenGapSince);
    expect(needOf(afterRejection, wonen).current!.setBy).toMatchObject({
      type: 'casus.ResponsibilityRejected.v2',
      position: rejectedAt.position,
    });
    // The zorgkantoor's liaison sees the same view of the case it takes part in.
    expect(
      summarise(await responsibility(client, casus.caseId, undefined, liaisonOf('ZK-UTRECHT')), needs),
    ).toEqual(summarise(afterRejection, needs));

    // ---- Escalation to the opschaaltafel, with a mandate holder and a decision owner ----
    at('2026-03-10T09:00:00.000Z');
    const escalation = {
      level: 'opschaaltafel',
      reason: 'dispute-between-financiers',
      question: 'Wie financiert beschermd wonen zolang de Wlz-toegang niet vaststaat?',
      mandateHolder: { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' },
      decisionOwner: { organisationCode: 'GM0344', functionTitle: 'directeur maatschappelijke ontwikkeling' },
      dueDate: '2026-03-20',
      needIds: [wonen],
    };
    const { decisionOwner: _withoutOwner, ...noDecisionOwner } = escalation;
    await client.refused(coordinatorUtrecht, casus.path('/escalations'), noDecisionOwner, {
      status: 422,
      code: 'decision-owner-required',
    });
    const escalationId = await casus.escalate(escalation);
    expect(summarise(await checkedView(client, casus.last), needs)).toMatchObject({
      wonen: { holder: null, current: 'Wlz ZK-UTRECHT disputed', gap: true },
    });

    // ---- Doorbraakbesluit: only the decision owner's organisation decides; the gemeente pays provisionally ----
    at('2026-03-16T14:00:00.000Z');
    const decision = {
      summary: 'De gemeente financiert beschermd wonen voorlopig; verrekening na het CIZ-besluit.',
      evaluationDate: '2026-06-01',
      validUntil: '2026-12-31',
      assignments: [
        {
          needId: wonen,
          lawDomain: 'Wmo',
          financierCode: 'GM0344',
          provisional: true,
          settlementAgreement:
            'Geeft het CIZ een Wlz-indicatie af, dan vergoedt het zorgkantoor de kosten vanaf de plaatsing.',
        },
      ],
    };
    const zorgkantoorCoordinator = {
      role: 'coordinator' as const,
      org: 'ZK-UTRECHT',
      tables: ['mwt-utrecht'],
    };
    await client.refused(
      zorgkantoorCoordinator,
      casus.path(`/escalations/${escalationId}/decision`),
      decision,
      {
        status: 403,
        code: 'not-the-decision-owner',
      },
    );
    const decisionId = await casus.decide(escalationId, decision);
    const decided = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, decided);
    expect(summarise(decided, needs)).toEqual({
      ggz: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      wonen: { holder: 'Wmo GM0344 provisional', current: 'Wmo GM0344 provisional', gap: false },
      begeleiding: { holder: 'Wmo GM0344 accepted', current: 'Wmo GM0344 accepted', gap: false },
    });
    expect(decided.gaps).toEqual([]);
    expect(
      needOf(decided, wonen).responsibilities.map((r) => [r.responsibilityId, r.status, r.basis]),
    ).toEqual([
      [wonenProposal.responsibilityId, 'ended', 'table-agreement'],
      [`${decisionId}:${wonen}`, 'provisional', 'opschaaltafel-decision'],
    ]);

    // ---- Warme overdracht: Lister refuses, Altrecht accepts, placement ----
    at('2026-03-17T09:00:00.000Z');
    const listerOffer = await casus.requestOffer(wonen, '99000002', 'Is er binnen twee weken een plek?');
    const altrechtOffer = await casus.requestOffer(wonen, '99000001', 'Is er binnen twee weken een plek?');
    at('2026-03-18T09:00:00.000Z');
    await casus.run(`/offers/${listerOffer}/refuse`, {
      reasonCode: 'safety-risk',
      explanation: 'Agressie-incidenten in eerdere trajecten; geen passende begeleiding in de groep.',
    });
    await client.refused(
      coordinatorUtrecht,
      casus.path('/placements'),
      { offerId: listerOffer, startDate: '2026-03-23' },
      { status: 409, code: 'offer-not-accepted' },
    );
    // The refusal is a first-class fact: GET /stats counts it, and the client counts as moeilijk plaatsbaar
    // without a suitable offer this month (until a provider accepts).
    const refusedStats = await stats(casus.last.position);
    expect(refusedStats.offerRefusals).toEqual({
      total: 1,
      byReason: expect.objectContaining({ 'safety-risk': 1 }),
    });
    expect(refusedStats.moeilijkPlaatsbaarWithoutSuitableOffer.at(-1)).toMatchObject({
      month: '2026-03',
      count: 1,
    });
    at('2026-03-19T09:00:00.000Z');
    await casus.run(`/offers/${altrechtOffer}/accept`);
    expect((await stats(casus.last.position)).moeilijkPlaatsbaarWithoutSuitableOffer.at(-1)).toMatchObject({
      month: '2026-03',
      count: 0,
    });
    // Offers change nobody's responsibility.
    expect(summarise(await checkedView(client, casus.last), needs)).toEqual(summarise(decided, needs));
    at('2026-03-23T08:00:00.000Z');
    const placementId = await casus.startPlacement(altrechtOffer, '2026-03-23');
    expect(placementId).toMatch(/^[0-9a-f-]{36}$/);

    // ---- Verrekening: the case cannot close with the provisional arrangement unsettled ----
    at('2026-05-04T10:00:00.000Z');
    await client.refused(
      coordinatorUtrecht,
      casus.path('/close'),
      { result: 'placed' },
      { status: 409, code: 'unsettled-provisional-financing' },
    );
    await casus.run('/settlements', {
      responsibilityId: `${decisionId}:${wonen}`,
      definitive: { lawDomain: 'Wlz', financierCode: 'ZK-UTRECHT' },
      note: 'CIZ-indicatie afgegeven; het zorgkantoor vergoedt vanaf de plaatsing.',
    });
    const settled = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, settled);
    expect(summarise(settled, needs).wonen).toEqual({
      holder: 'Wlz ZK-UTRECHT accepted',
      current: 'Wlz ZK-UTRECHT accepted',
      gap: false,
    });
    expect(needOf(settled, wonen).responsibilities.map((r) => [r.responsibilityId, r.status])).toEqual([
      [wonenProposal.responsibilityId, 'ended'],
      [`${decisionId}:${wonen}`, 'transferred'],
      [`${decisionId}:${wonen}:settled`, 'accepted'],
    ]);

    // ---- Afsluiting ----
    at('2026-05-06T10:00:00.000Z');
    await casus.run('/close', {
      result: 'placed',
      note: 'Geplaatst; financiering verrekend na het CIZ-besluit.',
    });
    const closed = await checkedView(client, casus.last);
    expect((await readModelsAgree(client, casus.last, closed)).status).toBe('closed');
    expect(closed.gaps).toEqual([]);
    await client.refused(
      coordinatorUtrecht,
      casus.path('/offers'),
      { needId: wonen, providerCode: '99000003' },
      { status: 409, code: 'case-closed' },
    );
    expect(await stats(casus.last.position)).toMatchObject({
      cases: { total: 1, byType: { 'moeilijk-plaatsbaar': 1 }, byStatus: { closed: 1 } },
      escalations: {
        total: 1,
        byLevel: { opschaaltafel: 1 },
        byReason: { 'dispute-between-financiers': 1 },
        byOutcome: { open: 0, decided: 1 },
        decidedWithProvisionalFinancing: 1,
      },
      offerRefusals: { total: 1 },
      leadTimes: { registrationToClosure: { cases: 1, medianDays: 65.04 } },
    });

    // ---- The whole story, step by step: who answered for beschermd wonen, and when it was a gap ----
    const all = await steps(client, casus.caseId);
    expect(all).toHaveLength(casus.last.version);
    const story = all
      .map((s) =>
        s.needs.some((n) => n.needId === wonen) ? line(needOf(s, wonen).current) : 'not yet identified',
      )
      .filter((value, i, list) => i === 0 || value !== list[i - 1]);
    expect(story).toEqual([
      'not yet identified',
      null,
      'Wlz ZK-UTRECHT proposed',
      'Wlz ZK-UTRECHT requested',
      'Wlz ZK-UTRECHT rejected',
      'Wlz ZK-UTRECHT disputed',
      'Wmo GM0344 provisional',
      'Wlz ZK-UTRECHT accepted',
    ]);
    const gapSteps = all.filter((s) => gapOf(s, wonen) !== undefined).map((s) => s.after!.type);
    expect(gapSteps[0]).toBe('casus.NeedIdentified.v1');
    expect(gapSteps).not.toContain('casus.BreakthroughDecided.v1');
    expect(all.findIndex((s) => s.after!.type === 'casus.BreakthroughDecided.v1')).toBe(
      all.findIndex((s) => s.needs.length === 3 && gapOf(s, wonen) === undefined),
    );

    // ---- On any date: as it was during the dispute, and after the doorbraakbesluit ----
    expect(summarise(await responsibility(client, casus.caseId, '2026-03-12'), needs).wonen).toEqual({
      holder: null,
      current: 'Wlz ZK-UTRECHT disputed',
      gap: true,
    });
    expect(summarise(await responsibility(client, casus.caseId, '2026-04-01'), needs).wonen).toEqual({
      holder: 'Wmo GM0344 provisional',
      current: 'Wmo GM0344 provisional',
      gap: false,
    });
    expect(summarise(await responsibility(client, casus.caseId, rejectedAt.position), needs)).toEqual(
      summarise(afterRejection, needs),
    );
  });
});
