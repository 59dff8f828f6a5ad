import {
  at,
  CaseJourney,
  coordinatorOf,
  day,
  EventLog,
  type JourneyStep,
  type JourneyWords,
  liaisonOf,
  PLAIN_WORDS,
} from './case-journey';
import { ADULT_MEDICAL, ORG, YOUTH } from './organisations';

/** The transition journey's clock: Monday 17 November 2025; the client turns 18 on Sunday 17 May 2026. */
export const TRANSITION_START = '2025-11-17T08:00:00Z';
export const BIRTHDAY_18 = '2026-05-17';

/**
 * A grensvlak case through everything the table can do: parties, two sessions, agreements and actions, needs
 * identified, changed and ended, a proposal that deviates from the wegwijzer, requests accepted, rejected (with a
 * referral) and open, an escalation that is advised on and withdrawn, a second one that ends in a provisional
 * doorbraakbesluit, verrekening, offers refused and accepted, a placement, a Wmo aanvraag, every deadline change,
 * the deadline watcher's events, closing and reopening.
 */
export function grensvlakJourney(log: EventLog, words: JourneyWords): CaseJourney {
  const j = new CaseJourney('case-grensvlak', log, words);
  j.register(at(0));
  j.acceptAtTriage(at(0, 1));
  j.addParty(ORG.zorgkantoorUtrecht, 'financier', at(0, 2));
  j.putOnAgenda('session-1', day(3), at(1));
  j.discuss('session-1', at(3), {
    present: [ORG.utrecht.organisationId, ORG.zilverenKruis.organisationId],
    needs: [
      { needId: 'need-vp', category: 'verpleging' },
      { needId: 'need-pv', category: 'persoonlijke-verzorging' },
      { needId: 'need-vb', category: 'verblijf' },
      { needId: 'need-hh', category: 'huishoudelijke-hulp' },
      { needId: 'need-dg', category: 'dagbesteding' },
    ],
    agreementIds: ['agr-1'],
    actions: [
      { actionId: 'act-1', owner: ORG.utrecht, dueDate: day(10) },
      { actionId: 'act-2', owner: ORG.zilverenKruis, dueDate: day(12) },
    ],
  });
  j.completeAction('act-1', at(4));
  j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(4, 1));
  j.ask('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(4, 2), ADULT_MEDICAL);
  j.ask('need-vb', 'resp-vb', 'Wlz', ORG.zorgkantoorUtrecht, at(4, 3));
  j.rejectBy(ORG.zilverenKruis, 'resp-pv', at(5), { referralLawDomain: 'Wlz' });
  j.acceptBy(ORG.zilverenKruis, 'resp-vp', at(5, 1));
  j.suspendDeadline('liaison-answer:req-resp-vb', at(5, 2));
  j.endResponsibility('resp-vp', at(6));
  j.resumeDeadline('liaison-answer:req-resp-vb', at(6, 2));
  j.extendDeadline('liaison-answer:req-resp-vb', day(35), at(8, 1));
  j.putOnAgenda('session-2', day(7), at(6, 1));
  j.discuss('session-2', at(7), {
    changed: [{ needId: 'need-dg', category: 'begeleiding' }],
    ended: ['need-vp'],
  });
  j.escalate('esc-1', at(7, 1), { needIds: ['need-pv'], mandateHolder: ORG.zorgkantoorUtrecht });
  j.recordAdvice('esc-1', 'adv-1', ORG.wijkteam, at(8));
  j.deescalate('esc-1', at(9));
  j.escalate('esc-2', at(10), { needIds: ['need-pv'], dueDate: day(20) });
  j.decideBreakthrough(
    'esc-2',
    'dec-1',
    [
      {
        needId: 'need-pv',
        lawDomain: 'Wmo',
        financier: ORG.utrecht,
        provisional: true,
        deliveredBy: ORG.lvbKliniek,
      },
      { needId: 'need-hh', lawDomain: 'Wmo', financier: ORG.houten, provisional: false },
    ],
    at(12),
  );
  j.settle('dec-1:need-pv', 'Wlz', ORG.zorgkantoorUtrecht, at(14));
  j.requestOffer('off-1', 'need-pv', ORG.lvbKliniek, at(15));
  j.refuseOffer(ORG.lvbKliniek, 'off-1', at(16));
  j.requestOffer('off-2', 'need-pv', ORG.beschermdWonen, at(16, 1));
  j.acceptOffer(ORG.beschermdWonen, 'off-2', at(17));
  j.startPlacement('pl-1', 'off-2', day(20), at(18));
  j.recordStatutoryApplication('app-1', 'wmo-aanvraag', ORG.utrecht, at(19), 'need-hh');
  j.recordStatutoryDecision('app-1', at(21));
  j.closeDeadline('action-due:act-2', at(24));
  j.watchDeadlines(at(30), 7);
  j.watchDeadlines(at(36), 7);
  j.endPlacement('pl-1', day(40), at(40));
  j.close(at(41));
  j.reopen(at(42));
  return j;
}

/** A case that triage refers elsewhere. */
export function referredJourney(log: EventLog, words: JourneyWords): CaseJourney {
  const j = new CaseJourney('case-referred', log, words);
  j.register(at(0));
  j.referAtTriage(at(1));
  return j;
}

/**
 * An 18-/18+ case: three Jeugdwet needs held by the gemeente, the plan and route milestones from the watcher, a
 * toekomstplan (a Wmo successor, verlengde jeugdhulp, an ending), the successor asked but not yet answered, and the
 * birthday, which leaves a gap.
 */
export function transitionJourney(log: EventLog, words: JourneyWords): CaseJourney {
  const t = (days: number, hours = 0) => at(days, hours, TRANSITION_START);
  const j = new CaseJourney('case-transition', log, words);
  j.register(t(0), { caseType: 'transitie-18-min-18-plus', birthday18: BIRTHDAY_18 });
  j.acceptAtTriage(t(0, 1));
  j.putOnAgenda('session-1', day(3, TRANSITION_START), t(1));
  j.discuss('session-1', t(3), {
    needs: [
      { needId: 'need-beg', category: 'begeleiding' },
      { needId: 'need-ggz', category: 'behandeling-ggz' },
      { needId: 'need-pv', category: 'persoonlijke-verzorging' },
    ],
  });
  for (const [needId, hours] of [
    ['need-beg', 1],
    ['need-ggz', 2],
    ['need-pv', 3],
  ] as const) {
    j.ask(needId, `r-${needId}-jw`, 'Jeugdwet', ORG.utrecht, t(4, hours), YOUTH);
    j.acceptBy(ORG.utrecht, `r-${needId}-jw`, t(5, hours));
  }
  j.watch('casus.DeadlineApproaching.v1', `transition-plan-started:${BIRTHDAY_18}`, t(6));
  j.watch('casus.DeadlineApproaching.v1', `transition-route-decided:${BIRTHDAY_18}`, t(6, 1));
  j.watch('casus.DeadlineMissed.v1', `transition-wmo-melding:${BIRTHDAY_18}`, t(100));
  j.recordTransitionPlan(
    [
      {
        route: 'successor',
        needId: 'need-beg',
        responsibilityId: 'r-beg-wmo',
        lawDomain: 'Wmo',
        financier: ORG.utrecht,
        context: YOUTH,
      },
      {
        route: 'verlengde-jeugdhulp',
        needId: 'need-ggz',
        condition: 'ii',
        otherLawsExplanation: words.text('other laws explanation'),
      },
      { route: 'ending', needId: 'need-pv', explanation: words.text('ending explanation') },
    ],
    t(101),
  );
  j.requestFinancier('r-beg-wmo', 'req-beg-wmo', t(170));
  j.passEighteenthBirthday('2026-05-18T08:00:00Z');
  return j;
}

/**
 * A financier that does not answer: the watcher warns it, notes the miss and, as the table configures, escalates
 * to the opschaaltafel; the financier's liaison and the coordinator acknowledge what they were sent.
 */
export function missedAnswerJourney(log: EventLog, words: JourneyWords): CaseJourney {
  const j = new CaseJourney('case-missed-answer', log, words);
  j.atTheTable(at(0), [{ needId: 'need-vp', category: 'verpleging' }]);
  j.ask('need-vp', 'resp-vp', 'Zvw', ORG.vgz, at(1), ADULT_MEDICAL);
  const auto = { mandateHolder: ORG.utrecht, decisionOwner: ORG.zorgkantoorUtrecht };
  j.watchDeadlines(at(6), 2, auto);
  const missed = j.watchDeadlines(at(9), 2, auto);
  const [toFinancier] = j.notifications(missed).filter((n) => n.recipientOrganisationId === ORG.vgz.code);
  const [toCoordinator] = j
    .notifications(missed)
    .filter((n) => n.recipientOrganisationId === ORG.utrecht.code && n.kind === 'deadline-missed');
  j.acknowledge(liaisonOf(ORG.vgz), toFinancier, at(9, 2));
  j.acknowledge(coordinatorOf(ORG.utrecht), toCoordinator, at(9, 3));
  return j;
}

/** A case whose rejection was stored in version 1, with its free-text reason. */
export function legacyJourney(log: EventLog, words: JourneyWords, extraText = ''): CaseJourney {
  const j = new CaseJourney('case-legacy', log, words);
  j.atTheTable(at(0), [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }]);
  j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1));
  j.append(
    'casus.ResponsibilityRejected.v1',
    {
      caseId: j.caseId,
      needId: 'need-pv',
      responsibilityId: 'resp-pv',
      requestId: 'req-resp-pv',
      financierOrganisationId: ORG.zilverenKruis.organisationId,
      reason: `${words.text('legacy reason')}${extraText}`,
      occurredAt: at(2),
    },
    at(2),
  );
  return j;
}

export interface Catalogue {
  readonly log: EventLog;
  readonly journeys: readonly CaseJourney[];
  readonly steps: readonly JourneyStep[];
}

/** Every journey above on one log: every current case event type, a legacy version and the watcher's events. */
export function catalogue(words: JourneyWords = PLAIN_WORDS, legacyExtraText = ''): Catalogue {
  const log = new EventLog();
  const journeys = [
    grensvlakJourney(log, words),
    referredJourney(log, words),
    transitionJourney(log, words),
    legacyJourney(log, words, legacyExtraText),
    missedAnswerJourney(log, words),
  ];
  return { log, journeys, steps: journeys.flatMap((j) => j.steps) };
}
