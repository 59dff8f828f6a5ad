/**
 * The mixed command load of the API benchmark. Each step is one HTTP command that the domain accepts, chosen from
 * what the benchmark knows about the case (seeded state folded with `foldCase`, then kept up to date from the
 * answers): register a case, triage a new one, add a party, and move a case on at its table (agenda, discussion
 * that identifies needs, propose, request the financier, the financier's liaison accepts or rejects). A case is
 * worked by one client at a time, so a refusal (409/422) points at the system, not at two clients racing.
 */
import { randomUUID } from 'node:crypto';
import {
  type CaseState,
  type LawDomain,
  type NeedCategory,
  type Urgency,
  holderOf,
  isActive,
} from '@casusregie/domain';
import type { HttpClient, HttpResult } from './http-client';
import { ACTIONS, AGREEMENTS, REJECTIONS, alternativeLawDomain, summaryFor, usualLawDomain } from './phrases';
import type { Prng } from './prng';
import { type TableProfile, dayOf, sessionOnOrAfter } from './tables';
import type { Tokens } from './tokens';

interface Request {
  readonly needId: string;
  readonly requestId: string;
  readonly lawDomain: LawDomain;
  readonly financierCode: string;
  readonly immediate: boolean;
}

interface Proposed {
  readonly needId: string;
  readonly responsibilityId: string;
  readonly lawDomain: LawDomain;
  readonly financierCode: string;
}

interface BenchCase {
  readonly caseId: string;
  readonly table: TableProfile;
  readonly regiehouderCode: string;
  readonly insurerCode: string;
  status: 'registered' | 'accepted';
  readonly sessions: Set<string>;
  readonly undiscussed: string[];
  readonly categories: Map<string, NeedCategory>;
  readonly gaps: { needId: string; tried: LawDomain[] }[];
  readonly proposed: Proposed[];
  readonly requests: Request[];
  readonly held: Set<string>;
  readonly adviseurs: Set<string>;
  /** A command failed: the benchmark no longer knows the case's state and leaves it alone. */
  dropped: boolean;
}

export type CommandKind =
  'register' | 'triage' | 'addParty' | 'agenda' | 'discussion' | 'propose' | 'request' | 'accept' | 'reject';

export interface CommandOutcome {
  readonly kind: CommandKind;
  readonly result: HttpResult;
}

const NEW_NEED_CATEGORIES: readonly NeedCategory[] = [
  'begeleiding',
  'persoonlijke-verzorging',
  'verpleging',
  'huishoudelijke-hulp',
  'dagbesteding',
  'behandeling-ggz',
];

const CONTEXT = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 45,
};

function fromState(state: CaseState, table: TableProfile): BenchCase | null {
  if (state.status !== 'accepted' && state.status !== 'registered') return null;
  const regiehouder = Object.values(state.parties).find((p) => p.roles.includes('regiehouder'));
  if (!state.caseId || !regiehouder) return null;
  const insurer = Object.values(state.parties).find((p) => p.party.kind === 'zorgverzekeraar');
  const openNeeds = state.needs.filter((n) => n.status === 'open');
  const immediate = state.responsibilities.filter((r) => r.takesEffect === 'immediately');
  return {
    caseId: state.caseId,
    table,
    regiehouderCode: regiehouder.party.code,
    insurerCode: insurer?.party.code ?? table.insurers[0].code,
    status: state.status,
    sessions: new Set(Object.keys(state.sessions)),
    undiscussed: Object.entries(state.sessions)
      .filter(([, s]) => !s.discussed)
      .map(([id]) => id),
    categories: new Map(state.needs.map((n) => [n.needId, n.category])),
    gaps: openNeeds
      .filter((n) => !immediate.some((r) => r.needId === n.needId && isActive(r)))
      .map((n) => ({
        needId: n.needId,
        tried: immediate.filter((r) => r.needId === n.needId).map((r) => r.lawDomain),
      })),
    proposed: immediate
      .filter((r) => r.status === 'proposed' && openNeeds.some((n) => n.needId === r.needId))
      .map((r) => ({
        needId: r.needId,
        responsibilityId: r.responsibilityId,
        lawDomain: r.lawDomain,
        financierCode: r.financierOrganisationId,
      })),
    requests: state.responsibilities
      .filter(
        (r) => r.status === 'requested' && r.openRequestId && openNeeds.some((n) => n.needId === r.needId),
      )
      .map((r) => ({
        needId: r.needId,
        requestId: r.openRequestId!,
        lawDomain: r.lawDomain,
        financierCode: r.financierOrganisationId,
        immediate: r.takesEffect === 'immediately',
      })),
    held: new Set(openNeeds.filter((n) => holderOf(state.responsibilities, n.needId)).map((n) => n.needId)),
    adviseurs: new Set(
      Object.values(state.parties)
        .filter((p) => p.roles.includes('adviseur'))
        .map((p) => p.party.code),
    ),
    dropped: false,
  };
}

function body(result: HttpResult): Record<string, unknown> {
  try {
    return JSON.parse(result.text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** BSNs of the test-person range 999990000 to 999999999 that pass the elfproef, in order. */
function testPersonBsns(count: number): string[] {
  const found: string[] = [];
  for (let n = 999_990_000; n <= 999_999_999 && found.length < count; n++) {
    const digits = String(n);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
    if ((sum - Number(digits[8])) % 11 === 0) found.push(digits);
  }
  return found;
}

function ok(result: HttpResult): boolean {
  return result.status >= 200 && result.status < 300;
}

export class CommandWorkload {
  /** Cases at their table, not being worked on right now. */
  private readonly atTable: BenchCase[] = [];
  /** Cases waiting for triage. */
  private readonly toTriage: BenchCase[] = [];
  private readonly tableById: Map<string, TableProfile>;
  /** Days from today to plan new sessions from (the tables meet every 14 days). */
  private readonly today: number;
  /** Cases given up after a failed command (their state is no longer known). */
  dropped = 0;
  /** Clients registered through POST /subjects before the run: a case can only be registered for one of them. */
  private readonly subjectIds: string[] = [];

  constructor(
    private readonly http: HttpClient,
    private readonly tokens: Tokens,
    private readonly tables: readonly TableProfile[],
    states: readonly CaseState[],
    private readonly idempotencyShare: number,
    now: number,
  ) {
    this.tableById = new Map(tables.map((t) => [t.id, t]));
    this.today = dayOf(now);
    for (const state of states) {
      const table = state.tableId ? this.tableById.get(state.tableId) : undefined;
      const model = table ? fromState(state, table) : null;
      if (!model) continue;
      (model.status === 'registered' ? this.toTriage : this.atTable).push(model);
    }
  }

  /**
   * Registers `count` clients (POST /subjects, test-person BSNs of the 99999xxxx range, no real data) before the
   * measured runs: registering a case needs a subject that was registered. Unmeasured.
   */
  async registerSubjects(count: number): Promise<void> {
    const table = this.tables[0];
    const bsns = testPersonBsns(count);
    // Sixteen at a time: a registration derives and wraps a key, which takes a while.
    for (let i = 0; i < bsns.length; i += 16) {
      const results = await Promise.all(
        bsns.slice(i, i + 16).map((bsn) =>
          this.http.request('POST', '/subjects', {
            token: this.tokens.coordinator(table.id),
            body: { name: `Benchmark client ${bsn.slice(-4)}`, bsn, birthDate: '1980-05-17' },
          }),
        ),
      );
      for (const result of results) {
        const subjectId = body(result).subjectId;
        if (!ok(result) || typeof subjectId !== 'string') {
          throw new Error(`POST /subjects answered ${result.status}: ${result.text.slice(0, 300)}`);
        }
        this.subjectIds.push(subjectId);
      }
    }
  }

  get casesAtTable(): number {
    return this.atTable.length;
  }

  get casesToTriage(): number {
    return this.toTriage.length;
  }

  /** One command, chosen by the mix; resolves with what was sent and the answer. */
  async step(rng: Prng): Promise<CommandOutcome> {
    const r = rng.next();
    if (r < 0.1 || this.atTable.length === 0) return this.register(rng);
    if (r < 0.2 && this.toTriage.length > 0) return this.triage(rng);
    const model = this.take(this.atTable, rng);
    try {
      if (r < 0.35) {
        const outcome = await this.addParty(model, rng);
        if (outcome) return outcome;
      }
      return await this.advance(model, rng);
    } finally {
      if (!model.dropped) this.atTable.push(model);
    }
  }

  private take<T>(list: T[], rng: Prng): T {
    const index = Math.floor(rng.next() * list.length);
    const item = list[index];
    list[index] = list[list.length - 1];
    list.pop();
    return item;
  }

  /** An Idempotency-Key must be new for every request, also across runs on the same data: never from the seed. */
  private headers(rng: Prng): Record<string, string> {
    return rng.chance(this.idempotencyShare) ? { 'idempotency-key': randomUUID() } : {};
  }

  private coordinator(model: { table: TableProfile }): string {
    return this.tokens.coordinator(model.table.id);
  }

  private async send(
    kind: CommandKind,
    path: string,
    token: string,
    rng: Prng,
    payload?: unknown,
  ): Promise<CommandOutcome> {
    const result = await this.http.request('POST', path, {
      token,
      body: payload,
      headers: this.headers(rng),
    });
    return { kind, result };
  }

  private async register(rng: Prng): Promise<CommandOutcome> {
    const table = rng.weighted(this.tables.map((t) => [t, t.weight] as const));
    const regiehouder = rng.pick(table.gemeenten);
    const caseType = rng.pick(['grensvlak', 'moeilijk-plaatsbaar', 'overig'] as const);
    const outcome = await this.send('register', '/cases', this.tokens.coordinator(table.id), rng, {
      caseType,
      urgency: rng.weighted<Urgency>([
        ['normaal', 60],
        ['hoog', 28],
        ['spoed', 12],
      ]),
      summary: summaryFor(caseType, rng),
      subjectId: rng.pick(this.subjectIds),
      tableId: table.id,
      aanbrengerCode: rng.pick(table.gemeenten).code,
      regiehouderCode: regiehouder.code,
    });
    const caseId = body(outcome.result).caseId;
    if (ok(outcome.result) && typeof caseId === 'string') {
      this.toTriage.push({
        caseId,
        table,
        regiehouderCode: regiehouder.code,
        insurerCode: rng.pick(table.insurers).code,
        status: 'registered',
        sessions: new Set(),
        undiscussed: [],
        categories: new Map(),
        gaps: [],
        proposed: [],
        requests: [],
        held: new Set(),
        adviseurs: new Set(),
        dropped: false,
      });
    }
    return outcome;
  }

  private async triage(rng: Prng): Promise<CommandOutcome> {
    const model = this.take(this.toTriage, rng);
    const outcome = await this.send('triage', `/cases/${model.caseId}/triage`, this.coordinator(model), rng, {
      outcome: 'accept-for-table',
      note: 'Agenderen voor de eerstvolgende tafel.',
    });
    if (ok(outcome.result)) {
      model.status = 'accepted';
      this.atTable.push(model);
    } else {
      this.drop(model);
    }
    return outcome;
  }

  private async addParty(model: BenchCase, rng: Prng): Promise<CommandOutcome | null> {
    const candidates = [...model.table.advisers, ...model.table.gemeenten, ...model.table.providers].filter(
      (o) => !model.adviseurs.has(o.code) && o.code !== model.regiehouderCode,
    );
    if (candidates.length === 0) return null;
    const party = rng.pick(candidates);
    const outcome = await this.send(
      'addParty',
      `/cases/${model.caseId}/parties`,
      this.coordinator(model),
      rng,
      {
        organisationCode: party.code,
        role: 'adviseur',
      },
    );
    if (ok(outcome.result)) model.adviseurs.add(party.code);
    else this.drop(model);
    return outcome;
  }

  /** The next step at the table: answer an open request, request a proposal, propose for a gap, discuss, agenda. */
  private async advance(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    if (model.requests.length > 0) return this.answer(model, rng);
    if (model.proposed.length > 0) return this.requestFinancier(model, rng);
    if (model.gaps.length > 0) return this.propose(model, rng);
    if (model.undiscussed.length > 0) return this.discuss(model, rng);
    return this.putOnAgenda(model, rng);
  }

  private drop(model: BenchCase): void {
    this.dropped++;
    model.dropped = true;
  }

  private async answer(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    const request = model.requests.shift()!;
    const accepting = request.immediate && !model.held.has(request.needId) && rng.chance(0.75);
    const path = `/cases/${model.caseId}/needs/${request.needId}/responsibility-requests/${request.requestId}`;
    const token = this.tokens.liaison(request.financierCode);
    const outcome = accepting
      ? await this.send('accept', `${path}/accept`, token, rng)
      : await this.send('reject', `${path}/reject`, token, rng, {
          reasonCode: 'other-law-applies',
          explanation: rng.pick(REJECTIONS),
        });
    if (!ok(outcome.result)) this.drop(model);
    else if (accepting) model.held.add(request.needId);
    else if (request.immediate && !model.held.has(request.needId)) {
      model.gaps.push({ needId: request.needId, tried: [request.lawDomain] });
    }
    return outcome;
  }

  private async requestFinancier(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    const proposal = model.proposed.shift()!;
    const outcome = await this.send(
      'request',
      `/cases/${model.caseId}/needs/${proposal.needId}/responsibility-requests`,
      this.coordinator(model),
      rng,
      { responsibilityId: proposal.responsibilityId, question: 'Kunt u deze zorg financieren?' },
    );
    const answer = body(outcome.result) as { ids?: { requestId?: string } };
    if (ok(outcome.result) && answer.ids?.requestId) {
      model.requests.push({
        needId: proposal.needId,
        requestId: answer.ids.requestId,
        lawDomain: proposal.lawDomain,
        financierCode: proposal.financierCode,
        immediate: true,
      });
    } else {
      this.drop(model);
    }
    return outcome;
  }

  private async propose(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    const gap = model.gaps.shift()!;
    const category = model.categories.get(gap.needId) ?? 'begeleiding';
    let lawDomain = usualLawDomain(category, false);
    if (gap.tried.includes(lawDomain)) lawDomain = alternativeLawDomain(gap.tried[gap.tried.length - 1]);
    // Jeugdwet needs grounds after 18; the benchmark proposes adult care.
    if (lawDomain === 'Jeugdwet') lawDomain = 'Wmo';
    const financierCode =
      lawDomain === 'Zvw'
        ? model.insurerCode
        : lawDomain === 'Wlz'
          ? model.table.zorgkantoor.code
          : model.regiehouderCode;
    const outcome = await this.send(
      'propose',
      `/cases/${model.caseId}/needs/${gap.needId}/responsibilities`,
      this.coordinator(model),
      rng,
      { lawDomain, financierCode, context: CONTEXT },
    );
    const answer = body(outcome.result) as { ids?: { responsibilityId?: string } };
    if (ok(outcome.result) && answer.ids?.responsibilityId) {
      model.proposed.push({
        needId: gap.needId,
        responsibilityId: answer.ids.responsibilityId,
        lawDomain,
        financierCode,
      });
    } else {
      this.drop(model);
    }
    return outcome;
  }

  private async discuss(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    const sessionId = model.undiscussed.shift()!;
    const categories = rng.sample(NEW_NEED_CATEGORIES, rng.int(1, 2));
    const outcome = await this.send(
      'discussion',
      `/cases/${model.caseId}/discussions`,
      this.coordinator(model),
      rng,
      {
        sessionId,
        presentOrganisationCodes: [...new Set([model.regiehouderCode, model.insurerCode])],
        agreements: rng.chance(0.5) ? [{ text: rng.pick(AGREEMENTS) }] : [],
        actions: rng.chance(0.3)
          ? [
              {
                description: rng.pick(ACTIONS),
                ownerOrganisationCode: model.regiehouderCode,
                dueDate: new Date((this.today + 14) * 86_400_000).toISOString().slice(0, 10),
              },
            ]
          : [],
        needsIdentified: categories.map((category) => ({ category })),
      },
    );
    const answer = body(outcome.result) as { ids?: { needIds?: string[] } };
    if (ok(outcome.result) && answer.ids?.needIds) {
      answer.ids.needIds.forEach((needId, i) => {
        model.categories.set(needId, categories[i]);
        model.gaps.push({ needId, tried: [] });
      });
    } else {
      this.drop(model);
    }
    return outcome;
  }

  private async putOnAgenda(model: BenchCase, rng: Prng): Promise<CommandOutcome> {
    let day = this.today + 1;
    let session = sessionOnOrAfter(model.table, day);
    while (model.sessions.has(session.sessionId)) {
      day += 14;
      session = sessionOnOrAfter(model.table, day);
    }
    const outcome = await this.send(
      'agenda',
      `/cases/${model.caseId}/agenda`,
      this.coordinator(model),
      rng,
      session,
    );
    model.sessions.add(session.sessionId);
    if (ok(outcome.result)) model.undiscussed.push(session.sessionId);
    else this.drop(model);
    return outcome;
  }
}
