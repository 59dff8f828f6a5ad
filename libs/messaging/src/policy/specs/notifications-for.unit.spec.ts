import { initialState } from '@casusregie/domain';
import { UnmappableEventError } from '../envelope';
import { type Notification, NOTIFICATION_KINDS, notificationIdOf } from '../notification';
import { notificationsFor } from '../notifications-for';
import { at, CaseJourney, day, EventLog, type JourneyStep } from '../test-support/case-journey';
import { BIRTHDAY_18, catalogue, TRANSITION_START } from '../test-support/catalogue';
import { ADULT_MEDICAL, ORG, YOUTH } from '../test-support/organisations';

/** What a test compares: kind, recipient, what is asked and by when. */
function seen(notifications: readonly Notification[]) {
  return notifications.map((n) => ({
    kind: n.kind,
    to: n.recipientOrganisationId,
    asked: n.asked,
    ...(n.dueDate ? { due: n.dueDate } : {}),
  }));
}

/** A journey whose history (the given) is built by `build`. */
function given(build: (j: CaseJourney) => void, caseId = 'case-1', log = new EventLog()): CaseJourney {
  const j = new CaseJourney(caseId, log);
  build(j);
  return j;
}

const NEEDS = [
  { needId: 'need-pv', category: 'persoonlijke-verzorging' },
  { needId: 'need-vp', category: 'verpleging' },
  { needId: 'need-vb', category: 'verblijf' },
] as const;

/** Registered by the wijkteam, regie at Utrecht, at the table with three needs. */
function atTheTable(j: CaseJourney): void {
  j.atTheTable(at(0), NEEDS);
}

describe('notificationsFor: a responsibility request', () => {
  it('asks the requested financier, and only that financier, to answer by the due date', () => {
    const j = given((j) => {
      atTheTable(j);
      j.propose('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1), ADULT_MEDICAL);
    });
    const then = j.notifications(j.requestFinancier('resp-vp', 'req-vp', at(1, 1)));
    const due = j.state.deadlines['liaison-answer:req-vp'].originalDueAt;
    expect(seen(then)).toEqual([
      { kind: 'responsibility-requested', to: '3311', asked: 'answer-responsibility-request', due },
    ]);
    expect(due).toBe(day(8)); // five working days after Tuesday 3 March 2026
  });

  it('is a thin notification with a deterministic id, a link to the case and the event it follows from', () => {
    const j = given((j) => {
      atTheTable(j);
      j.propose('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1), ADULT_MEDICAL);
    });
    const [step] = j.requestFinancier('resp-vp', 'req-vp', at(1, 1));
    const [notification] = j.notifications([step]);
    expect(notification).toEqual({
      notificationId: notificationIdOf(step.envelope.eventId, '3311', 'responsibility-requested'),
      kind: 'responsibility-requested',
      caseId: 'case-1',
      recipientOrganisationId: '3311',
      asked: 'answer-responsibility-request',
      dueDate: day(8),
      link: '/cases/case-1',
      eventId: step.envelope.eventId,
      correlationId: step.envelope.metadata.correlationId,
    });
    expect(notification.notificationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('gives the same notifications, with the same ids, when the same event is delivered again', () => {
    const j = given(atTheTable);
    const [, request] = j.ask('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1), ADULT_MEDICAL);
    const first = notificationsFor(request.envelope, request.before, request.after);
    const again = notificationsFor(structuredClone(request.envelope), request.before, request.after);
    expect(again).toEqual(first);
  });

  it('never makes a liaison of one organisation a recipient of another organisation’s request', () => {
    // Two insurers and a zorgkantoor are asked in one case, and a second case asks the same organisations.
    const log = new EventLog();
    const cases = ['case-1', 'case-2'].map((caseId) =>
      given(
        (j) => {
          atTheTable(j);
          j.ask('need-pv', 'resp-pv', 'Zvw', ORG.vgz, at(1));
          j.ask('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1, 1), ADULT_MEDICAL);
          j.ask('need-vb', 'resp-vb', 'Wlz', ORG.zorgkantoorUtrecht, at(1, 2));
          j.watch('casus.DeadlineApproaching.v1', 'liaison-answer:req-resp-pv', at(5));
          j.watch('casus.DeadlineMissed.v1', 'liaison-answer:req-resp-vp', at(9));
        },
        caseId,
        log,
      ),
    );
    let answersAsked = 0;
    for (const j of cases) {
      for (const step of j.steps) {
        const requested = step.envelope.data as { financierOrganisationId?: string; deadlineId?: string };
        for (const n of notificationsFor(step.envelope, step.before, step.after)) {
          if (n.asked !== 'answer-responsibility-request') continue;
          answersAsked++;
          const financier =
            requested.financierOrganisationId ??
            step.before.responsibilities.find(
              (r) => `liaison-answer:${r.openRequestId}` === requested.deadlineId,
            )?.financierOrganisationId;
          expect({ event: step.envelope.type, to: n.recipientOrganisationId }).toEqual({
            event: step.envelope.type,
            to: financier,
          });
        }
      }
    }
    expect(answersAsked).toBe(2 * (3 + 2));
  });
});

describe('notificationsFor: a rejection or referral that concerns another organisation', () => {
  it('asks the coordinators to propose another financier after a rejection', () => {
    const j = given((j) => {
      atTheTable(j);
      j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1));
    });
    const then = j.notifications(j.rejectBy(ORG.zilverenKruis, 'resp-pv', at(2)));
    expect(seen(then)).toEqual([
      { kind: 'responsibility-rejected', to: 'GM0344', asked: 'propose-another-financier' },
    ]);
  });

  it('tells the case’s financier of the law the rejecting financier points at, and no other financier', () => {
    const j = given((j) => {
      atTheTable(j);
      j.addParty(ORG.zorgkantoorUtrecht, 'financier', at(0, 3));
      j.ask('need-vp', 'resp-vp', 'Zvw', ORG.vgz, at(1), ADULT_MEDICAL);
      j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1, 1));
    });
    const then = j.notifications(
      j.rejectBy(ORG.zilverenKruis, 'resp-pv', at(2), { referralLawDomain: 'Wlz' }),
    );
    expect(seen(then)).toEqual([
      { kind: 'responsibility-rejected', to: 'GM0344', asked: 'propose-another-financier' },
      { kind: 'responsibility-referred', to: 'ZK-UTRECHT', asked: 'consider-referral' },
    ]);
  });

  it('reads a rejection stored in version 1 (free-text reason) as the current version', () => {
    const j = given((j) => {
      atTheTable(j);
      j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1));
    });
    const legacy = j.append(
      'casus.ResponsibilityRejected.v1',
      {
        caseId: 'case-1',
        needId: 'need-pv',
        responsibilityId: 'resp-pv',
        requestId: 'req-resp-pv',
        financierOrganisationId: '3311',
        reason: 'Valt onder de Wmo.',
        occurredAt: at(2),
      },
      at(2),
    );
    expect(seen(j.notifications([legacy]))).toEqual([
      { kind: 'responsibility-rejected', to: 'GM0344', asked: 'propose-another-financier' },
    ]);
    expect(legacy.after.responsibilities.find((r) => r.responsibilityId === 'resp-pv')?.status).toBe(
      'rejected',
    );
  });

  it('tells the organisation that brought the case in when triage refers it elsewhere', () => {
    const j = given((j) => j.register(at(0)));
    expect(seen(j.notifications(j.referAtTriage(at(1))))).toEqual([
      { kind: 'case-referred-at-triage', to: 'WT-WEST', asked: 'take-note' },
    ]);
  });

  it('tells nobody when the coordinators referred a case they brought in themselves', () => {
    const j = given((j) => j.register(at(0), { aanbrenger: ORG.utrecht }));
    expect(j.notifications(j.referAtTriage(at(1)))).toEqual([]);
  });
});

describe('notificationsFor: an escalation', () => {
  function disputed(j: CaseJourney): void {
    atTheTable(j);
    j.addParty(ORG.beschermdWonen, 'adviseur', at(0, 3));
    j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1));
    j.ask('need-pv', 'resp-pv-wmo', 'Wmo', ORG.houten, at(1, 1));
    j.rejectBy(ORG.zilverenKruis, 'resp-pv', at(2));
  }

  it('asks the decision owner to decide by the due date, and calls the parties of the case to the table', () => {
    const j = given(disputed);
    const [step] = j.escalate('esc-1', at(3), {
      needIds: ['need-pv'],
      decisionOwner: ORG.utrecht,
      mandateHolder: ORG.zorgkantoorUtrecht,
    });
    const due = (step.envelope.data as { decisionDueOn: string }).decisionDueOn;
    const then = seen(j.notifications([step]));
    expect(then[0]).toEqual({
      kind: 'escalation-decision-requested',
      to: 'GM0344',
      asked: 'decide-escalation',
      due,
    });
    // The aanbrenger, both financiers asked for the need, the adviser and the mandate holder.
    expect(then.slice(1).sort((a, b) => a.to.localeCompare(b.to))).toEqual(
      ['3311', '75750001', 'GM0321', 'WT-WEST', 'ZK-UTRECHT'].map((to) => ({
        kind: 'case-escalated',
        to,
        asked: 'take-part-in-escalation',
        due,
      })),
    );
  });

  it('gives the agreed due date when it comes before the service level', () => {
    const j = given(disputed);
    const then = j.notifications(j.escalate('esc-1', at(3), { needIds: ['need-pv'], dueDate: day(5) }));
    expect(new Set(then.map((n) => n.dueDate))).toEqual(new Set([day(5)]));
  });

  it('tells the decision owner that no decision is needed after a de-escalation', () => {
    const j = given((j) => {
      disputed(j);
      j.escalate('esc-1', at(3), { needIds: ['need-pv'], decisionOwner: ORG.houten });
    });
    expect(seen(j.notifications(j.deescalate('esc-1', at(4))))).toEqual([
      { kind: 'escalation-withdrawn', to: 'GM0321', asked: 'take-note' },
    ]);
  });
});

describe('notificationsFor: a doorbraakbesluit and its verrekening', () => {
  function escalated(j: CaseJourney): void {
    atTheTable(j);
    j.ask('need-pv', 'resp-pv', 'Zvw', ORG.zilverenKruis, at(1));
    j.ask('need-vb', 'resp-vb', 'Wlz', ORG.zorgkantoorUtrecht, at(1, 1));
    j.rejectBy(ORG.zilverenKruis, 'resp-pv', at(2));
    j.escalate('esc-1', at(3), { needIds: ['need-pv', 'need-vb'] });
  }

  it('assigns the provisional financing, the definitive responsibility and the delivery to their organisations', () => {
    const j = given(escalated);
    const then = j.notifications(
      j.decideBreakthrough(
        'esc-1',
        'dec-1',
        [
          {
            needId: 'need-pv',
            lawDomain: 'Wmo',
            financier: ORG.houten,
            provisional: true,
            deliveredBy: ORG.lvbKliniek,
          },
          { needId: 'need-vb', lawDomain: 'Wmo', financier: ORG.utrecht, provisional: false },
        ],
        at(5),
      ),
    );
    expect(seen(then)).toEqual([
      { kind: 'provisional-financing-assigned', to: 'GM0321', asked: 'finance-provisionally' },
      { kind: 'delivery-assigned', to: '06010101', asked: 'deliver-care' },
      { kind: 'responsibility-assigned', to: 'GM0344', asked: 'hold-responsibility' },
      { kind: 'responsibility-superseded', to: '3311', asked: 'take-note' },
      { kind: 'responsibility-superseded', to: 'ZK-UTRECHT', asked: 'take-note' },
      { kind: 'breakthrough-decided', to: 'GM0344', asked: 'evaluate-decision', due: day(95) },
    ]);
  });

  it('hands the need to the definitive financier and asks the provisional one to settle its costs', () => {
    const j = given((j) => {
      escalated(j);
      j.decideBreakthrough(
        'esc-1',
        'dec-1',
        [{ needId: 'need-pv', lawDomain: 'Wmo', financier: ORG.houten, provisional: true }],
        at(5),
      );
    });
    expect(seen(j.notifications(j.settle('dec-1:need-pv', 'Wlz', ORG.zorgkantoorUtrecht, at(6))))).toEqual([
      { kind: 'settlement-decided', to: 'ZK-UTRECHT', asked: 'take-over-responsibility' },
      { kind: 'settlement-decided', to: 'GM0321', asked: 'settle-provisional-costs' },
    ]);
  });

  it('confirms the provisional financier when it turns out to be the definitive one', () => {
    const j = given((j) => {
      escalated(j);
      j.decideBreakthrough(
        'esc-1',
        'dec-1',
        [{ needId: 'need-pv', lawDomain: 'Wmo', financier: ORG.houten, provisional: true }],
        at(5),
      );
    });
    expect(seen(j.notifications(j.settle('dec-1:need-pv', 'Wmo', ORG.houten, at(6))))).toEqual([
      { kind: 'settlement-decided', to: 'GM0321', asked: 'hold-responsibility' },
    ]);
  });
});

describe('notificationsFor: offers, actions and statutory applications', () => {
  function held(j: CaseJourney): void {
    atTheTable(j);
    j.ask('need-vb', 'resp-vb', 'Wlz', ORG.zorgkantoorUtrecht, at(1));
    j.acceptBy(ORG.zorgkantoorUtrecht, 'resp-vb', at(2));
  }

  it('asks the provider, and only the provider, for an offer', () => {
    const j = given(held);
    expect(seen(j.notifications(j.requestOffer('off-1', 'need-vb', ORG.lvbKliniek, at(3))))).toEqual([
      { kind: 'offer-requested', to: '06010101', asked: 'answer-offer-request' },
    ]);
  });

  it('tells the coordinators when an offer is refused, and when one is accepted', () => {
    const j = given((j) => {
      held(j);
      j.requestOffer('off-1', 'need-vb', ORG.lvbKliniek, at(3));
      j.requestOffer('off-2', 'need-vb', ORG.beschermdWonen, at(3, 1));
    });
    expect(seen(j.notifications(j.refuseOffer(ORG.lvbKliniek, 'off-1', at(4))))).toEqual([
      { kind: 'offer-refused', to: 'GM0344', asked: 'request-another-offer' },
    ]);
    expect(seen(j.notifications(j.acceptOffer(ORG.beschermdWonen, 'off-2', at(5))))).toEqual([
      { kind: 'offer-accepted', to: 'GM0344', asked: 'start-placement' },
    ]);
  });

  it('asks the owner of an action agreed at the table to complete it by its due date', () => {
    const j = given((j) => {
      j.register(at(0));
      j.acceptAtTriage(at(0, 1));
      j.putOnAgenda('session-1', day(2), at(1));
    });
    const then = j.notifications(
      j.discuss('session-1', at(2), {
        actions: [{ actionId: 'act-1', owner: ORG.zilverenKruis, dueDate: day(9) }],
      }),
    );
    expect(seen(then)).toEqual([
      { kind: 'action-assigned', to: '3311', asked: 'complete-action', due: day(9) },
    ]);
  });

  it('asks the deciding organisation to decide a statutory application within its statutory term', () => {
    const j = given(held);
    const [step] = j.recordStatutoryApplication('app-1', 'ciz-aanvraag', ORG.ciz, at(3), 'need-vb');
    const due = (step.envelope.data as { decisionDueOn: string }).decisionDueOn;
    expect(seen(j.notifications([step]))).toEqual([
      { kind: 'statutory-application-submitted', to: 'CIZ', asked: 'decide-ciz-application', due },
    ]);
  });
});

describe('notificationsFor: the deadline watcher’s events', () => {
  function requested(j: CaseJourney): void {
    atTheTable(j);
    j.ask('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1), ADULT_MEDICAL);
  }

  it('warns whoever must act when a deadline approaches', () => {
    const j = given(requested);
    const then = j.notifications([
      j.watch('casus.DeadlineApproaching.v1', 'liaison-answer:req-resp-vp', at(6)),
    ]);
    expect(seen(then)).toEqual([
      { kind: 'deadline-approaching', to: '3311', asked: 'answer-responsibility-request', due: day(8) },
    ]);
  });

  it('tells both sides when a deadline is missed: whoever had to act, and the coordinators to follow up', () => {
    const j = given(requested);
    const then = j.notifications([j.watch('casus.DeadlineMissed.v1', 'liaison-answer:req-resp-vp', at(9))]);
    expect(seen(then)).toEqual([
      { kind: 'deadline-missed', to: '3311', asked: 'answer-responsibility-request', due: day(8) },
      { kind: 'deadline-missed', to: 'GM0344', asked: 'follow-up-missed-deadline', due: day(8) },
    ]);
  });

  it('sends the coordinators one notification when they were the ones who had to act', () => {
    const j = given((j) => j.register(at(0)));
    const then = j.notifications([
      j.watch('casus.DeadlineMissed.v1', 'discussion-after-registration:case-1', at(20)),
    ]);
    expect(seen(then)).toEqual([
      {
        kind: 'deadline-missed',
        to: 'GM0344',
        asked: 'discuss-case',
        due: j.state.deadlines['discussion-after-registration:case-1'].originalDueAt,
      },
    ]);
  });

  it('says nothing about a deadline the case had already closed (the answer came first)', () => {
    const j = given((j) => {
      requested(j);
      j.acceptBy(ORG.zilverenKruis, 'resp-vp', at(2));
    });
    expect(
      j.notifications([j.watch('casus.DeadlineMissed.v1', 'liaison-answer:req-resp-vp', at(9))]),
    ).toEqual([]);
  });

  it('asks to meet a deadline of a kind it does not know yet, by its due date', () => {
    const j = given(requested);
    const step = j.append(
      'casus.DeadlineApproaching.v1',
      {
        caseId: 'case-1',
        deadlineId: 'new-kind:x',
        kind: 'new-kind',
        dueOn: day(30),
        responsibleOrganisationIds: ['3311'],
      },
      at(20),
    );
    expect(seen(j.notifications([step]))).toEqual([
      { kind: 'deadline-approaching', to: '3311', asked: 'meet-deadline', due: day(30) },
    ]);
  });
});

describe('notificationsFor: WatchDeadlines, with automatic escalation where the table configures it', () => {
  const AUTO = { mandateHolder: ORG.utrecht, decisionOwner: ORG.zorgkantoorUtrecht };

  function requested(j: CaseJourney): void {
    atTheTable(j);
    j.ask('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(1), ADULT_MEDICAL);
  }

  it('warns the financier once when its answer approaches', () => {
    const j = given(requested);
    expect(seen(j.notifications(j.watchDeadlines(at(6), 2, AUTO)))).toEqual([
      { kind: 'deadline-approaching', to: '3311', asked: 'answer-responsibility-request', due: day(8) },
    ]);
    expect(j.watchDeadlines(at(7), 2, AUTO)).toEqual([]);
  });

  it('shows a missed answer to both sides and escalates to the opschaaltafel of the table', () => {
    const j = given(requested);
    const missed = j.watchDeadlines(at(9), 2, AUTO);
    expect(missed.map((s) => s.envelope.type)).toEqual(['casus.DeadlineMissed.v1', 'casus.CaseEscalated.v1']);
    const decisionDue = (missed[1].envelope.data as { decisionDueOn: string }).decisionDueOn;
    expect(seen(j.notifications(missed))).toEqual([
      { kind: 'deadline-missed', to: '3311', asked: 'answer-responsibility-request', due: day(8) },
      { kind: 'deadline-missed', to: 'GM0344', asked: 'follow-up-missed-deadline', due: day(8) },
      {
        kind: 'escalation-decision-requested',
        to: 'ZK-UTRECHT',
        asked: 'decide-escalation',
        due: decisionDue,
      },
      { kind: 'case-escalated', to: '3311', asked: 'take-part-in-escalation', due: decisionDue },
      { kind: 'case-escalated', to: 'WT-WEST', asked: 'take-part-in-escalation', due: decisionDue },
      { kind: 'case-escalated', to: 'GM0344', asked: 'take-part-in-escalation', due: decisionDue },
    ]);
  });

  it('does not escalate where the table does not configure it', () => {
    const j = given(requested);
    expect(j.watchDeadlines(at(9), 2).map((s) => s.envelope.type)).toEqual(['casus.DeadlineMissed.v1']);
  });

  it('sends nothing for an acknowledgement', () => {
    const j = given(requested);
    const [toFinancier] = j.notifications(j.watchDeadlines(at(9), 2));
    const acknowledged = j.acknowledge({ org: ORG.zilverenKruis, role: 'liaison' }, toFinancier, at(9, 1));
    expect(acknowledged.map((s) => s.envelope.type)).toEqual(['casus.NotificationAcknowledged.v1']);
    expect(j.notifications(acknowledged)).toEqual([]);
    expect(j.acknowledge({ org: ORG.zilverenKruis, role: 'liaison' }, toFinancier, at(9, 2))).toEqual([]);
  });
});

describe('notificationsFor: 18-/18+ milestones', () => {
  const t = (days: number, hours = 0) => at(days, hours, TRANSITION_START);

  function transition(j: CaseJourney): void {
    j.register(t(0), { caseType: 'transitie-18-min-18-plus', birthday18: BIRTHDAY_18 });
    j.acceptAtTriage(t(0, 1));
    j.putOnAgenda('session-1', day(3, TRANSITION_START), t(1));
    j.discuss('session-1', t(3), {
      needs: [
        { needId: 'need-beg', category: 'begeleiding' },
        { needId: 'need-ggz', category: 'behandeling-ggz' },
      ],
    });
    j.ask('need-beg', 'r-beg-jw', 'Jeugdwet', ORG.utrecht, t(4), YOUTH);
    j.acceptBy(ORG.utrecht, 'r-beg-jw', t(5));
    j.ask('need-ggz', 'r-ggz-jw', 'Jeugdwet', ORG.utrecht, t(4, 1), YOUTH);
    j.acceptBy(ORG.utrecht, 'r-ggz-jw', t(5, 1));
  }

  it('tells the regiehouder that the toekomstplan is due, and that the route after 18 is due', () => {
    const j = given(transition);
    const plan = j.watch('casus.DeadlineApproaching.v1', `transition-plan-started:${BIRTHDAY_18}`, t(6));
    const route = j.watch('casus.DeadlineApproaching.v1', `transition-route-decided:${BIRTHDAY_18}`, t(6));
    expect(seen(j.notifications([plan, route]))).toEqual([
      { kind: 'transition-plan-due', to: 'GM0344', asked: 'start-transition-plan', due: '2024-05-17' },
      { kind: 'transition-route-due', to: 'GM0344', asked: 'decide-transition-routes', due: '2025-05-17' },
    ]);
  });

  it('reports a gap at the birthday to the regiehouder, and asks the successor that has not answered', () => {
    const j = given((j) => {
      transition(j);
      j.addParty(ORG.houten, 'financier', t(6));
      j.recordTransitionPlan(
        [
          {
            route: 'successor',
            needId: 'need-beg',
            responsibilityId: 'r-beg-wmo',
            lawDomain: 'Wmo',
            financier: ORG.houten,
            context: YOUTH,
          },
        ],
        t(100),
      );
      j.requestFinancier('r-beg-wmo', 'req-beg-wmo', t(176));
    });
    const then = j.notifications(j.passEighteenthBirthday('2026-05-18T08:00:00Z'));
    expect(seen(then)).toEqual([
      { kind: 'transition-birthday-gap', to: 'GM0344', asked: 'close-gap' },
      {
        kind: 'transition-successor-answer-due',
        to: 'GM0321',
        asked: 'answer-responsibility-request',
        due: j.state.deadlines['liaison-answer:req-beg-wmo'].originalDueAt,
      },
    ]);
  });

  it('says nothing at a birthday that leaves no gap', () => {
    const j = given((j) => {
      transition(j);
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
            condition: 'i',
            otherLawsExplanation: 'Geen andere wet.',
          },
        ],
        t(100),
      );
      j.requestFinancier('r-beg-wmo', 'req-beg-wmo', t(101));
      j.acceptBy(ORG.utrecht, 'r-beg-wmo', t(102));
    });
    const [birthday] = j.passEighteenthBirthday('2026-05-18T08:00:00Z');
    expect((birthday.envelope.data as { newGapNeedIds: string[] }).newGapNeedIds).toEqual([]);
    expect(j.notifications([birthday])).toEqual([]);
  });
});

describe('notificationsFor: events that concern no one else', () => {
  it('gives no notification for registration, triage, agenda, discussion without actions, proposals and answers', () => {
    const j = new CaseJourney('case-1');
    const quiet: JourneyStep[] = [
      ...j.register(at(0)),
      ...j.acceptAtTriage(at(0, 1)),
      ...j.putOnAgenda('session-1', day(1), at(0, 2)),
      ...j.discuss('session-1', at(1), { needs: [...NEEDS], agreementIds: ['agr-1'] }),
      ...j.propose('need-vp', 'resp-vp', 'Zvw', ORG.zilverenKruis, at(2), ADULT_MEDICAL),
    ];
    j.requestFinancier('resp-vp', 'req-vp', at(2, 1));
    quiet.push(...j.acceptBy(ORG.zilverenKruis, 'resp-vp', at(3)), ...j.close(at(4)), ...j.reopen(at(5)));
    expect(j.notifications(quiet)).toEqual([]);
  });
});

describe('notificationsFor: the catalogue of every event', () => {
  it('produces every notification kind at least once, each kind at most once per recipient and event', () => {
    const { journeys } = catalogue();
    const all = journeys.flatMap((j) => j.notifications());
    expect(new Set(all.map((n) => n.kind))).toEqual(new Set(NOTIFICATION_KINDS));
    const ids = all.map((n) => n.notificationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('notificationsFor: events it cannot read', () => {
  const envelope = {
    eventId: '0b6f1e52-3c1d-4d8e-9d55-2f0c1c6f0a11',
    streamId: 'case-case-1',
    streamVersion: 7,
    globalPosition: 42,
    metadata: { correlationId: 'c-1', occurredAt: at(0) },
  };

  it('refuses an unknown event type with the event’s coordinates', () => {
    const error = (() => {
      try {
        notificationsFor(
          { ...envelope, type: 'casus.SomethingNew.v1', data: { caseId: 'case-1' } },
          initialState(),
          initialState(),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnmappableEventError);
    expect((error as UnmappableEventError).coordinates).toEqual({
      eventId: envelope.eventId,
      type: 'casus.SomethingNew.v1',
      streamId: 'case-case-1',
      streamVersion: 7,
      globalPosition: 42,
    });
  });

  it('refuses a deadline watcher event that breaks its contract', () => {
    for (const data of [
      null,
      {
        caseId: 'case-1',
        deadlineId: 'd',
        kind: 'liaison-answer',
        dueOn: 'tomorrow',
        responsibleOrganisationIds: [],
      },
      {
        caseId: 'case-1',
        deadlineId: 'd',
        kind: 'liaison-answer',
        dueOn: '2026-03-10',
        responsibleOrganisationIds: 'GM0344',
      },
      { deadlineId: 'd', kind: 'liaison-answer', dueOn: '2026-03-10', responsibleOrganisationIds: [] },
    ]) {
      expect(() =>
        notificationsFor(
          { ...envelope, type: 'casus.DeadlineMissed.v1', data },
          initialState(),
          initialState(),
        ),
      ).toThrow(UnmappableEventError);
    }
  });
});
