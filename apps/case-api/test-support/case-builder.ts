import { registerSubject } from './subjects';
import { call, type TestApi, testToken } from './test-api';

/**
 * Builds cases for read-model tests through the real HTTP command endpoints (no events written by hand), and
 * checks every step succeeded. Each step answers the command's global position, for `minPosition`.
 */

export const utrechtCoordinator = testToken({
  role: 'coordinator',
  org: 'GM0344',
  tables: ['mwt-utrecht'],
  sub: 'coordinator-utrecht',
});
export const oostCoordinator = testToken({
  role: 'coordinator',
  org: 'GM0355',
  tables: ['ost-utrecht'],
  sub: 'coordinator-oost',
});
export const auditor = testToken({ role: 'auditor', org: 'AUDIT', sub: 'auditor' });
export const admin = testToken({ role: 'admin', org: 'BEHEER', sub: 'admin' });
export const liaisonOf = (org: string) => testToken({ role: 'liaison', org, sub: `liaison-${org}` });

/** An adult at home, no Wlz indicatie: the wegwijzer suggests Wmo for persoonlijke verzorging. */
const HOME = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 52,
};

export interface CaseSpec {
  readonly token?: string;
  readonly tableId?: string;
  readonly caseType?: string;
  readonly urgency?: string;
  readonly summary?: string;
  readonly aanbrengerCode?: string;
}

type Body = Record<string, unknown>;

async function ok(
  api: TestApi,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Body & { position: number; version: number }> {
  const response = await call(api, method, path, { token, body });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as Body & { position: number; version: number };
}

export class CaseBuilder {
  private constructor(
    private readonly api: TestApi,
    readonly caseId: string,
    readonly token: string,
    /** Global position of the last command's last event (pass as minPosition). */
    public position: number,
    /** The case version after the last command. */
    public version: number,
  ) {}

  /** Registers a new subject and a case for it (POST /cases) with the coordinator given (default: mwt-utrecht's). */
  static async register(api: TestApi, spec: CaseSpec = {}): Promise<CaseBuilder> {
    const token = spec.token ?? utrechtCoordinator;
    const created = await ok(api, 'POST', '/cases', token, {
      caseType: spec.caseType ?? 'grensvlak',
      urgency: spec.urgency ?? 'normaal',
      summary: spec.summary ?? 'Wijkverpleging of persoonlijke verzorging na ziekenhuisopname?',
      subjectId: await registerSubject(api, token),
      tableId: spec.tableId ?? 'mwt-utrecht',
      aanbrengerCode: spec.aanbrengerCode ?? 'GM0344',
      regiehouderCode: spec.aanbrengerCode ?? 'GM0344',
    });
    return new CaseBuilder(api, created.caseId as string, token, created.position, created.version);
  }

  private async post(path: string, body?: unknown, token = this.token): Promise<Body> {
    const response = await ok(this.api, 'POST', `/cases/${this.caseId}${path}`, token, body);
    this.position = response.position;
    this.version = response.version;
    return response;
  }

  async triage(): Promise<this> {
    await this.post('/triage', { outcome: 'accept-for-table' });
    return this;
  }

  async putOnAgenda(sessionDate: string): Promise<string> {
    const response = await this.post('/agenda', { sessionDate });
    return (response.ids as { sessionId: string }).sessionId;
  }

  /** Records a discussion of the session; answers the ids of the new needs and actions. */
  async discuss(
    sessionId: string,
    options: {
      readonly needs?: readonly string[];
      /** A text (shared with nobody), or a text and the organisation codes it is shared with. */
      readonly agreements?: readonly (string | { text: string; sharedWithOrganisationCodes: string[] })[];
      readonly actions?: readonly { description: string; ownerOrganisationCode: string; dueDate: string }[];
      readonly present?: readonly string[];
    },
  ): Promise<{ needIds: string[]; actionIds: string[]; agreementIds: string[] }> {
    const response = await this.post('/discussions', {
      sessionId,
      presentOrganisationCodes: options.present ?? ['GM0344'],
      needsIdentified: (options.needs ?? []).map((category) => ({ category })),
      agreements: (options.agreements ?? []).map((a) => (typeof a === 'string' ? { text: a } : a)),
      actions: options.actions ?? [],
    });
    return response.ids as { needIds: string[]; actionIds: string[]; agreementIds: string[] };
  }

  /** Proposes the Zvw for the need with the insurer given, and asks it to answer; answers the request id. */
  async askInsurer(
    needId: string,
    insurerCode: string,
  ): Promise<{ responsibilityId: string; requestId: string }> {
    const proposed = await this.post(`/needs/${needId}/responsibilities`, {
      lawDomain: 'Zvw',
      financierCode: insurerCode,
      context: HOME,
      deviationReason: 'Medische context na ziekenhuisopname: wijkverpleging via de Zvw.',
    });
    const { responsibilityId } = proposed.ids as { responsibilityId: string };
    const requested = await this.post(`/needs/${needId}/responsibility-requests`, { responsibilityId });
    return { responsibilityId, requestId: (requested.ids as { requestId: string }).requestId };
  }

  /** The insurer's liaison accepts the request. */
  async accept(needId: string, requestId: string, liaisonToken: string): Promise<this> {
    await this.post(`/needs/${needId}/responsibility-requests/${requestId}/accept`, undefined, liaisonToken);
    return this;
  }

  async escalate(needIds: readonly string[], question: string): Promise<string> {
    const functionaris = { organisationCode: 'GM0344', functionTitle: 'wethouder zorg' };
    const response = await this.post('/escalations', {
      level: 'opschaaltafel',
      reason: 'dispute-between-financiers',
      question,
      mandateHolder: functionaris,
      decisionOwner: functionaris,
      dueDate: '2026-03-27',
      needIds,
    });
    return (response.ids as { escalationId: string }).escalationId;
  }
}
