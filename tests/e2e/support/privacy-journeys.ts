import type { EmbeddedApp } from './embedded-app';
import { CaseJourney, type WegwijzerContext } from './journey/case-journey';
import { type CommandAnswer, type JourneyClient, coordinatorUtrecht, liaisonOf } from './journey/http';
import { type DistinctiveSubject, SUBJECTS } from './personal-data-scan';

/**
 * Four cases at the Utrecht table, driven over HTTP along one calendar from March 2026 to the youth's 18th birthday
 * in April 2028, so that the notification policy produces nearly every kind: a moeilijk plaatsbare adult (requests,
 * a rejection with a referral, an action, escalation, a provisional doorbraakbesluit, offers refused and accepted,
 * a placement, the verrekening), an 18-/18+ youth (transition milestones approaching, a successor left unanswered,
 * the birthday passed by the deadline watcher with gaps), a grensvlak dispute of an elderly client (a request left
 * unanswered until it is missed, two rejections that refer to each other) and a case referred at triage.
 *
 * Every free text names the client, with the birth date and the BSN written the way a careless professional would
 * (the domain refuses a BSN that passes the elfproef as nine digits, so it is written with dots); and one command
 * with a bare BSN is refused. The subjects are registered with POST /subjects.
 */
export interface PrivacyJourneyWorld {
  readonly embedded: EmbeddedApp;
  readonly client: JourneyClient;
  /** Runs the deadline watcher once at the clock's current date, with the read models up to date. */
  tick(): Promise<void>;
}

export interface PrivacyJourneyCases {
  readonly subjectIds: Readonly<Record<keyof typeof SUBJECTS, string>>;
  readonly moeilijkPlaatsbaar: string;
  readonly transition: string;
  readonly grensvlak: string;
  readonly referred: string;
}

/** A free text that names the client as careless professionals do. */
export function naming(subject: DistinctiveSubject, text: string): string {
  const [year, month, day] = subject.birthDate.split('-');
  const bsn = `${subject.bsn.slice(0, 4)}.${subject.bsn.slice(4, 6)}.${subject.bsn.slice(6)}`;
  return `${text} (${subject.name}, geboren ${day}-${month}-${year}, bsn ${bsn})`;
}

async function registerSubjects(client: JourneyClient): Promise<PrivacyJourneyCases['subjectIds']> {
  const ids: Partial<Record<keyof typeof SUBJECTS, string>> = {};
  for (const [key, subject] of Object.entries(SUBJECTS) as [keyof typeof SUBJECTS, DistinctiveSubject][]) {
    const answer = await client.post<{ subjectId: string }>(coordinatorUtrecht, '/subjects', subject);
    if (answer.status !== 201) throw new Error(`POST /subjects answered ${answer.status}: ${answer.text}`);
    ids[key] = answer.body.subjectId;
  }
  return ids as PrivacyJourneyCases['subjectIds'];
}

const ADULT_CONTEXT = { wlzIndication: false, ageOnDate: 64 };
const HOME = { wlzIndication: false, ageOnDate: 81, setting: 'thuis' as const, medicalContext: true };

export async function runPrivacyJourneys(world: PrivacyJourneyWorld): Promise<PrivacyJourneyCases> {
  const { embedded, client, tick } = world;
  const at = (instant: string) => embedded.clock.set(instant);
  const { adult, youth, elderly } = SUBJECTS;

  // ---- Monday 2 March 2026: four registrations; one is referred elsewhere at triage ----
  at('2026-03-02T09:00:00.000Z');
  const subjectIds = await registerSubjects(client);
  const mp = await CaseJourney.register(client, {
    caseType: 'moeilijk-plaatsbaar',
    urgency: 'spoed',
    summary: naming(adult, 'Dakloos na ontslag uit de kliniek; drie aanbieders weigerden eerder'),
    subjectId: subjectIds.adult,
  });
  const tr = await CaseJourney.register(client, {
    caseType: 'transitie-18-min-18-plus',
    urgency: 'normaal',
    summary: naming(youth, 'Jeugd-GGZ en verblijf; de Jeugdwet stopt bij 18 jaar'),
    subjectId: subjectIds.youth,
  });
  const gv = await CaseJourney.register(client, {
    caseType: 'grensvlak',
    summary: naming(elderly, 'Thuiswonend na ziekenhuisopname; wie financiert de verzorging?'),
    subjectId: subjectIds.elderly,
  });
  const referred = await CaseJourney.register(client, {
    caseType: 'overig',
    urgency: 'normaal',
    summary: naming(adult, 'Vraag over vervoer naar de dagbesteding'),
    subjectId: subjectIds.adult,
    aanbrengerCode: 'GGD-UTRECHT',
  });
  await referred.run('/triage', {
    outcome: 'refer-elsewhere',
    reason: naming(adult, 'Past bij het sociaal wijkteam'),
    referredTo: 'Sociaal wijkteam Overvecht',
  });
  for (const casus of [mp, tr, gv]) {
    await casus.triage();
    await casus.putOnAgenda('2026-03-05');
  }
  await tick();

  // ---- Thursday 5 March: the table discusses the three cases and asks the financiers ----
  at('2026-03-05T10:00:00.000Z');
  const [wonen, begeleiding] = await mp.discuss({
    sessionId: 'session-2026-03-05',
    present: ['GM0344', '3311', 'ZK-UTRECHT'],
    needs: ['beschermd-wonen', 'begeleiding'],
    agreements: [naming(adult, 'Zorgkantoor beoordeelt beschermd wonen')],
    actions: [
      {
        description: naming(adult, 'CIZ-aanvraag voorbereiden'),
        ownerOrganisationCode: 'GM0344',
        dueDate: '2026-03-12',
      },
    ],
  });
  const [ggz, verblijf] = await tr.discuss({
    sessionId: 'session-2026-03-05',
    present: ['GM0344', '3311'],
    needs: ['behandeling-ggz', 'verblijf'],
  });
  const [verpleging, verzorging] = await gv.discuss({
    sessionId: 'session-2026-03-05',
    present: ['GM0344', '3311'],
    needs: ['verpleging', 'persoonlijke-verzorging'],
    agreements: [
      {
        text: naming(elderly, 'Verpleegkundig verslag naar de verzekeraar'),
        sharedWithOrganisationCodes: ['3311'],
      },
    ],
  });
  const ask = async (
    casus: CaseJourney,
    needId: string,
    financier: [lawDomain: string, code: string],
    context: WegwijzerContext,
    subject: DistinctiveSubject,
    deviationReason?: string,
  ) => {
    const proposal = await casus.propose(
      needId,
      financier[0],
      financier[1],
      context,
      deviationReason && naming(subject, deviationReason),
    );
    return casus.requestFinancier(needId, proposal.responsibilityId, naming(subject, 'Neemt u dit op?'));
  };
  const wonenRequest = await ask(
    mp,
    wonen,
    ['Wlz', 'ZK-UTRECHT'],
    { ...ADULT_CONTEXT, setting: 'instelling' },
    adult,
    'Verwachting blijvend 24-uurs toezicht',
  );
  const begeleidingRequest = await ask(mp, begeleiding, ['Wmo', 'GM0344'], ADULT_CONTEXT, adult);
  const youthRequests = [
    [ggz, await ask(tr, ggz, ['Jeugdwet', 'GM0344'], { wlzIndication: false, setting: 'thuis' }, youth)],
    [
      verblijf,
      await ask(tr, verblijf, ['Jeugdwet', 'GM0344'], { wlzIndication: false, setting: 'verblijf' }, youth),
    ],
  ] as const;
  await ask(gv, verpleging, ['Zvw', '3311'], HOME, elderly); // never answered: approaching, then missed
  const verzorgingZvw = await ask(gv, verzorging, ['Zvw', '3311'], HOME, elderly);

  // ---- Monday 9 March: the liaisons answer; a bare BSN in an explanation is refused ----
  at('2026-03-09T11:00:00.000Z');
  await mp.acceptAs('GM0344', begeleiding, begeleidingRequest);
  await client.refused(
    liaisonOf('ZK-UTRECHT'),
    mp.path(`/needs/${wonen}/responsibility-requests/${wonenRequest}/reject`),
    { reasonCode: 'criteria-not-met', explanation: `Geen Wlz-indicatie voor bsn ${adult.bsn}.` },
    { status: 422, code: 'possible-personal-data' },
  );
  await mp.rejectAs('ZK-UTRECHT', wonen, wonenRequest, {
    reasonCode: 'criteria-not-met',
    explanation: naming(adult, 'Geen Wlz-indicatie; valt onder de Wmo'),
    referralLawDomain: 'Wmo',
  });
  for (const [needId, requestId] of youthRequests) await tr.acceptAs('GM0344', needId, requestId);
  await gv.rejectAs('3311', verzorging, verzorgingZvw, {
    reasonCode: 'other-law-applies',
    explanation: naming(elderly, 'Geen geneeskundige context: valt onder de Wmo'),
    referralLawDomain: 'Wmo',
  });
  const verzorgingWmo = await ask(
    gv,
    verzorging,
    ['Wmo', 'GM0344'],
    HOME,
    elderly,
    'De zorgverzekeraar weigert; de tafel vraagt de gemeente',
  );

  // ---- 10 March: escalation to the opschaaltafel; deadlines approach ----
  at('2026-03-10T09:00:00.000Z');
  const escalationId = await mp.escalate({
    level: 'opschaaltafel',
    reason: 'dispute-between-financiers',
    question: naming(adult, 'Wie financiert beschermd wonen?'),
    mandateHolder: { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' },
    decisionOwner: { organisationCode: 'GM0344', functionTitle: 'directeur maatschappelijke ontwikkeling' },
    dueDate: '2026-03-20',
    needIds: [wonen],
  });
  await tick();

  // ---- 13 March: the unanswered request and the action are missed ----
  at('2026-03-13T09:00:00.000Z');
  await tick();

  // ---- 16 to 23 March: doorbraakbesluit, the gemeente refers back, offers, placement ----
  at('2026-03-16T14:00:00.000Z');
  const decisionId = await mp.decide(escalationId, {
    summary: naming(adult, 'De gemeente financiert beschermd wonen voorlopig'),
    evaluationDate: '2026-06-01',
    assignments: [
      {
        needId: wonen,
        lawDomain: 'Wmo',
        financierCode: 'GM0344',
        provisional: true,
        settlementAgreement: naming(adult, 'Na een Wlz-indicatie vergoedt het zorgkantoor'),
      },
    ],
  });
  await gv.rejectAs('GM0344', verzorging, verzorgingWmo, {
    reasonCode: 'other-law-applies',
    explanation: naming(elderly, 'Verzorging hoort bij de wijkverpleging'),
    referralLawDomain: 'Zvw',
  });
  at('2026-03-17T09:00:00.000Z');
  const lister = await mp.requestOffer(wonen, '99000002', naming(adult, 'Is er een plek?'));
  const altrecht = await mp.requestOffer(wonen, '99000001', naming(adult, 'Is er een plek?'));
  at('2026-03-18T09:00:00.000Z');
  await mp.run(`/offers/${lister}/refuse`, {
    reasonCode: 'safety-risk',
    explanation: naming(adult, 'Eerdere incidenten in de groep'),
  });
  at('2026-03-19T09:00:00.000Z');
  await mp.run(`/offers/${altrecht}/accept`);
  at('2026-03-23T08:00:00.000Z');
  await mp.startPlacement(altrecht, '2026-03-23');

  // ---- April 2026: the toekomstplan is due; a successor for the GGZ is asked and never answers ----
  at('2026-04-13T09:00:00.000Z');
  await tick();
  at('2026-04-14T10:00:00.000Z');
  const plan = await tr.run<CommandAnswer & { ids: { responsibilityIds: Record<string, string> } }>(
    '/transition-plan',
    {
      routes: [
        {
          route: 'successor',
          needId: ggz,
          lawDomain: 'Zvw',
          financierCode: '3311',
          context: { wlzIndication: false, setting: 'thuis', medicalContext: true },
        },
      ],
    },
  );
  await tr.requestFinancier(
    ggz,
    plan.ids.responsibilityIds[ggz],
    naming(youth, 'Neemt u de GGZ na 18 over?'),
  );

  // ---- May 2026: verrekening with the zorgkantoor ----
  at('2026-05-04T10:00:00.000Z');
  await mp.run('/settlements', {
    responsibilityId: `${decisionId}:${wonen}`,
    definitive: { lawDomain: 'Wlz', financierCode: 'ZK-UTRECHT' },
    note: naming(adult, 'CIZ-indicatie afgegeven'),
  });

  // ---- April 2027 the routes are due; 14 April 2028 the watcher passes the 18th birthday ----
  at('2027-04-12T09:00:00.000Z');
  await tick();
  at('2028-04-14T07:00:00.000Z');
  await tick();

  return {
    subjectIds,
    moeilijkPlaatsbaar: mp.caseId,
    transition: tr.caseId,
    grensvlak: gv.caseId,
    referred: referred.caseId,
  };
}
