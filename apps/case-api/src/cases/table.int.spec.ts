import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { containsBsn } from '@casusregie/domain';
import { registerTriagedCase } from '../../test-support/case-setup';
import { registerSubject } from '../../test-support/subjects';
import { call, startTestApi, testToken, type TestApi } from '../../test-support/test-api';

const coordinator = testToken({ role: 'coordinator', org: 'GM0344', tables: ['mwt-utrecht'] });
const otherTableCoordinator = testToken({ role: 'coordinator', org: 'GM0355', tables: ['ost-utrecht'] });
const liaison = testToken({ role: 'liaison', org: '3311' });

/** A grensvlak case registered and accepted at triage at mwt-utrecht. */
const acceptedCase = (api: TestApi) =>
  registerTriagedCase(api, coordinator, {
    caseType: 'grensvlak',
    urgency: 'normaal',
    summary: 'Wijkverpleging of persoonlijke verzorging na ziekenhuisopname?',
  });

async function streamOf(api: TestApi, caseId: string) {
  return api.store.readStream(`case-${caseId}`);
}

async function typesAfter(api: TestApi, caseId: string, version: number): Promise<string[]> {
  return (await streamOf(api, caseId)).slice(version).map((e) => e.type);
}

function fieldsOf(body: Record<string, unknown>): string[] {
  return (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
}

const discussion = (sessionId = 'session-2026-03-05') => ({
  sessionId,
  presentOrganisationCodes: ['GM0344', '3311'],
  agreements: [{ text: 'Gemeente en zorgverzekeraar verkennen samen de inzet van wijkverpleging.' }],
  actions: [
    {
      description: 'Indicatie wijkverpleging aanvragen.',
      ownerOrganisationCode: '3311',
      dueDate: '2026-03-12',
    },
  ],
  needsIdentified: [
    { category: 'persoonlijke-verzorging' },
    { category: 'verblijf', jeugdhulpKader: 'pleegzorg' },
  ],
});

describe('the table over HTTP: agenda, discussion, actions', () => {
  let api: TestApi;
  let caseId: string;
  beforeEach(async () => {
    api = await startTestApi();
    caseId = await acceptedCase(api);
  });
  afterEach(() => api.close());

  describe('POST /cases/{caseId}/agenda', () => {
    it('puts the case on the agenda of a session; the session id defaults to the date', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-05' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        caseId,
        version: before + 1,
        ids: { sessionId: 'session-2026-03-05' },
      });
      expect(response.headers.get('etag')).toBe(`"${before + 1}"`);
      const [event] = (await streamOf(api, caseId)).slice(before);
      expect(event.type).toBe('casus.CasePutOnAgenda.v1');
      expect(event.data).toMatchObject({
        caseId,
        tableId: 'mwt-utrecht',
        sessionId: 'session-2026-03-05',
        sessionDate: '2026-03-05',
      });
      expect(event.metadata.actor).toMatchObject({ role: 'coordinator', organisationId: 'GM0344' });
    });

    it('takes a session id from the client', async () => {
      const response = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-05', sessionId: 'mwt-2026-03-05-middag' },
      });
      expect(response.status).toBe(200);
      expect((response.body.ids as { sessionId: string }).sessionId).toBe('mwt-2026-03-05-middag');
      const [event] = (await streamOf(api, caseId)).slice(-1);
      expect(event.data).toMatchObject({ sessionId: 'mwt-2026-03-05-middag' });
    });

    it('refuses bad input with 400 naming each field, and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-02-30', sessionId: ' spaces ', extra: 1 },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(response.body)).toEqual(['extra', 'sessionDate', 'sessionId']);
      const timeOfDay = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-05T10:00:00Z' },
      });
      expect(timeOfDay.status).toBe(400);
      // The same message for every date field of every command (cf. the deadline extension in group B).
      expect(timeOfDay.body.errors).toEqual([
        { field: 'sessionDate', messages: ['sessionDate must be an existing calendar date (YYYY-MM-DD)'] },
      ]);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses the same session twice (409) and a case not accepted at triage (409)', async () => {
      const body = { sessionDate: '2026-03-05' };
      expect((await call(api, 'POST', `/cases/${caseId}/agenda`, { token: coordinator, body })).status).toBe(
        200,
      );
      const again = await call(api, 'POST', `/cases/${caseId}/agenda`, { token: coordinator, body });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('session-already-on-agenda');

      const created = await call(api, 'POST', '/cases', {
        token: coordinator,
        body: {
          caseType: 'overig',
          urgency: 'normaal',
          summary: 'Nog niet getrieerd.',
          subjectId: await registerSubject(api, coordinator),
          tableId: 'mwt-utrecht',
          aanbrengerCode: 'GM0344',
          regiehouderCode: 'GM0344',
        },
      });
      const untriaged = await call(api, 'POST', `/cases/${created.body.caseId}/agenda`, {
        token: coordinator,
        body,
      });
      expect(untriaged.status).toBe(409);
      expect(untriaged.body.code).toBe('case-not-triaged');
    });

    it('answers 404 for an unknown case and a case of another table; 403 for a liaison; 400 for a bad case id', async () => {
      const body = { sessionDate: '2026-03-05' };
      const unknown = await call(api, 'POST', `/cases/${randomUUID()}/agenda`, { token: coordinator, body });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('case-not-registered');
      const otherTable = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: otherTableCoordinator,
        body,
      });
      expect(otherTable.status).toBe(404);
      expect(otherTable.body.code).toBe('case-not-found');
      const byLiaison = await call(api, 'POST', `/cases/${caseId}/agenda`, { token: liaison, body });
      expect(byLiaison.status).toBe(403);
      const badId = await call(api, 'POST', `/cases/not-a-case/agenda`, { token: coordinator, body });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['caseId']);
    });
  });

  describe('POST /cases/{caseId}/discussions', () => {
    beforeEach(async () => {
      const agenda = await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-05' },
      });
      expect(agenda.status).toBe(200);
    });

    it('records presence, agreements, actions and needs, with server ids answered in order', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
      });
      expect(response.status).toBe(200);
      const ids = response.body.ids as { agreementIds: string[]; actionIds: string[]; needIds: string[] };
      expect(ids.agreementIds).toHaveLength(1);
      expect(ids.actionIds).toHaveLength(1);
      expect(ids.needIds).toHaveLength(2);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual([
        'casus.DiscussionRecorded.v1',
        'casus.AgreementRecorded.v1',
        'casus.ActionAssigned.v1',
        'casus.NeedIdentified.v1',
        'casus.NeedIdentified.v1',
      ]);
      expect(events.map((e) => e.eventId)).toEqual(
        (response.body.events as Array<{ eventId: string }>).map((e) => e.eventId),
      );
      expect(events[0].data).toMatchObject({
        sessionId: 'session-2026-03-05',
        presentOrganisationIds: ['GM0344', '3311'],
      });
      expect(events[1].data).toMatchObject({ agreementId: ids.agreementIds[0] });
      expect(events[2].data).toMatchObject({
        actionId: ids.actionIds[0],
        ownerOrganisationId: '3311',
        dueDate: '2026-03-12',
      });
      expect(events[3].data).toMatchObject({
        needId: ids.needIds[0],
        category: 'persoonlijke-verzorging',
        jeugdhulpKader: null,
      });
      expect(events[4].data).toMatchObject({
        needId: ids.needIds[1],
        category: 'verblijf',
        jeugdhulpKader: 'pleegzorg',
      });
    });

    it('changes and ends needs at a later session', async () => {
      const first = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
      });
      const [pv, verblijf] = (first.body.ids as { needIds: string[] }).needIds;
      await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-12' },
      });
      const before = (await streamOf(api, caseId)).length;
      const second = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: {
          sessionId: 'session-2026-03-12',
          presentOrganisationCodes: ['GM0344'],
          needsChanged: [
            { needId: pv, category: 'verpleging', reason: 'Na overleg blijkt het om verpleging te gaan.' },
          ],
          needsEnded: [{ needId: verblijf, reason: 'Niet meer nodig.' }],
        },
      });
      expect(second.status).toBe(200);
      expect(second.body.ids).toEqual({ agreementIds: [], actionIds: [], needIds: [] });
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => e.type)).toEqual([
        'casus.DiscussionRecorded.v1',
        'casus.NeedChanged.v1',
        'casus.NeedEnded.v1',
      ]);
      expect(events[1].data).toMatchObject({ needId: pv, category: 'verpleging' });
      expect(events[2].data).toMatchObject({ needId: verblijf, endedResponsibilityIds: [] });
    });

    it('refuses bad input with 400 naming nested fields, and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: {
          sessionId: 'session-2026-03-05',
          presentOrganisationCodes: [],
          agreements: [{ text: '   ' }],
          actions: [
            {
              description: 'x'.repeat(2001),
              ownerOrganisationCode: '3311',
              dueDate: '12-03-2026',
              owner: 'x',
            },
          ],
          needsIdentified: [{ category: 'kapper' }],
          needsChanged: [{ needId: 'need-1', category: 'verpleging', reason: 'r' }],
          needsEnded: 'all',
        },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([
        'actions.0.description',
        'actions.0.dueDate',
        'actions.0.owner',
        'agreements.0.text',
        'needsChanged.0.needId',
        'needsEnded',
        'needsIdentified.0.category',
        'presentOrganisationCodes',
      ]);
      const tooMany = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: { ...discussion(), needsIdentified: Array.from({ length: 51 }, () => ({ category: 'wonen' })) },
      });
      expect(tooMany.status).toBe(400);
      expect(fieldsOf(tooMany.body)).toEqual(['needsIdentified']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses an unknown organisation code with 422 and stores nothing', async () => {
      const head = await api.store.headPosition();
      const response = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: { ...discussion(), presentOrganisationCodes: ['GM0344', 'GM9999'] },
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('unknown-reference');
      expect(fieldsOf(response.body)).toEqual(['presentOrganisationCodes.1']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses domain violations with their codes', async () => {
      const before = (await streamOf(api, caseId)).length;
      const noSession = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion('session-2026-04-01'),
      });
      expect(noSession.status).toBe(404);
      expect(noSession.body.code).toBe('session-not-found');
      const duplicatePresence = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: { ...discussion(), presentOrganisationCodes: ['GM0344', 'GM0344'] },
      });
      expect(duplicatePresence.status).toBe(409);
      expect(duplicatePresence.body.code).toBe('duplicate-id');
      const bsn = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: { ...discussion(), agreements: [{ text: 'Cliënt met BSN 111222333 krijgt begeleiding.' }] },
      });
      expect(bsn.status).toBe(422);
      expect(bsn.body.code).toBe('possible-personal-data');
      const unknownNeed = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: { ...discussion(), needsEnded: [{ needId: randomUUID(), reason: 'Niet meer nodig.' }] },
      });
      expect(unknownNeed.status).toBe(404);
      expect(unknownNeed.body.code).toBe('need-not-found');
      expect(await typesAfter(api, caseId, before)).toEqual([]);

      expect(
        (await call(api, 'POST', `/cases/${caseId}/discussions`, { token: coordinator, body: discussion() }))
          .status,
      ).toBe(200);
      const twice = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('session-already-discussed');
    });

    it('is for coordinators of the table only', async () => {
      const byLiaison = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: liaison,
        body: discussion(),
      });
      expect(byLiaison.status).toBe(403);
      const otherTable = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: otherTableCoordinator,
        body: discussion(),
      });
      expect(otherTable.status).toBe(404);
    });

    it('gives the same ids on a retry with the same Idempotency-Key, and stores the discussion once', async () => {
      const headers = { 'idempotency-key': 'discussion-2026-03-05' };
      const first = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
        headers,
      });
      expect(first.status).toBe(200);
      const head = await api.store.headPosition();
      const second = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
        headers,
      });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(await api.store.headPosition()).toBe(head);
      const needs = (await streamOf(api, caseId)).filter((e) => e.type === 'casus.NeedIdentified.v1');
      const needIds = (first.body.ids as { needIds: string[] }).needIds;
      expect(needs.map((e) => (e.data as { needId: string }).needId)).toEqual(needIds);
      // Ids derived from the key are UUIDs like any other: usable in the paths that name them.
      const proposed = await call(api, 'POST', `/cases/${caseId}/needs/${needIds[0]}/responsibilities`, {
        token: coordinator,
        body: { lawDomain: 'Wmo', financierCode: 'GM0344', context: { wlzIndication: false } },
      });
      expect(proposed.status).toBe(200);
    });
  });

  describe('POST /cases/{caseId}/actions/{actionId}/complete', () => {
    let actionId: string;
    beforeEach(async () => {
      await call(api, 'POST', `/cases/${caseId}/agenda`, {
        token: coordinator,
        body: { sessionDate: '2026-03-05' },
      });
      const recorded = await call(api, 'POST', `/cases/${caseId}/discussions`, {
        token: coordinator,
        body: discussion(),
      });
      actionId = (recorded.body.ids as { actionIds: string[] }).actionIds[0];
    });

    it('marks the action done', async () => {
      const before = (await streamOf(api, caseId)).length;
      const response = await call(api, 'POST', `/cases/${caseId}/actions/${actionId}/complete`, {
        token: coordinator,
      });
      expect(response.status).toBe(200);
      const events = (await streamOf(api, caseId)).slice(before);
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ['casus.ActionCompleted.v1', { caseId, actionId, occurredAt: '2026-03-02T09:00:00.000Z' }],
      ]);
    });

    it('refuses a bad id (400), an unknown action (404), an action done (409) and a liaison (403)', async () => {
      const badId = await call(api, 'POST', `/cases/${caseId}/actions/act-1/complete`, {
        token: coordinator,
      });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['actionId']);
      const unknown = await call(api, 'POST', `/cases/${caseId}/actions/${randomUUID()}/complete`, {
        token: coordinator,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('action-not-found');
      const byLiaison = await call(api, 'POST', `/cases/${caseId}/actions/${actionId}/complete`, {
        token: liaison,
      });
      expect(byLiaison.status).toBe(403);
      expect(
        (await call(api, 'POST', `/cases/${caseId}/actions/${actionId}/complete`, { token: coordinator }))
          .status,
      ).toBe(200);
      const again = await call(api, 'POST', `/cases/${caseId}/actions/${actionId}/complete`, {
        token: coordinator,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('action-already-done');
    });
  });
});

/** The OpenAPI operations of this group (table, responsibility, statutory, transition). */
const GROUP_A_OPERATIONS: ReadonlyArray<readonly [string, string]> = [
  ['post', '/cases/{caseId}/agenda'],
  ['post', '/cases/{caseId}/discussions'],
  ['post', '/cases/{caseId}/actions/{actionId}/complete'],
  ['post', '/cases/{caseId}/needs/{needId}/responsibilities'],
  ['post', '/cases/{caseId}/needs/{needId}/responsibility-requests'],
  ['post', '/cases/{caseId}/needs/{needId}/responsibility-requests/{requestId}/accept'],
  ['post', '/cases/{caseId}/needs/{needId}/responsibility-requests/{requestId}/reject'],
  ['post', '/cases/{caseId}/needs/{needId}/responsibilities/{responsibilityId}/end'],
  ['post', '/cases/{caseId}/statutory-applications'],
  ['post', '/cases/{caseId}/statutory-applications/{applicationId}/decision'],
  ['post', '/cases/{caseId}/transition-plan'],
  ['post', '/cases/{caseId}/eighteenth-birthday'],
];

interface Operation {
  readonly summary?: string;
  readonly security?: unknown;
  readonly parameters: Array<{ readonly in: string; readonly name: string }>;
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Schema }> };
  readonly responses: Record<string, { readonly content: Record<string, { readonly schema: Schema }> }>;
}

interface Schema {
  readonly $ref?: string;
  readonly example?: unknown;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema & { readonly oneOf?: Schema[] };
}

describe('OpenAPI of the table, responsibility, statutory and transition endpoints', () => {
  it('documents each with a summary, the command headers, an example answer, and request examples without personal data', async () => {
    const api = await startTestApi();
    try {
      const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().addBearerAuth().build());
      const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
      const bodies = new Set<string>();
      const collect = (schema: Schema | undefined): void => {
        const refs = [schema?.$ref, schema?.items?.$ref, ...(schema?.items?.oneOf ?? []).map((s) => s.$ref)];
        for (const ref of refs) {
          const name = ref?.split('/').at(-1);
          if (!name || bodies.has(name)) continue;
          bodies.add(name);
          Object.values(schemas[name].properties ?? {}).forEach(collect);
        }
      };
      for (const [method, path] of GROUP_A_OPERATIONS) {
        const operation = (document.paths[path] as unknown as Record<string, Operation> | undefined)?.[
          method
        ];
        expect(operation).toBeDefined();
        expect(operation!.summary).toEqual(expect.any(String));
        expect(operation!.security).toEqual([{ bearer: [] }]);
        const headers = operation!.parameters.filter((p) => p.in === 'header').map((p) => p.name);
        expect(headers).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
        expect(operation!.responses['200'].content['application/json'].schema.example).toMatchObject({
          version: expect.any(Number),
          position: expect.any(Number),
        });
        collect(operation!.requestBody?.content['application/json'].schema);
      }
      expect([...bodies].sort()).toEqual([
        'ActionInputDto',
        'AgreementInputDto',
        'EndResponsibilityDto',
        'EndingRouteDto',
        'NeedChangedDto',
        'NeedEndedDto',
        'NeedIdentifiedDto',
        'ProposeResponsibilityDto',
        'PutOnAgendaDto',
        'RecordDiscussionDto',
        'RecordStatutoryApplicationDto',
        'RecordStatutoryDecisionDto',
        'RecordTransitionPlanDto',
        'RejectResponsibilityDto',
        'RequestFinancierDto',
        'SuccessorRouteDto',
        'VerlengdeJeugdhulpRouteDto',
        'WegwijzerContextDto',
      ]);
      for (const name of bodies) {
        for (const [property, schema] of Object.entries(schemas[name].properties ?? {})) {
          const documented = schema.example !== undefined || schema.$ref !== undefined || schema.items?.$ref;
          expect([name, property, Boolean(documented)]).toEqual([name, property, true]);
        }
      }
      const examples = JSON.stringify([...bodies].map((name) => schemas[name]));
      expect(containsBsn(examples)).toBe(false);
      expect(examples).not.toMatch(/birthDate|geboortedatum|bsn/i);
    } finally {
      await api.close();
    }
  });
});
