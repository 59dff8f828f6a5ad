/**
 * Property: random sequences of commands, run through the decider (refusals skipped), never leave two financiers
 * holding one need at once, and the responsibility view at every step equals an independent fold of the events.
 */
import fc from 'fast-check';
import type { CaseCommand } from '../../casus/commands';
import { decide, evolve, initialState } from '../../casus/decider';
import { CaseError } from '../../casus/errors';
import type { CaseEvent } from '../../casus/events';
import { hasHoldingStatus, isHolding } from '../../casus/holding';
import type { CaseState } from '../../casus/state';
import {
  CASE_ID,
  HOME,
  LEVELS,
  ORG,
  SUBJECT_ID,
  TABLE_ID,
  at,
  meta,
} from '../../casus/test-support/fixtures';
import type { OrganisationRef } from '../../casus/types';
import type { LawDomain, NeedCategory } from '../../vocabulary';
import { responsibilityAtPosition, responsibilityOn, responsibilityTimeline } from '../queries';
import type { EventEnvelope } from '../types';
import { isReferenceHolder, referenceFold } from '../test-support/reference-fold';

const FINANCIERS: readonly (readonly [LawDomain, OrganisationRef])[] = [
  ['Wmo', ORG.utrecht],
  ['Jeugdwet', ORG.utrecht],
  ['Zvw', ORG.zilverenKruis],
  ['Zvw', ORG.vgz],
  ['Wlz', ORG.zorgkantoorUtrecht],
  ['Wmo', ORG.tilburg],
];
const NEEDS: readonly (readonly [string, NeedCategory])[] = [
  ['n1', 'persoonlijke-verzorging'],
  ['n2', 'begeleiding'],
  ['n3', 'behandeling-ggz'],
  ['n4', 'verblijf'],
];
const LEVEL_NAMES = ['opschaaltafel', 'bestuurlijk-overleg', 'landelijk-maatwerkloket'] as const;
const OWNER = { organisationId: ORG.utrecht.organisationId, functionTitle: 'wethouder zorg' };

type Action =
  | { kind: 'propose'; need: number; fin: number }
  | { kind: 'request' | 'reject' | 'end'; r: number }
  | { kind: 'accept'; r: number; wrongOrg: boolean }
  | { kind: 'escalate'; need: number; level: number }
  | { kind: 'deescalate' | 'advice' | 'birthday' | 'close' | 'reopen' }
  | { kind: 'decide'; need: number; fin: number; provisional: boolean; wrongOwner: boolean }
  | { kind: 'settle'; r: number; fin: number }
  | { kind: 'session'; identify: number; endNeed: number | null }
  | { kind: 'plan'; need: number; route: number; fin: number };

const index = fc.nat({ max: 11 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('propose' as const), need: index, fin: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('request' as const), r: index }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('accept' as const), r: index, wrongOrg: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reject' as const), r: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), r: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('escalate' as const), need: index, level: index }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'deescalate' as const }, { kind: 'advice' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      need: index,
      fin: index,
      provisional: fc.boolean(),
      wrongOwner: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const), r: index, fin: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('session' as const),
      identify: index,
      endNeed: fc.option(index, { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('plan' as const), need: index, route: index, fin: index }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'birthday' as const },
      { kind: 'close' as const },
      { kind: 'reopen' as const },
    ),
  },
);

function setup(transition: boolean): CaseCommand[] {
  return [
    {
      type: 'RegisterCase',
      data: {
        caseId: CASE_ID,
        caseType: transition ? 'transitie-18-min-18-plus' : 'grensvlak',
        urgency: 'normaal',
        summary: 'Willekeurige casus voor de eigenschapstest.',
        subjectId: SUBJECT_ID,
        tableId: TABLE_ID,
        aanbrenger: ORG.wijkteam,
        regiehouder: ORG.utrecht,
        serviceLevels: LEVELS,
        ...(transition ? { birthday18: '2025-03-12' } : {}),
      },
      metadata: meta(at(0)),
    },
    { type: 'TriageCase', data: { caseId: CASE_ID, outcome: 'accept-for-table' }, metadata: meta(at(0, 1)) },
    {
      type: 'PutOnAgenda',
      data: { caseId: CASE_ID, sessionId: 's0', sessionDate: '2025-03-06' },
      metadata: meta(at(0, 2)),
    },
    {
      type: 'RecordDiscussion',
      data: {
        caseId: CASE_ID,
        sessionId: 's0',
        presentOrganisationIds: [ORG.utrecht.organisationId],
        needsIdentified: NEEDS.slice(0, 2).map(([needId, category]) => ({ needId, category })),
      },
      metadata: meta(at(3)),
    },
  ];
}

/** Turns an abstract action into a command against the current state; the indices wrap around what exists. */
function toCommand(a: Action, state: CaseState, step: number): CaseCommand[] {
  const now = new Date(Date.parse(at(4)) + step * 9 * 3_600_000).toISOString();
  const m = meta(now);
  const rs = state.responsibilities;
  const pick = <T>(list: readonly T[], i: number): T | undefined =>
    list.length === 0 ? undefined : list[i % list.length];
  const need = (i: number) => NEEDS[i % NEEDS.length][0];
  const [domain, financier] = FINANCIERS[('fin' in a ? a.fin : 0) % FINANCIERS.length];
  // Aim at the responsibilities the action fits most of the time, so sequences get deep; the rest stays random.
  const fitting = rs.filter((x) =>
    a.kind === 'request'
      ? x.status === 'proposed' || x.status === 'disputed'
      : a.kind === 'accept' || a.kind === 'reject'
        ? x.openRequestId !== null
        : a.kind === 'settle'
          ? x.status === 'provisional'
          : true,
  );
  const r = 'r' in a ? (a.r % 4 === 3 ? pick(rs, a.r) : (pick(fitting, a.r) ?? pick(rs, a.r))) : undefined;
  switch (a.kind) {
    case 'propose':
      return [
        {
          type: 'ProposeResponsibility',
          data: {
            caseId: CASE_ID,
            needId: need(a.need),
            responsibilityId: `r${step}`,
            lawDomain: domain,
            financier,
            context: HOME,
          },
          metadata: m,
        },
      ];
    case 'request':
      return r
        ? [
            {
              type: 'RequestFinancier',
              data: { caseId: CASE_ID, responsibilityId: r.responsibilityId, requestId: `q${step}` },
              metadata: m,
            },
          ]
        : [];
    case 'accept': {
      if (!r) return [];
      const org = a.wrongOrg ? ORG.vgz.organisationId : r.financierOrganisationId;
      return [
        {
          type: 'AcceptResponsibility',
          data: { caseId: CASE_ID, responsibilityId: r.responsibilityId },
          metadata: { ...m, role: 'liaison', organisationId: org },
        },
      ];
    }
    case 'reject':
      return r
        ? [
            {
              type: 'RejectResponsibility',
              data: {
                caseId: CASE_ID,
                responsibilityId: r.responsibilityId,
                reasonCode: 'criteria-not-met',
                explanation: 'Nee.',
              },
              metadata: { ...m, role: 'liaison', organisationId: r.financierOrganisationId },
            },
          ]
        : [];
    case 'end':
      return r
        ? [
            {
              type: 'EndResponsibility',
              data: { caseId: CASE_ID, responsibilityId: r.responsibilityId, reason: 'Gestopt.' },
              metadata: m,
            },
          ]
        : [];
    case 'escalate':
      return [
        {
          type: 'EscalateCase',
          data: {
            caseId: CASE_ID,
            escalationId: `e${step}`,
            level: LEVEL_NAMES[a.level % 3],
            reason: 'dispute-between-financiers',
            question: 'Wie betaalt?',
            mandateHolder: OWNER,
            decisionOwner: OWNER,
            needIds: [need(a.need)],
          },
          metadata: m,
        },
      ];
    case 'deescalate':
    case 'advice': {
      const id = state.openEscalationId;
      if (!id) return [];
      return a.kind === 'deescalate'
        ? [
            {
              type: 'DeescalateCase',
              data: { caseId: CASE_ID, escalationId: id, reason: 'Opgelost.' },
              metadata: m,
            },
          ]
        : [
            {
              type: 'RecordAdvice',
              data: {
                caseId: CASE_ID,
                escalationId: id,
                adviceId: `a${step}`,
                advisorOrganisationId: 'org-cce',
                advice: 'Advies.',
              },
              metadata: m,
            },
          ];
    }
    case 'decide': {
      const id = state.openEscalationId ?? 'e-none';
      return [
        {
          type: 'DecideBreakthrough',
          data: {
            caseId: CASE_ID,
            escalationId: id,
            decisionId: `d${step}`,
            summary: 'Besluit.',
            evaluationDate: '2025-06-01',
            assignments: [
              {
                needId: need(a.need),
                lawDomain: domain,
                financier,
                provisional: a.provisional,
                settlementAgreement: 'Verrekenen.',
              },
            ],
          },
          metadata: a.wrongOwner ? { ...m, organisationId: ORG.zilverenKruis.organisationId } : m,
        },
      ];
    }
    case 'settle':
      return r
        ? [
            {
              type: 'SettleProvisionalFinancing',
              data: {
                caseId: CASE_ID,
                responsibilityId: r.responsibilityId,
                definitive: { lawDomain: domain, financier },
                note: 'Verrekend.',
              },
              metadata: m,
            },
          ]
        : [];
    case 'session': {
      const [newId, category] = NEEDS[a.identify % NEEDS.length];
      const exists = state.needs.some((n) => n.needId === newId);
      return [
        {
          type: 'PutOnAgenda',
          data: { caseId: CASE_ID, sessionId: `s-${step + 1}`, sessionDate: '2025-04-01' },
          metadata: m,
        },
        {
          type: 'RecordDiscussion',
          data: {
            caseId: CASE_ID,
            sessionId: `s-${step + 1}`,
            presentOrganisationIds: [ORG.utrecht.organisationId],
            needsIdentified: exists ? [] : [{ needId: newId, category }],
            needsEnded:
              a.endNeed === null || need(a.endNeed) === newId
                ? []
                : [{ needId: need(a.endNeed), reason: 'Klaar.' }],
          },
          metadata: m,
        },
      ];
    }
    case 'plan': {
      const needId = need(a.need);
      const routes = [
        {
          route: 'successor' as const,
          needId,
          responsibilityId: `p${step}`,
          lawDomain: domain,
          financier,
          context: HOME,
        },
        {
          route: 'verlengde-jeugdhulp' as const,
          needId,
          condition: (['i', 'ii', 'iii'] as const)[a.fin % 3],
          otherLawsExplanation: 'Geen andere wet.',
        },
        { route: 'ending' as const, needId, explanation: 'Stopt.' },
      ];
      return [
        {
          type: 'RecordTransitionPlan',
          data: { caseId: CASE_ID, routes: [routes[a.route % 3]] },
          metadata: m,
        },
      ];
    }
    case 'birthday':
      return [
        { type: 'PassEighteenthBirthday', data: { caseId: CASE_ID }, metadata: { ...m, role: 'system' } },
      ];
    case 'close':
      return [{ type: 'CloseCase', data: { caseId: CASE_ID, result: 'other' }, metadata: m }];
    case 'reopen':
      return [{ type: 'ReopenCase', data: { caseId: CASE_ID, reason: 'Opnieuw.' }, metadata: m }];
  }
}

interface Run {
  readonly events: CaseEvent[];
  readonly states: CaseState[];
  readonly refusals: number;
}

function run(transition: boolean, actions: readonly Action[]): Run {
  let state = initialState();
  const events: CaseEvent[] = [];
  const states: CaseState[] = [];
  let refusals = 0;
  const apply = (command: CaseCommand) => {
    const produced = decide(command, state);
    for (const event of produced) {
      state = evolve(state, event);
      events.push(event);
      states.push(state);
    }
  };
  setup(transition).forEach(apply);
  actions.forEach((a, step) => {
    for (const command of toCommand(a, state, step)) {
      try {
        apply(command);
      } catch (error) {
        if (!(error instanceof CaseError)) throw error;
        refusals++;
        break;
      }
    }
  });
  return { events, states, refusals };
}

function envelopesOf(events: readonly CaseEvent[]): EventEnvelope[] {
  return events.map((event, position) => ({
    event,
    eventId: `evt-${position}`,
    position,
    recordedAt: new Date(Date.parse(event.data.occurredAt) + position).toISOString(),
  }));
}

describe('responsibility invariants under random command sequences', () => {
  const scenario = fc.record({
    transition: fc.boolean(),
    actions: fc.array(action, { minLength: 1, maxLength: 70, size: 'max' }),
  });

  it('never lets two financiers hold one need at once (nor two planned successors)', () => {
    fc.assert(
      fc.property(scenario, ({ transition, actions }) => {
        const { states } = run(transition, actions);
        for (const state of states) {
          for (const need of state.needs) {
            const mine = state.responsibilities.filter((r) => r.needId === need.needId);
            expect(mine.filter(isHolding).length).toBeLessThanOrEqual(1);
            expect(
              mine.filter((r) => r.takesEffect === 'at-18th-birthday' && hasHoldingStatus(r)).length,
            ).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives, at every step, the view that an independent fold of the events gives', () => {
    fc.assert(
      fc.property(scenario, ({ transition, actions }) => {
        const { events } = run(transition, actions);
        const envelopes = envelopesOf(events);
        const timeline = responsibilityTimeline(envelopes);
        timeline.forEach((snapshot, i) => {
          const reference = referenceFold(events.slice(0, i + 1));
          const viewed = snapshot.needs.flatMap((n) =>
            n.responsibilities.map((r) => [
              r.responsibilityId,
              n.needId,
              r.status,
              r.lawDomain,
              r.financierOrganisationId,
              r.holding,
            ]),
          );
          const expected = snapshot.needs.flatMap((n) =>
            [...reference.responsibilities.values()]
              .filter((r) => r.needId === n.needId)
              .map((r) => [r.id, r.needId, r.status, r.lawDomain, r.financier, isReferenceHolder(r)]),
          );
          expect(viewed).toEqual(expected);
          expect(snapshot.needs.map((n) => n.needId)).toEqual([...reference.needs.keys()]);
          const referenceGaps = [...reference.needs.entries()]
            .filter(
              ([id, n]) =>
                n.open &&
                ![...reference.responsibilities.values()].some(
                  (r) => r.needId === id && isReferenceHolder(r),
                ),
            )
            .map(([id]) => id);
          expect(snapshot.gaps.map((g) => g.needId)).toEqual(referenceGaps);
          for (const need of snapshot.needs) {
            expect(need.responsibilities.filter((r) => r.holding).length).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same for a position, for the moment it was recorded, and for the prefix up to it', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ transition, actions }, seed) => {
        const { events } = run(transition, actions);
        const envelopes = envelopesOf(events);
        const timeline = responsibilityTimeline(envelopes);
        const i = seed % envelopes.length;
        expect(responsibilityAtPosition(envelopes, i)).toEqual(timeline[i]);
        expect(responsibilityOn(envelopes, envelopes[i].recordedAt)).toEqual(timeline[i]);
        expect(responsibilityTimeline(envelopes.slice(0, i + 1)).at(-1)).toEqual(timeline[i]);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches the interesting states: holders, provisional financing, birthdays and refusals all occur', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ transition, actions }) => {
        const { events, refusals } = run(transition, actions);
        events.forEach((e) => seen.add(e.type));
        if (refusals > 0) seen.add('refusal');
      }),
      { numRuns: 300, seed: 20250303 },
    );
    for (const type of [
      'casus.ResponsibilityAccepted.v1',
      'casus.BreakthroughDecided.v1',
      'casus.ProvisionalFinancingSettled.v1',
      'casus.EighteenthBirthdayPassed.v1',
      'casus.TransitionPlanRecorded.v1',
      'casus.NeedEnded.v1',
      'refusal',
    ]) {
      expect(seen).toContain(type);
    }
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });
});
