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

/**
 * Journey 3, a grensvlak dispute: wijkverpleging (verpleging, Zvw) versus persoonlijke verzorging (Wmo). The
 * zorgverzekeraar holds the verpleging, but for the persoonlijke verzorging both the zorgverzekeraar and the
 * gemeente refuse, each pointing at the other. The opschaaltafel (after advice that decides nothing) assigns it
 * provisionally to the gemeente, and the verrekening later confirms the gemeente. All over real HTTP.
 */
const SHARED_WITH_INSURER = 'De zorgverzekeraar ontvangt het verpleegkundig verslag voor de indicatie.';

describe('journey: a grensvlak dispute, wijkverpleging versus persoonlijke verzorging', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;

  beforeAll(async () => {
    embedded = await startEmbeddedApp({ start: '2026-04-06T08:30:00.000Z' });
    client = new JourneyClient(embedded);
  });
  afterAll(() => embedded.close({ removeData: true }));

  it('escalates the disputed need, decides it provisionally and settles it, with the gap visible until then', async () => {
    const at = (instant: string) => embedded.clock.set(instant);
    const casus = await CaseJourney.register(client, {
      caseType: 'grensvlak',
      urgency: 'hoog',
      summary:
        'Thuiswonende cliënt na ziekenhuisopname: onenigheid of de dagelijkse verzorging wijkverpleging is.',
    });
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-04-09');

    at('2026-04-09T10:00:00.000Z');
    const [verpleging, verzorging] = await casus.discuss({
      sessionId,
      present: ['GM0344', '3311'],
      needs: ['verpleging', 'persoonlijke-verzorging'],
      agreements: [
        'Wijkverpleging start direct; voor de verzorging wordt de financier gevraagd.',
        { text: SHARED_WITH_INSURER, sharedWithOrganisationCodes: ['3311'] },
      ],
    });
    const needs = { verpleging, verzorging };
    expect(summarise(await checkedView(client, casus.last), needs)).toEqual({
      verpleging: { holder: null, current: null, gap: true },
      verzorging: { holder: null, current: null, gap: true },
    });

    // ---- Wijkverpleging: the zorgverzekeraar accepts the verpleging ----
    const home = { wlzIndication: false, ageOnDate: 81, setting: 'thuis' as const, blijvend: false };
    const nursing = await casus.propose(verpleging, 'Zvw', '3311', { ...home, medicalContext: true });
    const nursingRequest = await casus.requestFinancier(
      verpleging,
      nursing.responsibilityId,
      'Neemt u de wijkverpleging op?',
    );
    at('2026-04-13T09:00:00.000Z');
    await casus.acceptAs('3311', verpleging, nursingRequest);

    // ---- Liaisons read the agreement texts shared with their organisation, and only those ----
    const texts = async (org: string) => {
      const path = `/cases/${casus.caseId}?minPosition=${casus.last.position}`;
      const view = await client.read<{ view: string; agreements: { text: string | null }[] }>(
        liaisonOf(org),
        path,
      );
      expect(view.view).toBe('reduced');
      return view.agreements.map((a) => a.text);
    };
    expect(await texts('3311')).toEqual([null, SHARED_WITH_INSURER]);
    expect(await texts('GM0344')).toEqual([null, null]);

    // ---- Persoonlijke verzorging: the zorgverzekeraar refuses and points at the Wmo ----
    const asZvw = await casus.propose(verzorging, 'Zvw', '3311', { ...home, medicalContext: true });
    expect(asZvw.proposal).toMatchObject({ deviation: false, basis: 'wegwijzer-rule' });
    const zvwRequest = await casus.requestFinancier(
      verzorging,
      asZvw.responsibilityId,
      'Valt de persoonlijke verzorging onder de wijkverpleging?',
    );
    at('2026-04-15T09:00:00.000Z');
    await casus.rejectAs('3311', verzorging, zvwRequest, {
      reasonCode: 'other-law-applies',
      explanation: 'Geen geneeskundige context of hoog risico daarop: valt onder de Wmo.',
      referralLawDomain: 'Wmo',
    });
    expect(summarise(await checkedView(client, casus.last), needs)).toEqual({
      verpleging: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      verzorging: { holder: null, current: 'Zvw 3311 rejected', gap: true },
    });

    // ---- ... and the gemeente refuses and points back at the Zvw ----
    const asWmo = await casus.propose(
      verzorging,
      'Wmo',
      'GM0344',
      { ...home, medicalContext: true },
      'De zorgverzekeraar weigert; de tafel vraagt de gemeente.',
    );
    expect(asWmo.proposal).toMatchObject({ deviation: true, basis: 'table-agreement' });
    const wmoRequest = await casus.requestFinancier(
      verzorging,
      asWmo.responsibilityId,
      'Neemt de gemeente de persoonlijke verzorging op?',
    );
    at('2026-04-17T09:00:00.000Z');
    await casus.rejectAs('GM0344', verzorging, wmoRequest, {
      reasonCode: 'other-law-applies',
      explanation: 'Verzorging hangt samen met de verpleging na de opname: wijkverpleging onder de Zvw.',
      referralLawDomain: 'Zvw',
    });
    const bothRejected = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, bothRejected);
    expect(summarise(bothRejected, needs).verzorging).toEqual({
      holder: null,
      current: 'Wmo GM0344 rejected',
      gap: true,
    });
    expect(needOf(bothRejected, verzorging).responsibilities.map(line)).toEqual([
      'Zvw 3311 rejected',
      'Wmo GM0344 rejected',
    ]);
    const gapSince = gapOf(bothRejected, verzorging)!.since;
    expect(gapSince.type).toBe('casus.NeedIdentified.v1');

    // ---- Escalation: both rejected claims become disputed ----
    at('2026-04-20T09:00:00.000Z');
    const escalationId = await casus.escalate({
      level: 'opschaaltafel',
      reason: 'dispute-between-financiers',
      question: 'Valt de dagelijkse persoonlijke verzorging onder de Zvw-wijkverpleging of onder de Wmo?',
      mandateHolder: { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' },
      decisionOwner: { organisationCode: 'GM0344', functionTitle: 'voorzitter opschaaltafel' },
      needIds: [verzorging],
    });
    const escalated = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, escalated);
    expect(needOf(escalated, verzorging).responsibilities.map(line)).toEqual([
      'Zvw 3311 disputed',
      'Wmo GM0344 disputed',
    ]);
    expect(summarise(escalated, needs).verzorging.gap).toBe(true);
    // The verpleging was not in dispute and is untouched.
    expect(summarise(escalated, needs).verpleging.holder).toBe('Zvw 3311 accepted');

    // Advice (an expert team) is recorded, but decides nothing: the gap stays.
    await casus.run(`/escalations/${escalationId}/advice`, {
      advisorCode: 'GGD-UTRECHT',
      advice: 'Advies: Zvw, gezien de samenhang met de verpleging; tot het oordeel gemeente voorlopig.',
    });
    expect(summarise(await checkedView(client, casus.last), needs)).toEqual(summarise(escalated, needs));

    // ---- Doorbraakbesluit: a provisional financier needs a settlement agreement ----
    at('2026-04-24T13:00:00.000Z');
    const assignment = { needId: verzorging, lawDomain: 'Wmo', financierCode: 'GM0344', provisional: true };
    const decisionBody = (settlementAgreement?: string) => ({
      summary: 'De gemeente financiert de persoonlijke verzorging voorlopig; verrekening na het oordeel.',
      evaluationDate: '2026-07-01',
      assignments: [{ ...assignment, ...(settlementAgreement ? { settlementAgreement } : {}) }],
    });
    await client.refused(
      coordinatorUtrecht,
      casus.path(`/escalations/${escalationId}/decision`),
      decisionBody(),
      {
        status: 422,
        code: 'settlement-agreement-required',
      },
    );
    const decisionId = await casus.decide(
      escalationId,
      decisionBody('Oordeelt het Zorginstituut dat de Zvw van toepassing is, dan vergoedt de verzekeraar.'),
    );
    const decided = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, decided);
    expect(summarise(decided, needs)).toEqual({
      verpleging: { holder: 'Zvw 3311 accepted', current: 'Zvw 3311 accepted', gap: false },
      verzorging: { holder: 'Wmo GM0344 provisional', current: 'Wmo GM0344 provisional', gap: false },
    });
    expect(decided.gaps).toEqual([]);
    expect(
      needOf(decided, verzorging).responsibilities.map((r) => [r.responsibilityId, line(r), r.basis]),
    ).toEqual([
      [asZvw.responsibilityId, 'Zvw 3311 ended', 'wegwijzer-rule'],
      [asWmo.responsibilityId, 'Wmo GM0344 ended', 'table-agreement'],
      [`${decisionId}:${verzorging}`, 'Wmo GM0344 provisional', 'opschaaltafel-decision'],
    ]);
    // The escalation is closed by the decision: a second decision on it is refused.
    await client.refused(
      coordinatorUtrecht,
      casus.path(`/escalations/${escalationId}/decision`),
      decisionBody('Nogmaals.'),
      { status: 409, code: 'escalation-not-open' },
    );

    // ---- Verrekening: the gemeente is confirmed as the financier ----
    at('2026-07-02T10:00:00.000Z');
    await casus.run('/settlements', {
      responsibilityId: `${decisionId}:${verzorging}`,
      definitive: { lawDomain: 'Wmo', financierCode: 'GM0344' },
      note: 'Zorginstituut: geen geneeskundige context; de gemeente blijft financier.',
    });
    const settled = await checkedView(client, casus.last);
    await readModelsAgree(client, casus.last, settled);
    expect(summarise(settled, needs).verzorging).toEqual({
      holder: 'Wmo GM0344 accepted',
      current: 'Wmo GM0344 accepted',
      gap: false,
    });
    expect(needOf(settled, verzorging).current!.responsibilityId).toBe(`${decisionId}:${verzorging}`);

    at('2026-07-03T10:00:00.000Z');
    await casus.run('/close', { result: 'responsibility-arranged' });
    expect((await checkedView(client, casus.last)).gaps).toEqual([]);

    // ---- The steps: the gap on persoonlijke verzorging lasted from identification to the decision ----
    const all = await steps(client, casus.caseId);
    const gapTypes = all.filter((s) => gapOf(s, verzorging)).map((s) => s.after!.type);
    expect(gapTypes[0]).toBe('casus.NeedIdentified.v1');
    expect(gapTypes[gapTypes.length - 1]).toBe('casus.AdviceRecorded.v1');
    expect(
      all
        .filter((s) => gapOf(s, verzorging))
        .every((s) => gapOf(s, verzorging)!.since.eventId === gapSince.eventId),
    ).toBe(true);
    expect(summarise(await responsibility(client, casus.caseId, '2026-04-21'), needs).verzorging).toEqual({
      holder: null,
      current: 'Wmo GM0344 disputed',
      gap: true,
    });
  });
});
