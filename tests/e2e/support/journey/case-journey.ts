import { E2E_CLIENT } from '../subjects';
import {
  type Caller,
  type CommandAnswer,
  type JourneyClient,
  UTRECHT_TABLE,
  coordinatorUtrecht,
  liaisonOf,
} from './http';

export type CaseType = 'moeilijk-plaatsbaar' | 'transitie-18-min-18-plus' | 'grensvlak' | 'overig';

export interface RegistrationInput {
  readonly caseType: CaseType;
  readonly urgency?: 'normaal' | 'hoog' | 'spoed';
  readonly summary: string;
  readonly subjectId?: string;
  readonly tableId?: string;
  readonly aanbrengerCode?: string;
  readonly regiehouderCode?: string;
}

/**
 * The body of POST /cases for a case at the Utrecht maatwerktafel, brought in and regiehouder: gemeente Utrecht,
 * for the registered subject given.
 */
export function registrationBody(input: RegistrationInput, subjectId: string): Record<string, unknown> {
  return {
    caseType: input.caseType,
    urgency: input.urgency ?? 'hoog',
    summary: input.summary,
    subjectId,
    tableId: input.tableId ?? UTRECHT_TABLE,
    aanbrengerCode: input.aanbrengerCode ?? 'GM0344',
    regiehouderCode: input.regiehouderCode ?? 'GM0344',
  };
}

/** Registers a made-up client (POST /subjects) as the coordinator given; answers its subject id. */
export async function registerSubject(client: JourneyClient, coordinator: Caller): Promise<string> {
  const answer = await client.post<{ subjectId: string }>(coordinator, '/subjects', E2E_CLIENT);
  if (answer.status !== 201) throw new Error(`POST /subjects answered ${answer.status}: ${answer.text}`);
  return answer.body.subjectId;
}

/** The facts the wegwijzer needs for a proposal (never a birth date). */
export interface WegwijzerContext {
  readonly wlzIndication: boolean;
  readonly ageOnDate?: number;
  readonly setting?: 'thuis' | 'instelling' | 'verblijf';
  readonly medicalContext?: boolean;
  readonly blijvend?: boolean;
}

export interface Proposal {
  readonly answer: CommandAnswer;
  readonly responsibilityId: string;
  readonly proposal: {
    readonly basis: string;
    readonly deviation: boolean;
    readonly wegwijzer: { readonly suggestedLawDomain: string | null; readonly ruleIds: readonly string[] };
  };
}

/**
 * One case driven over HTTP, command by command, with the ids the server hands out. Every method is one real
 * request; `last` is the answer of the most recent command (its version and global position).
 */
export class CaseJourney {
  last: CommandAnswer;

  private constructor(
    readonly client: JourneyClient,
    readonly caseId: string,
    registered: CommandAnswer,
    readonly coordinator: Caller,
  ) {
    this.last = registered;
  }

  /** Registers the case; without a subject id in `input`, first a new subject (POST /subjects) for it. */
  static async register(
    client: JourneyClient,
    input: RegistrationInput,
    coordinator: Caller = coordinatorUtrecht,
  ): Promise<CaseJourney> {
    const subjectId = input.subjectId ?? (await registerSubject(client, coordinator));
    const answer = await client.post<CommandAnswer>(
      coordinator,
      '/cases',
      registrationBody(input, subjectId),
    );
    if (answer.status !== 201) throw new Error(`POST /cases answered ${answer.status}: ${answer.text}`);
    if (answer.headers.get('location') !== `/cases/${answer.body.caseId}`) {
      throw new Error(`POST /cases answered location ${answer.headers.get('location')}`);
    }
    return new CaseJourney(client, answer.body.caseId, answer.body, coordinator);
  }

  /** Continues a case registered earlier (e.g. by another app instance on the same DATA_DIR). */
  static resume(
    client: JourneyClient,
    caseId: string,
    last: CommandAnswer,
    coordinator: Caller = coordinatorUtrecht,
  ): CaseJourney {
    return new CaseJourney(client, caseId, last, coordinator);
  }

  path(suffix = ''): string {
    return `/cases/${this.caseId}${suffix}`;
  }

  /** One command on this case by `caller` (the coordinator by default); it must succeed. */
  async run<A extends CommandAnswer = CommandAnswer>(
    suffix: string,
    body?: unknown,
    caller: Caller = this.coordinator,
  ): Promise<A> {
    const answer = await this.client.command<A>(caller, this.path(suffix), body);
    this.last = answer;
    return answer;
  }

  triage(): Promise<CommandAnswer> {
    return this.run('/triage', {
      outcome: 'accept-for-table',
      note: 'Agenderen voor de eerstvolgende tafel.',
    });
  }

  async putOnAgenda(sessionDate: string): Promise<string> {
    const answer = await this.run<CommandAnswer & { ids: { sessionId: string } }>('/agenda', { sessionDate });
    return answer.ids.sessionId;
  }

  /** Records the discussion; answers the server's need ids in the order the categories were given. */
  async discuss(input: {
    sessionId: string;
    present: readonly string[];
    needs: readonly string[];
    /** A text (shared with nobody), or a text and the organisation codes whose liaisons may read it. */
    agreements?: readonly (string | { text: string; sharedWithOrganisationCodes: readonly string[] })[];
    actions?: ReadonlyArray<{ description: string; ownerOrganisationCode: string; dueDate: string }>;
  }): Promise<string[]> {
    const answer = await this.run<CommandAnswer & { ids: { needIds: string[] } }>('/discussions', {
      sessionId: input.sessionId,
      presentOrganisationCodes: input.present,
      agreements: (input.agreements ?? []).map((a) => (typeof a === 'string' ? { text: a } : a)),
      actions: input.actions ?? [],
      needsIdentified: input.needs.map((category) => ({ category })),
    });
    return answer.ids.needIds;
  }

  async propose(
    needId: string,
    lawDomain: string,
    financierCode: string,
    context: WegwijzerContext,
    deviationReason?: string,
  ): Promise<Proposal> {
    const answer = await this.run<CommandAnswer & Omit<Proposal, 'answer' | 'responsibilityId'>>(
      `/needs/${needId}/responsibilities`,
      { lawDomain, financierCode, context, ...(deviationReason ? { deviationReason } : {}) },
    );
    const ids = answer.ids as { responsibilityId: string };
    return { answer, responsibilityId: ids.responsibilityId, proposal: answer.proposal };
  }

  /** Asks the financier of a proposal; answers the request id its liaison answers. */
  async requestFinancier(needId: string, responsibilityId: string, question: string): Promise<string> {
    const answer = await this.run(`/needs/${needId}/responsibility-requests`, { responsibilityId, question });
    return (answer.ids as { requestId: string }).requestId;
  }

  /** The liaison of `financierCode` accepts (no body). */
  acceptAs(financierCode: string, needId: string, requestId: string): Promise<CommandAnswer> {
    return this.run(
      `/needs/${needId}/responsibility-requests/${requestId}/accept`,
      undefined,
      liaisonOf(financierCode),
    );
  }

  rejectAs(
    financierCode: string,
    needId: string,
    requestId: string,
    reason: { reasonCode: string; explanation: string; referralLawDomain?: string },
  ): Promise<CommandAnswer> {
    return this.run(
      `/needs/${needId}/responsibility-requests/${requestId}/reject`,
      reason,
      liaisonOf(financierCode),
    );
  }

  async escalate(body: Record<string, unknown>): Promise<string> {
    const answer = await this.run('/escalations', body);
    return (answer.ids as { escalationId: string }).escalationId;
  }

  async decide(escalationId: string, body: Record<string, unknown>, caller?: Caller): Promise<string> {
    const answer = await this.run(`/escalations/${escalationId}/decision`, body, caller);
    return (answer.ids as { decisionId: string }).decisionId;
  }

  async requestOffer(needId: string, providerCode: string, question: string): Promise<string> {
    const answer = await this.run('/offers', { needId, providerCode, question });
    return (answer.ids as { offerId: string }).offerId;
  }

  async startPlacement(offerId: string, startDate: string): Promise<string> {
    const answer = await this.run('/placements', { offerId, startDate });
    return (answer.ids as { placementId: string }).placementId;
  }
}
