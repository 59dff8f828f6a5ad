import { randomUUID } from 'node:crypto';
import { type CaseCommand, type CommandMetadata, decide, foldCase } from '@casusregie/domain';
import { registerSubject } from './subjects';
import { call, type TestApi } from './test-api';

/**
 * Setting up cases for the case command int specs: a case registered and triaged over HTTP, discussed at the
 * table over HTTP, or brought to a state by running domain commands straight through the decider (for the steps
 * of another endpoint group). `token` is the coordinator who registers, triages and discusses: one of GM0344 at
 * mwt-utrecht, the table and organisations the registration names.
 */

/** What a spec chooses about the case it registers; the rest of the POST /cases body is the same for all. */
export interface CaseRegistration {
  readonly caseType: string;
  readonly urgency: string;
  readonly summary: string;
}

/**
 * Registers a new subject and a case for it at mwt-utrecht (aanbrenger and regiehouder GM0344) over HTTP; answers
 * the case id.
 */
async function registerCase(api: TestApi, token: string, registration: CaseRegistration): Promise<string> {
  const created = await call(api, 'POST', '/cases', {
    token,
    body: {
      caseType: registration.caseType,
      urgency: registration.urgency,
      summary: registration.summary,
      subjectId: await registerSubject(api, token),
      tableId: 'mwt-utrecht',
      aanbrengerCode: 'GM0344',
      regiehouderCode: 'GM0344',
    },
  });
  return created.body.caseId as string;
}

/** Accepts the case at triage (accept-for-table) over HTTP, and expects a 200. */
export async function acceptAtTriage(api: TestApi, token: string, caseId: string): Promise<void> {
  const triaged = await call(api, 'POST', `/cases/${caseId}/triage`, {
    token,
    body: { outcome: 'accept-for-table' },
  });
  expect(triaged.status).toBe(200);
}

/** Registered and accepted at triage over HTTP; answers the case id. */
export async function registerTriagedCase(
  api: TestApi,
  token: string,
  registration: CaseRegistration,
): Promise<string> {
  const caseId = await registerCase(api, token, registration);
  await acceptAtTriage(api, token, caseId);
  return caseId;
}

/** What the table records at a session over HTTP: who was present and the needs it identified. */
export interface TableDiscussion {
  readonly presentOrganisationCodes: readonly string[];
  readonly needsIdentified: ReadonlyArray<Record<string, string>>;
}

/**
 * Puts a triaged case on the agenda of session-2026-03-05 (Thursday 5 March 2026) and records its discussion
 * there, over HTTP, expecting a 200 for each; answers the ids the server gave the needs, in the order given.
 */
export async function discussAtTable(
  api: TestApi,
  token: string,
  caseId: string,
  discussion: TableDiscussion,
): Promise<string[]> {
  const agenda = await call(api, 'POST', `/cases/${caseId}/agenda`, {
    token,
    body: { sessionDate: '2026-03-05' },
  });
  expect(agenda.status).toBe(200);
  const discussed = await call(api, 'POST', `/cases/${caseId}/discussions`, {
    token,
    body: {
      sessionId: 'session-2026-03-05',
      presentOrganisationCodes: discussion.presentOrganisationCodes,
      needsIdentified: discussion.needsIdentified,
    },
  });
  expect(discussed.status).toBe(200);
  return (discussed.body.ids as { needIds: string[] }).needIds;
}

/** The metadata of a seeded command: user u-seed of the organisation (GM0344) in the role (coordinator). */
export function seedMetadata(
  now: string,
  organisationId = 'GM0344',
  role: CommandMetadata['role'] = 'coordinator',
): CommandMetadata {
  return { userId: 'u-seed', role, organisationId, now };
}

/**
 * Runs domain commands straight through the decider and appends their events to the case's stream, one command
 * after the other, each at the clock's current time: for the steps of another endpoint group.
 */
export async function seed(api: TestApi, caseId: string, ...commands: Array<(now: string) => CaseCommand>) {
  const streamId = `case-${caseId}`;
  for (const build of commands) {
    const history = await api.store.readStream(streamId);
    const now = api.clock.now().toISOString();
    const command = build(now);
    const events = decide(command, foldCase(history));
    const { userId, role, organisationId } = command.metadata;
    await api.store.append(
      streamId,
      events.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: { userId, role, organisationId },
          correlationId: 'seed',
          causationId: 'seed',
          occurredAt: now,
          schemaVersion: 1,
        },
      })),
      history.length,
    );
  }
}

type RecordDiscussionData = Extract<CaseCommand, { type: 'RecordDiscussion' }>['data'];

/**
 * Seeds the agenda and the discussion of a triaged case: on the agenda of session-1 (5 March 2026), then
 * discussed there with the organisations present and the needs (with their ids) given, by the seed coordinator.
 */
export async function seedDiscussion(
  api: TestApi,
  caseId: string,
  discussion: Pick<RecordDiscussionData, 'presentOrganisationIds' | 'needsIdentified'>,
): Promise<void> {
  await seed(
    api,
    caseId,
    (now) => ({
      type: 'PutOnAgenda',
      data: { caseId, sessionId: 'session-1', sessionDate: '2026-03-05' },
      metadata: seedMetadata(now),
    }),
    (now) => ({
      type: 'RecordDiscussion',
      data: {
        caseId,
        sessionId: 'session-1',
        presentOrganisationIds: discussion.presentOrganisationIds,
        ...(discussion.needsIdentified === undefined ? {} : { needsIdentified: discussion.needsIdentified }),
      },
      metadata: seedMetadata(now),
    }),
  );
}
