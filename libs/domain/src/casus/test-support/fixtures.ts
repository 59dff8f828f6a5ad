/**
 * Builders shared by the casus specs: organisations with their Dutch codes, command metadata, commands with
 * sensible defaults, and `play`, which runs commands through the real decider to build a history.
 */
import { DeciderSpecification } from '../../testing';
import type { CommandMetadata } from '../../vocabulary';
import type { LawDomain } from '../../vocabulary';
import type { CaseCommand } from '../commands';
import type {
  AcceptResponsibility,
  ProposeResponsibility,
  RecordDiscussion,
  RegisterCase,
  RejectResponsibility,
  RequestFinancier,
} from '../commands';
import { caseDecider, decide, evolve, initialState } from '../decider';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import type { OrganisationRef } from '../types';
import type { ProposalContext } from '../wegwijzer-advice';

export const CASE_ID = 'case-7f3a';
export const SUBJECT_ID = 'subject-91c2';
export const TABLE_ID = 'maatwerktafel-utrecht';

function org(organisationId: string, kind: OrganisationRef['kind'], code: string): OrganisationRef {
  return { organisationId, kind, code };
}

export const ORG = {
  utrecht: org('org-gm0344', 'gemeente', 'GM0344'),
  tilburg: org('org-gm0855', 'gemeente', 'GM0855'),
  zilverenKruis: org('org-uzovi-3311', 'zorgverzekeraar', '3311'),
  vgz: org('org-uzovi-7095', 'zorgverzekeraar', '7095'),
  zorgkantoorUtrecht: org('org-zk-utrecht', 'zorgkantoor', 'ZK-UTRECHT'),
  ciz: org('org-ciz', 'CIZ', 'CIZ'),
  ggd: org('org-ggd-regio-utrecht', 'GGD', 'GGD-RU'),
  gi: org('org-gi-samen-veilig', 'GI', 'GI-SVM'),
  wijkteam: org('org-wijkteam-west', 'overig', 'WT-WEST'),
  lvbKliniek: org('org-agb-06010101', 'aanbieder', '06010101'),
  ggzInstelling: org('org-agb-22220001', 'aanbieder', '22220001'),
  moOpvang: org('org-agb-75750001', 'aanbieder', '75750001'),
};

export const LEVELS = {
  discussionWorkingDays: 10,
  liaisonAnswerWorkingDays: 5,
  escalationDecisionWorkingDays: 10,
};

/** Monday 3 March 2025, 09:00 Dutch time, plus whole days and hours. */
export function at(days: number, hours = 0): string {
  return new Date(Date.parse('2025-03-03T08:00:00Z') + (days * 24 + hours) * 3_600_000).toISOString();
}

export function meta(
  now: string,
  org: OrganisationRef = ORG.utrecht,
  role: CommandMetadata['role'] = 'coordinator',
) {
  return { userId: `user-${org.organisationId}`, role, organisationId: org.organisationId, now } as const;
}

export function liaison(org: OrganisationRef, now: string) {
  return meta(now, org, 'liaison');
}

/** An adult at home, no Wlz indicatie, no geneeskundige context: the wegwijzer says Wmo for persoonlijke verzorging. */
export const HOME: ProposalContext = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 52,
};

export function register(data: Partial<RegisterCase['data']> = {}, now = at(0)): RegisterCase {
  return {
    type: 'RegisterCase',
    data: {
      caseId: CASE_ID,
      caseType: 'grensvlak',
      urgency: 'normaal',
      summary: 'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
      subjectId: SUBJECT_ID,
      tableId: TABLE_ID,
      aanbrenger: ORG.wijkteam,
      regiehouder: ORG.utrecht,
      serviceLevels: LEVELS,
      ...data,
    },
    metadata: meta(now),
  };
}

export function acceptAtTriage(now = at(0, 1)): CaseCommand {
  return { type: 'TriageCase', data: { caseId: CASE_ID, outcome: 'accept-for-table' }, metadata: meta(now) };
}

export function putOnAgenda(
  sessionId = 'session-1',
  sessionDate = '2025-03-06',
  now = at(0, 2),
): CaseCommand {
  return { type: 'PutOnAgenda', data: { caseId: CASE_ID, sessionId, sessionDate }, metadata: meta(now) };
}

export function discuss(
  facts: Partial<Omit<RecordDiscussion['data'], 'caseId'>> = {},
  now = at(3),
): RecordDiscussion {
  return {
    type: 'RecordDiscussion',
    data: {
      caseId: CASE_ID,
      sessionId: 'session-1',
      presentOrganisationIds: [ORG.utrecht.organisationId, ORG.zilverenKruis.organisationId],
      ...facts,
    },
    metadata: meta(now),
  };
}

export function propose(
  needId: string,
  responsibilityId: string,
  lawDomain: LawDomain,
  financier: OrganisationRef,
  now: string,
  extra: Partial<ProposeResponsibility['data']> = {},
): ProposeResponsibility {
  return {
    type: 'ProposeResponsibility',
    data: { caseId: CASE_ID, needId, responsibilityId, lawDomain, financier, context: HOME, ...extra },
    metadata: meta(now),
  };
}

export function requestFinancier(responsibilityId: string, requestId: string, now: string): RequestFinancier {
  return {
    type: 'RequestFinancier',
    data: { caseId: CASE_ID, responsibilityId, requestId },
    metadata: meta(now),
  };
}

export function acceptBy(org: OrganisationRef, responsibilityId: string, now: string): AcceptResponsibility {
  return {
    type: 'AcceptResponsibility',
    data: { caseId: CASE_ID, responsibilityId },
    metadata: liaison(org, now),
  };
}

export function rejectBy(
  org: OrganisationRef,
  responsibilityId: string,
  now: string,
  extra: Partial<RejectResponsibility['data']> = {},
): RejectResponsibility {
  return {
    type: 'RejectResponsibility',
    data: {
      caseId: CASE_ID,
      responsibilityId,
      reasonCode: 'other-law-applies',
      explanation: 'Geen geneeskundige context: valt onder de Wmo.',
      ...extra,
    },
    metadata: liaison(org, now),
  };
}

/** Runs commands through the decider, one after the other, and returns every event. */
export function play(...commands: CaseCommand[]): CaseEvent[] {
  return playOn([], ...commands);
}

/** The history followed by the events of the commands, run one after the other on it. */
export function playOn(history: readonly CaseEvent[], ...commands: CaseCommand[]): CaseEvent[] {
  let state = stateOf(history);
  const events: CaseEvent[] = [...history];
  for (const command of commands) {
    const produced = decide(command, state);
    events.push(...produced);
    state = produced.reduce(evolve, state);
  }
  return events;
}

export function stateOf(events: readonly CaseEvent[]): CaseState {
  return events.reduce(evolve, initialState());
}

/** The usual start: registered, accepted at triage, on the agenda. */
export function atTheTable(data: Partial<RegisterCase['data']> = {}): CaseEvent[] {
  return play(register(data), acceptAtTriage(), putOnAgenda());
}

/** At the table and discussed, with a need for persoonlijke verzorging ('need-pv'). */
export function withNeed(data: Partial<RegisterCase['data']> = {}): CaseEvent[] {
  return playOn(
    atTheTable(data),
    discuss({ needsIdentified: [{ needId: 'need-pv', category: 'persoonlijke-verzorging' }] }),
  );
}

export const given = DeciderSpecification.for(caseDecider);
