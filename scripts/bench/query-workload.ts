/**
 * The read load of the API benchmark: the work queue (GET /cases, filtered and paged), the case detail
 * (GET /cases/{id}) and the responsibility at every step (GET /cases/{id}/responsibility/steps). Which endpoints
 * and work-queue parameters exist is read from the app's OpenAPI document, so a missing endpoint is reported as
 * missing instead of being measured as a stream of 404s.
 */
import type { HttpClient, HttpResult } from './http-client';
import type { Prng } from './prng';
import type { TableProfile } from './tables';
import type { Tokens } from './tokens';

export interface QueryEndpoints {
  /** GET /cases, and the names of its query parameters. */
  readonly workQueue: { readonly path: string; readonly params: ReadonlySet<string> } | null;
  /** GET /cases/{id}, with `{id}` standing for the path parameter. */
  readonly caseDetail: string | null;
  readonly responsibilitySteps: string | null;
}

interface OpenApiDocument {
  readonly paths?: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

export function endpointsOf(document: OpenApiDocument): QueryEndpoints {
  const paths = document.paths ?? {};
  const get = (pattern: RegExp): [string, { parameters?: { name: string; in: string }[] }] | null => {
    for (const [path, operations] of Object.entries(paths)) {
      if (pattern.test(path) && operations.get) return [path, operations.get];
    }
    return null;
  };
  const list = get(/^\/cases$/);
  const detail = get(/^\/cases\/\{[^}]+\}$/);
  const steps = get(/^\/cases\/\{[^}]+\}\/responsibility\/steps$/);
  const template = (found: [string, unknown] | null) => found?.[0].replace(/\{[^}]+\}/, '{id}') ?? null;
  return {
    workQueue: list
      ? {
          path: list[0],
          params: new Set((list[1].parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)),
        }
      : null,
    caseDetail: template(detail),
    responsibilitySteps: template(steps),
  };
}

export type Recorder = (kind: string, result: HttpResult) => void;

/** The work queue a coordinator or liaison opens: one of these filters, a page, sometimes the next pages. */
const COORDINATOR_FILTERS: readonly (readonly [string, Readonly<{ [name: string]: string }>])[] = [
  ['default', {}],
  ['open', { status: 'accepted' }],
  ['gaps', { status: 'accepted', hasGap: 'true' }],
  ['overdue', { status: 'accepted', overdue: 'true' }],
  ['escalated', { escalated: 'true' }],
  ['type', { type: 'moeilijk-plaatsbaar', status: 'accepted' }],
  ['organisation', { organisation: '{insurer}' }],
  ['text', { q: '{word}' }],
  ['urgency', { status: 'accepted', sort: 'urgency' }],
  ['oldest', { sort: 'registeredAt:asc' }],
];
const LIAISON_FILTERS: readonly (readonly [string, Readonly<{ [name: string]: string }>])[] = [
  ['liaison', {}],
  ['liaison-gaps', { hasGap: 'true' }],
];
const SEARCH_WORDS = ['ziekenhuisopname', 'wachtlijst', 'verblijf', 'schulden', 'begeleiding', 'kliniek'];

export class WorkQueueWorkload {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: Tokens,
    private readonly tables: readonly TableProfile[],
    private readonly endpoint: NonNullable<QueryEndpoints['workQueue']>,
  ) {}

  /** Used filters that the endpoint does not offer (they are left out of the queries). */
  missingParams(): string[] {
    const wanted = new Set(
      [...COORDINATOR_FILTERS, ...LIAISON_FILTERS]
        .flatMap(([, f]) => Object.keys(f))
        .concat(['limit', 'cursor']),
    );
    return [...wanted].filter((name) => !this.endpoint.params.has(name));
  }

  async step(rng: Prng, record: Recorder): Promise<void> {
    const table = rng.weighted(this.tables.map((t) => [t, t.weight] as const));
    const asLiaison = rng.chance(0.2);
    const [name, filter] = rng.pick(asLiaison ? LIAISON_FILTERS : COORDINATOR_FILTERS);
    const token = asLiaison
      ? this.tokens.liaison(rng.pick(table.insurers).code)
      : this.tokens.coordinator(table.id);
    const params = new URLSearchParams();
    for (const [key, raw] of Object.entries(filter)) {
      if (!this.endpoint.params.has(key)) continue;
      const value = raw
        .replace('{insurer}', rng.pick(table.insurers).code)
        .replace('{word}', rng.pick(SEARCH_WORDS));
      params.set(key, value);
    }
    if (this.endpoint.params.has('limit')) params.set('limit', '50');
    // Most people look at the first page; some page on (one or two more pages, each measured on its own).
    const pages = rng.weighted<number>([
      [1, 70],
      [2, 20],
      [3, 10],
    ]);
    for (let page = 0; page < pages; page++) {
      const result = await this.http.request('GET', `${this.endpoint.path}?${params}`, { token });
      record(page === 0 ? name : `${name}+page`, result);
      if (result.status !== 200 || !this.endpoint.params.has('cursor')) return;
      let next: unknown;
      try {
        next = (JSON.parse(result.text) as { nextCursor?: unknown }).nextCursor;
      } catch {
        return;
      }
      if (typeof next !== 'string') return;
      params.set('cursor', next);
    }
  }
}

/** GET of one case-level resource, for cases picked at random from the sample, by a coordinator of its table. */
export class CaseReadWorkload {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: Tokens,
    private readonly cases: readonly { readonly caseId: string; readonly tableId: string }[],
    private readonly pathTemplate: string,
    private readonly kind: string,
  ) {}

  async step(rng: Prng, record: Recorder): Promise<void> {
    const chosen = rng.pick(this.cases);
    const result = await this.http.request('GET', this.pathTemplate.replace('{id}', chosen.caseId), {
      token: this.tokens.coordinator(chosen.tableId),
    });
    record(this.kind, result);
  }
}
