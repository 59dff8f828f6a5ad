import { randomUUID } from 'node:crypto';
import { type EmbeddedApp, startEmbeddedApp } from './support/embedded-app';
import { CaseJourney, registrationBody } from './support/journey/case-journey';
import {
  type Caller,
  type CommandAnswer,
  type HttpAnswer,
  JourneyClient,
  type Problem,
  type RawRequest,
  coordinatorUtrecht,
  isProblemJson,
  liaisonOf,
} from './support/journey/http';
import {
  type CommandOperation,
  type OpenApiDocument,
  commandOperations,
  exampleBody,
  bodyFields,
  isString,
  openApiDocument,
  withValueAt,
  wrongTypeFor,
} from './support/journey/openapi-bodies';

/** One bad request to one command, and what it must answer. */
interface BadRequest {
  readonly label: string;
  readonly init: RawRequest;
  /** The exact status; any 4xx when absent. */
  readonly status?: number;
  /** A 400 must name this field (or a field inside it) in `errors`. */
  readonly names?: string;
  /** The problem's code. */
  readonly code?: string;
}

/**
 * Bad input on every command of the OpenAPI document (every POST and PUT): malformed JSON, other media types,
 * oversized bodies, bodies that are not objects, and per body field: missing, of the wrong type, oversized text,
 * plus unknown fields. Each answer must be a 4xx problem+json (never 5xx), and the event store's head position
 * must not move. Path parameters are real ids of a case that is at the table (so that a valid body would reach
 * the domain), fresh UUIDs for ids the case does not have. Callers have the permission the operation declares,
 * so that validation, not authorization, answers.
 */
describe('bad input on every command gives a 4xx problem and stores nothing', () => {
  let embedded: EmbeddedApp;
  let client: JourneyClient;
  let document: OpenApiDocument;
  let operations: CommandOperation[];
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    embedded = await startEmbeddedApp();
    client = new JourneyClient(embedded);
    document = await openApiDocument(embedded.url);
    operations = commandOperations(document);
  });

  // Each walk gets a case of its own, so that a command wrongly executed in one walk cannot change what another
  // walk sees.
  beforeEach(async () => {
    const casus = await CaseJourney.register(client, {
      caseType: 'grensvlak',
      summary: 'Casus voor de test met foute invoer.',
    });
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-05');
    const discussion = await casus.run<CommandAnswer & { ids: { needIds: string[]; actionIds: string[] } }>(
      '/discussions',
      {
        sessionId,
        presentOrganisationCodes: ['GM0344', '3311'],
        needsIdentified: [{ category: 'persoonlijke-verzorging' }],
        actions: [
          { description: 'Indicatie aanvragen.', ownerOrganisationCode: 'GM0344', dueDate: '2026-03-12' },
        ],
      },
    );
    const [needId] = discussion.ids.needIds;
    const [actionId] = discussion.ids.actionIds;
    const proposal = await casus.propose(needId, 'Zvw', '3311', {
      wlzIndication: false,
      medicalContext: true,
    });
    const requestId = await casus.requestFinancier(needId, proposal.responsibilityId, 'Neemt u dit op?');
    Object.assign(realIds, {
      caseId: casus.caseId,
      needId,
      actionId,
      deadlineId: `action-due:${actionId}`,
      requestId,
      responsibilityId: proposal.responsibilityId,
    });
  });
  afterAll(() => embedded.close({ removeData: true }));

  const pathOf = (operation: CommandOperation) =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(realIds[name] ?? randomUUID()),
    );

  /** A caller with the permission the operation declares: a financier's liaison answers, coordinators command. */
  const callerFor = (operation: CommandOperation): Caller =>
    operation.permission === 'responsibility.answer' ? liaisonOf('3311') : coordinatorUtrecht;

  const json = (body: unknown): RawRequest => ({
    rawBody: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

  /** Sends each bad request; answers one line per request that was mishandled, saying how. */
  async function walk(cases: (operation: CommandOperation) => BadRequest[]): Promise<string[]> {
    const mismatches: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      for (const bad of cases(operation)) {
        const head = await embedded.store.headPosition();
        const answer: HttpAnswer<Problem> = await client.request<Problem>(
          callerFor(operation),
          pathOf(operation),
          { method: operation.method, ...bad.init },
        );
        sent += 1;
        const wrong: string[] = [];
        if ((await embedded.store.headPosition()) !== head) wrong.push('STORED EVENTS');
        if (answer.status < 400 || answer.status >= 500) wrong.push(`answered ${answer.status}`);
        else if (bad.status !== undefined && answer.status !== bad.status) {
          wrong.push(`answered ${answer.status} ${answer.body?.code ?? ''} instead of ${bad.status}`);
        }
        if (!isProblemJson(answer)) wrong.push(`content-type ${answer.contentType}`);
        if (bad.code !== undefined && answer.body?.code !== bad.code) {
          wrong.push(`code ${answer.body?.code}, not ${bad.code}`);
        }
        if (bad.names !== undefined && answer.status === 400) {
          const fields = (answer.body?.errors ?? []).map((e) => e.field);
          if (!fields.some((f) => f === bad.names || f.startsWith(`${bad.names}.`))) {
            wrong.push(`errors name ${JSON.stringify(fields)}, not ${bad.names}`);
          }
        }
        if (wrong.length > 0) {
          mismatches.push(`${operation.method} ${operation.path} [${bad.label}]: ${wrong.join('; ')}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(0);
    return mismatches;
  }

  const withBody = (operation: CommandOperation) => operation.body !== null;

  it('walks every command of the OpenAPI document, bodies and no-body commands alike', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.filter(withBody).length).toBeGreaterThanOrEqual(25);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'POST /cases',
        'POST /cases/{caseId}/discussions',
        'POST /cases/{caseId}/escalations/{escalationId}/decision',
        'POST /cases/{caseId}/needs/{needId}/responsibility-requests/{requestId}/accept',
        'POST /cases/{caseId}/eighteenth-birthday',
      ]),
    );
  });

  it('malformed JSON is a 400', async () => {
    expect(
      await walk(() => [
        {
          label: 'truncated',
          init: { rawBody: '{"summary": "half', headers: { 'content-type': 'application/json' } },
          status: 400,
        },
        {
          label: 'not JSON',
          init: { rawBody: "{summary: 'x'}", headers: { 'content-type': 'application/json' } },
          status: 400,
        },
      ]),
    ).toEqual([]);
  });

  it('text/plain and XML bodies are a 415', async () => {
    expect(
      await walk((operation) => {
        const body = JSON.stringify(operation.body ? exampleBody(document, operation.body) : {});
        return [
          {
            label: 'text/plain',
            init: { rawBody: body, headers: { 'content-type': 'text/plain' } },
            status: 415,
          },
          {
            label: 'application/xml',
            init: { rawBody: '<case/>', headers: { 'content-type': 'application/xml' } },
            status: 415,
          },
        ];
      }),
    ).toEqual([]);
  });

  // The API is JSON only (configure-http.ts: "other media types are 415"). A form-encoded body must not be
  // parsed into a command: with a valid form body (e.g. outcome=accept-for-table on /triage) it would run.
  it('a form-encoded body is a 415, not parsed into a command', async () => {
    expect(
      await walk((operation) => {
        const valid = operation.body ? exampleBody(document, operation.body) : {};
        const form = new URLSearchParams(
          Object.entries(valid).map(([key, value]): [string, string] => [
            key,
            typeof value === 'string' ? value : JSON.stringify(value),
          ]),
        ).toString();
        return [
          {
            label: 'form',
            init: { rawBody: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
            status: 415,
          },
        ];
      }),
    ).toEqual([]);
  });

  it('a malformed If-Match or Idempotency-Key header is a 400 with its code', async () => {
    expect(
      await walk((operation) => {
        const body = json(operation.body ? exampleBody(document, operation.body) : {});
        const withHeader = (name: string, value: string): RawRequest => ({
          ...body,
          headers: { ...body.headers, [name]: value },
        });
        return [
          {
            label: 'If-Match: W/"x"',
            init: withHeader('if-match', 'W/"x"'),
            status: 400,
            code: 'invalid-if-match',
          },
          {
            label: 'If-Match: -1',
            init: withHeader('if-match', '-1'),
            status: 400,
            code: 'invalid-if-match',
          },
          {
            label: 'Idempotency-Key too short',
            init: withHeader('idempotency-key', 'abc'),
            status: 400,
            code: 'invalid-idempotency-key',
          },
          {
            label: 'Idempotency-Key with spaces',
            init: withHeader('idempotency-key', 'not a valid key'),
            status: 400,
            code: 'invalid-idempotency-key',
          },
        ];
      }),
    ).toEqual([]);
  });

  it('a 300 KB body is a 413', async () => {
    const huge = JSON.stringify({ summary: 'x'.repeat(300 * 1024) });
    expect(
      await walk(() => [
        {
          label: '300 KB',
          init: { rawBody: huge, headers: { 'content-type': 'application/json' } },
          status: 413,
        },
      ]),
    ).toEqual([]);
  });

  it('a JSON body that is not an object is a 400', async () => {
    expect(
      await walk((operation) =>
        [[], ['x'], 'text', 42, true]
          .filter(() => withBody(operation))
          .map((body) => ({ label: `body ${JSON.stringify(body)}`, init: json(body), status: 400 })),
      ),
    ).toEqual([]);
  });

  it('an empty object names every required field', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        return (operation.body.required ?? [])
          .filter((field) => !domainRequired(operation, field))
          .map((field) => ({ label: `{} names ${field}`, init: json({}), status: 400, names: field }));
      }),
    ).toEqual([]);
  });

  it('each missing required field is a 400 naming it (or the documented 422 of the domain)', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        const valid = exampleBody(document, operation.body);
        return (operation.body.required ?? []).map((field) => {
          const { [field]: _left, ...body } = valid;
          return domainRequired(operation, field)
            ? { label: `without ${field}`, init: json(body), status: 422 }
            : { label: `without ${field}`, init: json(body), status: 400, names: field };
        });
      }),
    ).toEqual([]);
  });

  it('each field of the wrong type, top level or nested, is a 400 naming it', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        const valid = exampleBody(document, operation.body);
        return bodyFields(document, operation.body).map((field) => {
          const wrong = wrongTypeFor(document, field.schema);
          return {
            label: `${field.name}: ${JSON.stringify(wrong)}`,
            init: json(withValueAt(valid, field.path, wrong)),
            status: 400,
            names: field.name,
          };
        });
      }),
    ).toEqual([]);
  });

  it('each text field of 10,000 characters (or 200 KB, under the body limit) is a 400 naming it', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        const valid = exampleBody(document, operation.body);
        return bodyFields(document, operation.body)
          .filter((field) => isString(document, field.schema))
          .flatMap((field) =>
            [10_000, 200 * 1024].map((length) => ({
              label: `${field.name}: ${length} characters`,
              init: json(withValueAt(valid, field.path, 'x'.repeat(length))),
              status: 400,
              names: field.name,
            })),
          );
      }),
    ).toEqual([]);
  });

  it('an unknown field next to valid ones is a 400 naming it', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        const valid = exampleBody(document, operation.body);
        return [
          {
            label: 'unknown field',
            init: json({ ...valid, unexpectedField: 'x' }),
            status: 400,
            names: 'unexpectedField',
          },
        ];
      }),
    ).toEqual([]);
  });

  // An unknown field that happens to share its name with a member of Object.prototype must be refused like any
  // other unknown field, not slip past the whitelist.
  it('an unknown field named like an Object.prototype member (constructor, toString) is a 400 too', async () => {
    expect(
      await walk((operation) => {
        if (!operation.body) return [];
        const valid = exampleBody(document, operation.body);
        return ['constructor', 'toString'].map((key) => ({
          label: `unknown field ${key}`,
          init: json({ ...valid, [key]: 'x' }),
          status: 400,
          names: key,
        }));
      }),
    ).toEqual([]);
  });

  // Commands without a body (accept, complete, resume, the birthday...) must refuse one, as the offers' accept
  // and the deadlines' resume do (400 "This command takes no body"), rather than ignore it and run.
  it('a body with fields on a command that takes none is a 400 naming them', async () => {
    expect(
      await walk((operation) =>
        operation.body
          ? []
          : [
              {
                label: 'unexpected body',
                init: json({ unexpectedField: 'x' }),
                status: 400,
                names: 'unexpectedField',
              },
            ],
      ),
    ).toEqual([]);
  });

  it('a registration for a subject id that was never registered is a 422 unknown-subject, of every case type', async () => {
    const head = await embedded.store.headPosition();
    for (const caseType of [
      'moeilijk-plaatsbaar',
      'transitie-18-min-18-plus',
      'grensvlak',
      'overig',
    ] as const) {
      const answer = await client.post<Problem>(
        coordinatorUtrecht,
        '/cases',
        registrationBody({ caseType, summary: 'Casus voor een onbekende cliënt.' }, randomUUID()),
      );
      expect([caseType, answer.status, answer.body.code, isProblemJson(answer)]).toEqual([
        caseType,
        422,
        'unknown-subject',
        true,
      ]);
      expect(answer.body.errors).toEqual([{ field: 'subjectId', messages: ['unknown subject'] }]);
    }
    expect(await embedded.store.headPosition()).toBe(head);
  });
});

/**
 * Fields the OpenAPI document marks required but the domain checks, with its own code (documented as such in the
 * field's description: "Without one: 422 ...").
 */
function domainRequired(operation: CommandOperation, field: string): boolean {
  const description = operation.body?.properties?.[field]?.description ?? '';
  return /Without one: 422/.test(description);
}
