/**
 * Generates one realistic case history by running domain commands through the real decider (`decide`, then
 * `evolve`), and returns the appends the case API would have made: per command its events, with the stream version
 * it was decided on as the expected version. Deterministic: everything random comes from the case's own PRNG.
 *
 * Journeys (by case type): a grensvlak wijkverpleging / persoonlijke verzorging, sometimes disputed, escalated to
 * the opschaaltafel and decided (doorbraakbesluit, provisional financing, verrekening); a moeilijk plaatsbare client
 * (Wlz rejected, escalation, provisional financier, providers refusing, placement, verrekening); an 18-/18+
 * transition (Jeugdwet needs, toekomstplan, successors, the 18th birthday, the gap it leaves); and other cases
 * (schulden, inkomen, wonen) arranged by the gemeente. Every case starts with aanmelding, triage (some referred),
 * agenda and discussion with 1 to 4 needs. Some cases stop early (stuck or still under way), and nothing happens
 * after the end of the history window, so recent cases are naturally open.
 */
import {
  type CaseCommand,
  type CaseState,
  type CaseType,
  type CommandMetadata,
  type LawDomain,
  type NeedCategory,
  type OfferRefusalReason,
  type OrganisationRef,
  type ProposalContext,
  type Urgency,
  decide,
  evolve,
  initialState,
} from '@casusregie/domain';
import type { NewEvent } from '@casusregie/event-store';
import {
  ACTIONS,
  AGREEMENTS,
  REJECTIONS,
  alternativeLawDomain,
  financierFor,
  summaryFor,
  usualLawDomain,
} from './phrases';
import { Prng } from './prng';
import { type TableProfile, dayOf, sessionOnOrAfter } from './tables';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One append of the seeded log: the events of one command, to be appended at `at` with `expectedVersion`. */
export interface PlannedAppend {
  readonly at: number;
  /** Rank of the case by registration time; with `seq` it orders appends that share a moment. */
  readonly order: number;
  readonly seq: number;
  readonly streamId: string;
  readonly expectedVersion: number | 'no_stream';
  readonly events: NewEvent[];
}

export interface GeneratedCase {
  readonly caseId: string;
  readonly caseType: CaseType;
  readonly appends: PlannedAppend[];
}

export interface CaseSpec {
  readonly order: number;
  readonly registeredAt: number;
  /** Nothing happens after this instant (the end of the history). */
  readonly until: number;
  readonly tables: readonly TableProfile[];
}

type Actor = Pick<CommandMetadata, 'userId' | 'role' | 'organisationId'>;

/** Where the case is registered and who is involved, drawn first so the registration time is stable. */
export function registrationTime(rng: Prng, start: number, until: number): number {
  const days = Math.max(1, Math.floor((until - start) / DAY));
  let day = dayOf(start) + Math.floor(rng.next() * days);
  const weekday = new Date(day * DAY).getUTCDay();
  if (weekday === 6) day += 2;
  if (weekday === 0) day += 1;
  // 07:00 to 16:00 UTC: office hours in the Netherlands.
  return day * DAY + 7 * HOUR + Math.floor(rng.next() * 9 * 60) * MINUTE;
}

/** The running case: its state, stream version, clock, and the appends made so far. */
class CaseRun {
  state: CaseState = initialState();
  private version = 0;
  private seq = 0;
  private stopped = false;
  readonly appends: PlannedAppend[] = [];

  constructor(
    readonly caseId: string,
    readonly rng: Prng,
    /** A separate stream for event and correlation ids, so ids do not shift the journey's choices. */
    private readonly ids: Prng,
    private readonly order: number,
    public now: number,
    private readonly until: number,
    private readonly maxCommands: number,
    readonly coordinator: Actor,
  ) {}

  get active(): boolean {
    return !this.stopped;
  }

  uuid(): string {
    return this.ids.uuid();
  }

  /** Waits, and lands in office hours (07:00 to 17:00 UTC on a weekday): people act in the daytime. */
  waitHours(min: number, max: number): void {
    this.now += Math.round((min + this.rng.next() * (max - min)) * 60) * MINUTE;
    const hour = (this.now % DAY) / HOUR;
    let day = Math.floor(this.now / DAY);
    if (hour >= 7 && hour < 17 && new Date(day * DAY).getUTCDay() % 6 !== 0) return;
    if (hour >= 17) day += 1;
    while (new Date(day * DAY).getUTCDay() % 6 === 0) day += 1;
    this.now = day * DAY + 7 * HOUR + this.rng.int(0, 120) * MINUTE;
  }

  waitDays(min: number, max: number): void {
    this.waitHours(min * 24, max * 24);
  }

  /** Moves the clock to `instant` unless it is already later. */
  notBefore(instant: number): void {
    this.now = Math.max(this.now, instant);
  }

  date(offsetDays = 0): string {
    return new Date(this.now + offsetDays * DAY).toISOString().slice(0, 10);
  }

  /**
   * Decides the command on the current state and records its events. Returns false (and does nothing) once the
   * case has stopped: past the end of the history, or cut short. A refusal by the decider is a bug in the journey.
   */
  run(type: CaseCommand['type'], data: object, actor: Actor = this.coordinator): boolean {
    if (this.stopped) return false;
    if (this.now > this.until || this.appends.length >= this.maxCommands) {
      this.stopped = true;
      return false;
    }
    const occurredAt = new Date(this.now).toISOString();
    const command = {
      type,
      data: { caseId: this.caseId, ...data },
      metadata: { ...actor, now: occurredAt },
    } as CaseCommand;
    let events;
    try {
      events = decide(command, this.state);
    } catch (error) {
      throw new Error(
        `The seed's ${type} on case ${this.caseId} was refused: ${(error as Error).message}. ` +
          `Events so far: ${this.appends.flatMap((a) => a.events.map((e) => e.type)).join(', ')}`,
        { cause: error },
      );
    }
    if (events.length === 0) return true;
    const correlationId = this.ids.uuid();
    this.appends.push({
      at: this.now,
      order: this.order,
      seq: this.seq++,
      streamId: `case-${this.caseId}`,
      expectedVersion: this.version === 0 ? 'no_stream' : this.version,
      events: events.map((event) => ({
        eventId: this.ids.uuid(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: { userId: actor.userId, role: actor.role, organisationId: actor.organisationId },
          correlationId,
          causationId: correlationId,
          occurredAt,
          schemaVersion: 1,
        },
      })),
    });
    this.state = events.reduce(evolve, this.state);
    this.version += events.length;
    return true;
  }
}

function liaison(org: OrganisationRef): Actor {
  return {
    userId: `liaison-${org.code.toLowerCase()}-1`,
    role: 'liaison',
    organisationId: org.organisationId,
  };
}

interface Journey {
  readonly c: CaseRun;
  readonly rng: Prng;
  readonly table: TableProfile;
  readonly regiehouder: OrganisationRef;
  readonly insurer: OrganisationRef;
  readonly caseType: CaseType;
}

interface NeedPlan {
  readonly needId: string;
  readonly category: NeedCategory;
}

const ADULT_CATEGORIES_EXTRA: readonly NeedCategory[] = [
  'huishoudelijke-hulp',
  'begeleiding',
  'dagbesteding',
];
const OTHER_CATEGORIES: readonly NeedCategory[] = [
  'schuldhulp',
  'inkomen',
  'wonen',
  'begeleiding',
  'huishoudelijke-hulp',
  'dagbesteding',
  'beschermd-wonen',
];
const REFUSALS: readonly OfferRefusalReason[] = [
  'no-capacity',
  'no-capacity',
  'care-needs-too-complex',
  'safety-risk',
  'outside-target-group',
];

function adultContext(rng: Prng, medicalContext = false): ProposalContext {
  return {
    wlzIndication: false,
    setting: 'thuis',
    medicalContext,
    blijvend: false,
    ageOnDate: rng.int(19, 92),
  };
}

const YOUTH: ProposalContext = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
};

/** Aanmelding, triage, agenda, and the clock set to the session. Returns the session, or null (referred, stopped). */
function atTheTable(j: Journey, birthday18?: string): { sessionId: string } | null {
  const { c, rng, table } = j;
  const aanbrenger = rng.weighted<OrganisationRef>([
    [j.regiehouder, 4],
    [rng.pick(table.gemeenten), 2],
    [j.insurer, 2],
    [table.advisers.length > 0 ? rng.pick(table.advisers) : j.regiehouder, 2],
  ]);
  c.run('RegisterCase', {
    caseType: j.caseType,
    urgency: rng.weighted<Urgency>([
      ['normaal', 60],
      ['hoog', 28],
      ['spoed', 12],
    ]),
    summary: summaryFor(j.caseType, rng),
    subjectId: c.uuid(),
    tableId: table.id,
    aanbrenger,
    regiehouder: j.regiehouder,
    serviceLevels: table.serviceLevels,
    ...(birthday18 ? { birthday18 } : {}),
  });
  c.waitHours(1, 30);
  if (j.caseType !== 'transitie-18-min-18-plus' && rng.chance(0.07)) {
    c.run('TriageCase', {
      outcome: 'refer-elsewhere',
      reason: 'Past beter bij het sociaal wijkteam.',
      referredTo: 'Sociaal wijkteam',
    });
    return null;
  }
  c.run('TriageCase', { outcome: 'accept-for-table' });
  c.waitHours(1, 24);
  const session = sessionOnOrAfter(table, dayOf(c.now) + 2);
  c.run('PutOnAgenda', session);
  if (table.advisers.length > 0 && rng.chance(0.25)) {
    c.waitHours(1, 48);
    c.run('AddParty', { party: rng.pick(table.advisers), role: 'adviseur' });
  }
  c.notBefore(Date.parse(`${session.sessionDate}T08:00:00Z`) + rng.int(0, 240) * MINUTE);
  return c.active ? { sessionId: session.sessionId } : null;
}

/** The session's discussion: who was present, agreements, actions and the needs. */
function discuss(
  j: Journey,
  sessionId: string,
  categories: readonly NeedCategory[],
  present: readonly OrganisationRef[],
): { needs: NeedPlan[]; actionIds: string[] } {
  const { c, rng } = j;
  const needs = categories.map((category) => ({ needId: c.uuid(), category }));
  const agreements = rng.sample(AGREEMENTS, rng.int(0, 2)).map((text) => ({ agreementId: c.uuid(), text }));
  const actions = rng.sample(ACTIONS, rng.int(0, 2)).map((description) => ({
    actionId: c.uuid(),
    description,
    ownerOrganisationId: rng.pick([j.regiehouder, ...present]).organisationId,
    dueDate: c.date(rng.int(7, 21)),
  }));
  const presentIds = [...new Set([j.regiehouder, ...present].map((o) => o.organisationId))];
  c.run('RecordDiscussion', {
    sessionId,
    presentOrganisationIds: presentIds,
    agreements,
    actions,
    needsIdentified: needs.map((n) => ({ needId: n.needId, category: n.category })),
  });
  return { needs, actionIds: actions.map((a) => a.actionId) };
}

interface Proposal {
  readonly need: NeedPlan;
  readonly responsibilityId: string;
  readonly lawDomain: LawDomain;
  readonly financier: OrganisationRef;
}

function proposeAndRequest(
  j: Journey,
  need: NeedPlan,
  lawDomain: LawDomain,
  financier: OrganisationRef,
  context: ProposalContext,
): Proposal {
  const { c } = j;
  const responsibilityId = c.uuid();
  c.waitHours(0.2, 2);
  c.run('ProposeResponsibility', { needId: need.needId, responsibilityId, lawDomain, financier, context });
  c.waitHours(0.1, 1);
  c.run('RequestFinancier', { responsibilityId, requestId: c.uuid() });
  return { need, responsibilityId, lawDomain, financier };
}

function accept(j: Journey, p: Proposal): void {
  j.c.run('AcceptResponsibility', { responsibilityId: p.responsibilityId }, liaison(p.financier));
}

function reject(j: Journey, p: Proposal, reasonCode: string, referral?: LawDomain): void {
  j.c.run(
    'RejectResponsibility',
    {
      responsibilityId: p.responsibilityId,
      reasonCode,
      explanation: j.rng.pick(REJECTIONS),
      ...(referral ? { referralLawDomain: referral } : {}),
    },
    liaison(p.financier),
  );
}

/**
 * Proposes and requests every need on the discussion day, then the financiers answer over the following days. A
 * rejected need is proposed again under the domain the financier pointed to (with `retry` probability).
 * Returns the needs left without a holder.
 */
function arrange(
  j: Journey,
  proposals: readonly { need: NeedPlan; lawDomain: LawDomain; financier: OrganisationRef }[],
  context: ProposalContext,
  acceptRate: number,
  retry: number,
): NeedPlan[] {
  const { c, rng } = j;
  const asked = proposals.map((p) => proposeAndRequest(j, p.need, p.lawDomain, p.financier, context));
  const gaps: NeedPlan[] = [];
  for (const p of asked) {
    c.waitDays(0.5, 4);
    if (rng.chance(acceptRate)) {
      accept(j, p);
      continue;
    }
    const alternative = alternativeLawDomain(p.lawDomain);
    reject(j, p, 'other-law-applies', alternative);
    if (rng.chance(retry)) {
      const financier = financierFor(alternative, j.table, j.regiehouder, j.insurer);
      const again = proposeAndRequest(j, p.need, alternative, financier, context);
      c.waitDays(1, 5);
      if (rng.chance(0.85)) {
        accept(j, again);
        continue;
      }
      reject(j, again, 'criteria-not-met');
    }
    gaps.push(p.need);
  }
  return gaps;
}

function completeActions(j: Journey, actionIds: readonly string[], p: number): void {
  for (const actionId of actionIds) {
    if (!j.rng.chance(p)) continue;
    j.c.waitDays(1, 10);
    j.c.run('CompleteAction', { actionId });
  }
}

function escalate(j: Journey, reason: string, needIds: readonly string[]): string {
  const escalationId = j.c.uuid();
  j.c.run('EscalateCase', {
    escalationId,
    level: 'opschaaltafel',
    reason,
    question: 'Wie financiert de zorg voor deze behoefte?',
    mandateHolder: {
      organisationId: j.regiehouder.organisationId,
      functionTitle: 'directeur sociaal domein',
    },
    decisionOwner: { organisationId: j.regiehouder.organisationId, functionTitle: 'wethouder zorg' },
    needIds,
  });
  return escalationId;
}

/** Doorbraakbesluit for one need; returns the decided responsibility id when it is provisional. */
function breakthrough(
  j: Journey,
  escalationId: string,
  needId: string,
  lawDomain: LawDomain,
  financier: OrganisationRef,
  provisional: boolean,
): string | null {
  const decisionId = j.c.uuid();
  j.c.run('DecideBreakthrough', {
    escalationId,
    decisionId,
    summary: provisional
      ? 'Doorbraak: voorlopige financiering, verrekening na besluit over de juiste wet.'
      : 'Doorbraak: de opschaaltafel wijst de financier aan.',
    evaluationDate: j.c.date(j.rng.int(30, 90)),
    assignments: [
      {
        needId,
        lawDomain,
        financier,
        provisional,
        ...(provisional
          ? { settlementAgreement: 'Verrekening zodra vaststaat welke wet van toepassing is.' }
          : {}),
      },
    ],
  });
  return provisional ? `${decisionId}:${needId}` : null;
}

function settle(
  j: Journey,
  responsibilityId: string,
  lawDomain: LawDomain,
  financier: OrganisationRef,
): void {
  j.c.run('SettleProvisionalFinancing', {
    responsibilityId,
    definitive: { lawDomain, financier },
    note: 'Verrekend volgens de verrekenafspraak.',
  });
}

function closable(state: CaseState): boolean {
  return (
    state.status === 'accepted' &&
    state.openEscalationId === null &&
    !state.responsibilities.some((r) => r.status === 'provisional')
  );
}

function maybeClose(j: Journey, p: number, result: string): void {
  if (!closable(j.c.state) || !j.rng.chance(p)) return;
  j.c.waitDays(5, 40);
  j.c.run('CloseCase', { result });
}

function grensvlak(j: Journey): void {
  const { c, rng } = j;
  const session = atTheTable(j);
  if (!session) return;
  const medical = rng.chance(0.3);
  const categories: NeedCategory[] = ['persoonlijke-verzorging'];
  if (rng.chance(0.85)) categories.unshift('verpleging');
  if (rng.chance(0.35)) categories.push(rng.pick(ADULT_CATEGORIES_EXTRA));
  const { needs, actionIds } = discuss(j, session.sessionId, categories, [j.insurer]);
  const context = adultContext(rng, medical);
  const pv = needs.find((n) => n.category === 'persoonlijke-verzorging')!;
  const dispute = rng.chance(0.35);
  const others = needs.filter((n) => !dispute || n !== pv);
  const gaps = arrange(
    j,
    others.map((need) => {
      const lawDomain = usualLawDomain(need.category, medical);
      return { need, lawDomain, financier: financierFor(lawDomain, j.table, j.regiehouder, j.insurer) };
    }),
    context,
    0.8,
    0.6,
  );
  if (dispute) {
    // The table asks the insurer for persoonlijke verzorging; the insurer points to the Wmo.
    const asked = proposeAndRequest(j, pv, 'Zvw', j.insurer, context);
    c.waitDays(1, 6);
    reject(j, asked, 'other-law-applies', 'Wmo');
    c.waitDays(1, 4);
    const escalationId = escalate(j, 'dispute-between-financiers', [pv.needId]);
    const outcome = rng.weighted<'decide' | 'deescalate' | 'open'>([
      ['decide', 65],
      ['deescalate', 20],
      ['open', 15],
    ]);
    if (outcome === 'decide') {
      c.waitDays(5, 15);
      const provisional = rng.chance(0.5);
      const provisionalId = breakthrough(j, escalationId, pv.needId, 'Wmo', j.regiehouder, provisional);
      if (provisionalId && rng.chance(0.7)) {
        c.waitDays(20, 60);
        if (rng.chance(0.5)) settle(j, provisionalId, 'Zvw', j.insurer);
        else settle(j, provisionalId, 'Wmo', j.regiehouder);
      }
    } else if (outcome === 'deescalate') {
      c.waitDays(3, 10);
      c.run('DeescalateCase', {
        escalationId,
        reason: 'Gemeente en verzekeraar kwamen aan tafel tot een afspraak.',
      });
      const again = proposeAndRequest(j, pv, 'Wmo', j.regiehouder, context);
      c.waitDays(1, 5);
      accept(j, again);
    }
  }
  completeActions(j, actionIds, 0.7);
  maybeClose(
    j,
    gaps.length === 0 ? 0.85 : 0.2,
    gaps.length === 0 ? 'responsibility-arranged' : 'no-longer-needed',
  );
}

function moeilijkPlaatsbaar(j: Journey): void {
  const { c, rng, table } = j;
  const session = atTheTable(j);
  if (!session) return;
  const categories: NeedCategory[] = ['verblijf', 'behandeling-ggz'];
  if (rng.chance(0.5)) categories.push(rng.pick<NeedCategory>(['begeleiding', 'dagbesteding']));
  if (rng.chance(0.2)) categories.push('beschermd-wonen');
  const { needs, actionIds } = discuss(j, session.sessionId, categories, [j.insurer, table.zorgkantoor]);
  const context: ProposalContext = {
    wlzIndication: rng.chance(0.3),
    setting: 'thuis',
    medicalContext: false,
    blijvend: rng.chance(0.5),
    ageOnDate: rng.int(19, 70),
  };
  const verblijf = needs[0];
  const wlz = proposeAndRequest(j, verblijf, 'Wlz', table.zorgkantoor, context);
  arrange(
    j,
    needs.slice(1).map((need) => {
      const lawDomain = usualLawDomain(need.category, false);
      return { need, lawDomain, financier: financierFor(lawDomain, table, j.regiehouder, j.insurer) };
    }),
    context,
    0.8,
    0.5,
  );
  c.waitDays(1, 6);
  let held = true;
  let provisionalId: string | null = null;
  if (rng.chance(0.6)) {
    reject(j, wlz, 'criteria-not-met');
    c.waitDays(1, 5);
    const escalationId = escalate(j, 'dispute-between-financiers', [verblijf.needId]);
    if (rng.chance(0.75)) {
      c.waitDays(5, 15);
      provisionalId = breakthrough(j, escalationId, verblijf.needId, 'Wmo', j.regiehouder, true);
    } else {
      held = false;
    }
  } else {
    accept(j, wlz);
  }
  completeActions(j, actionIds, 0.6);
  if (!held) return;

  const refusals = rng.weighted<number>([
    [0, 30],
    [1, 35],
    [2, 20],
    [3, 15],
  ]);
  const providers = rng.sample(table.providers, refusals + 1);
  const providerAt = (i: number) => providers[i % providers.length];
  for (let i = 0; i < refusals; i++) {
    const offerId = c.uuid();
    c.waitDays(1, 7);
    c.run('RequestOffer', { offerId, needId: verblijf.needId, provider: providerAt(i) });
    c.waitDays(2, 10);
    c.run(
      'RefuseOffer',
      { offerId, reasonCode: rng.pick(REFUSALS), explanation: 'Geen passende plek beschikbaar.' },
      liaison(providerAt(i)),
    );
  }
  const offerId = c.uuid();
  c.waitDays(1, 10);
  c.run('RequestOffer', { offerId, needId: verblijf.needId, provider: providerAt(refusals) });
  if (!rng.chance(0.8)) return;
  c.waitDays(2, 14);
  c.run('AcceptOffer', { offerId }, liaison(providerAt(refusals)));
  c.waitDays(3, 14);
  c.run('StartPlacement', { placementId: c.uuid(), offerId, startDate: c.date(rng.int(2, 10)) });
  if (provisionalId && rng.chance(0.6)) {
    c.waitDays(20, 60);
    if (rng.chance(0.6)) settle(j, provisionalId, 'Wlz', table.zorgkantoor);
    else settle(j, provisionalId, 'Wmo', j.regiehouder);
  }
  maybeClose(j, 0.8, 'placed');
}

function transition(j: Journey, birthday18: string): void {
  const { c, rng } = j;
  const session = atTheTable(j, birthday18);
  if (!session) return;
  const third = rng.pick<NeedCategory>(['verblijf', 'persoonlijke-verzorging', 'dagbesteding']);
  const { needs, actionIds } = discuss(
    j,
    session.sessionId,
    ['behandeling-ggz', 'begeleiding', third],
    [j.insurer],
  );
  const [ggz, begeleiding, other] = needs;
  arrange(
    j,
    needs.map((need) => ({ need, lawDomain: 'Jeugdwet' as LawDomain, financier: j.regiehouder })),
    YOUTH,
    0.9,
    0,
  );
  completeActions(j, actionIds, 0.6);

  const birthday = Date.parse(`${birthday18}T06:00:00Z`);
  c.notBefore(birthday - rng.int(30, 75) * DAY);
  c.waitHours(0, 8);
  const successors: Proposal[] = [];
  if (c.now < birthday - DAY) {
    const begeleidingSuccessor = {
      need: begeleiding,
      responsibilityId: c.uuid(),
      lawDomain: 'Wmo' as LawDomain,
      financier: j.regiehouder,
    };
    successors.push(begeleidingSuccessor);
    const routes: object[] = [
      { route: 'successor', needId: begeleiding.needId, ...successorFields(begeleidingSuccessor) },
    ];
    const ggzJeugdhulpRuns = c.state.responsibilities.some(
      (r) => r.needId === ggz.needId && r.lawDomain === 'Jeugdwet' && r.status === 'accepted',
    );
    // Verlengde jeugdhulp (condition i) continues jeugdhulp that runs; otherwise the insurer takes over.
    if (!ggzJeugdhulpRuns || rng.chance(0.65)) {
      const ggzSuccessor = {
        need: ggz,
        responsibilityId: c.uuid(),
        lawDomain: 'Zvw' as LawDomain,
        financier: j.insurer,
      };
      successors.push(ggzSuccessor);
      routes.push({ route: 'successor', needId: ggz.needId, ...successorFields(ggzSuccessor) });
    } else {
      routes.push({
        route: 'verlengde-jeugdhulp',
        needId: ggz.needId,
        condition: 'i',
        otherLawsExplanation: 'Behandeling loopt door; overstap naar volwassenenzorg nu niet verantwoord.',
      });
    }
    if (rng.chance(0.3)) {
      routes.push({ route: 'ending', needId: other.needId, explanation: 'Niet meer nodig na de overgang.' });
    }
    c.run('RecordTransitionPlan', { routes });
    for (const s of successors) {
      c.waitDays(1, 5);
      c.run('RequestFinancier', { responsibilityId: s.responsibilityId, requestId: c.uuid() });
      c.waitDays(2, 10);
      if (rng.chance(0.85)) accept(j, s);
    }
  }
  c.notBefore(birthday);
  c.run(
    'PassEighteenthBirthday',
    {},
    { userId: 'deadline-watcher', role: 'system', organisationId: j.regiehouder.organisationId },
  );

  // The need without a route is a gap after the birthday; the table often arranges it as adult care.
  const stillOpen = c.state.needs.find((n) => n.needId === other.needId)?.status === 'open';
  const heldNow = c.state.responsibilities.some(
    (r) =>
      r.needId === other.needId &&
      r.takesEffect === 'immediately' &&
      (r.status === 'accepted' || r.status === 'provisional'),
  );
  if (stillOpen && !heldNow && rng.chance(0.5)) {
    c.waitDays(5, 20);
    const lawDomain = usualLawDomain(other.category, false);
    const p = proposeAndRequest(
      j,
      other,
      lawDomain,
      financierFor(lawDomain, j.table, j.regiehouder, j.insurer),
      {
        ...YOUTH,
        ageOnDate: 18,
      },
    );
    c.waitDays(1, 6);
    if (rng.chance(0.8)) accept(j, p);
  }
  maybeClose(j, 0.6, 'responsibility-arranged');
}

function successorFields(p: Proposal) {
  return {
    responsibilityId: p.responsibilityId,
    lawDomain: p.lawDomain,
    financier: p.financier,
    context: YOUTH,
  };
}

function other(j: Journey): void {
  const { rng } = j;
  const session = atTheTable(j);
  if (!session) return;
  const categories = rng.sample(OTHER_CATEGORIES, rng.int(1, 3));
  const { needs, actionIds } = discuss(j, session.sessionId, categories, []);
  const gaps = arrange(
    j,
    needs.map((need) => {
      const lawDomain = usualLawDomain(need.category, false);
      return { need, lawDomain, financier: financierFor(lawDomain, j.table, j.regiehouder, j.insurer) };
    }),
    adultContext(rng),
    0.85,
    0.5,
  );
  completeActions(j, actionIds, 0.7);
  maybeClose(j, gaps.length === 0 ? 0.8 : 0.2, gaps.length === 0 ? 'responsibility-arranged' : 'other');
}

/** Generates the case: its id, type and every append, in the order they happened. */
export function generateCase(spec: CaseSpec, rng: Prng, ids: Prng): GeneratedCase {
  const caseId = ids.uuid();
  const table = rng.weighted(spec.tables.map((t) => [t, t.weight] as const));
  const regiehouder = rng.pick(table.gemeenten);
  const caseType = rng.weighted<CaseType>([
    ['grensvlak', 35],
    ['moeilijk-plaatsbaar', 22],
    ['transitie-18-min-18-plus', 15],
    ['overig', 28],
  ]);
  const maxCommands = rng.chance(0.2) ? rng.int(1, 12) : Number.POSITIVE_INFINITY;
  const coordinator: Actor = {
    userId: `coordinator-${table.id}-${rng.int(1, 3)}`,
    role: 'coordinator',
    organisationId: regiehouder.organisationId,
  };
  const c = new CaseRun(
    caseId,
    rng,
    ids,
    spec.order,
    spec.registeredAt,
    spec.until,
    maxCommands,
    coordinator,
  );
  const journey: Journey = { c, rng, table, regiehouder, insurer: rng.pick(table.insurers), caseType };
  switch (caseType) {
    case 'grensvlak':
      grensvlak(journey);
      break;
    case 'moeilijk-plaatsbaar':
      moeilijkPlaatsbaar(journey);
      break;
    case 'transitie-18-min-18-plus':
      transition(journey, new Date(spec.registeredAt + rng.int(80, 300) * DAY).toISOString().slice(0, 10));
      break;
    default:
      other(journey);
  }
  return { caseId, caseType, appends: c.appends };
}
