import type { EmbeddedApp } from '../embedded-app';

/** Who calls: a role, an organisation code and (for coordinators) the tables. */
export interface Caller {
  readonly role: 'coordinator' | 'liaison' | 'auditor' | 'admin';
  readonly org: string;
  readonly tables?: readonly string[];
  readonly sub?: string;
}

export const UTRECHT_TABLE = 'mwt-utrecht';

/** The coordinator of the Utrecht maatwerktafel (gemeente Utrecht holds procesregie). */
export const coordinatorUtrecht: Caller = { role: 'coordinator', org: 'GM0344', tables: [UTRECHT_TABLE] };
export const auditor: Caller = { role: 'auditor', org: 'GM0344' };
/** A financier's liaison, answering for its own organisation only. */
export const liaisonOf = (org: string): Caller => ({ role: 'liaison', org, sub: `u-liaison-${org}` });

export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly body: T;
  readonly text: string;
}

/** What every command answers (plus `ids` for commands that create things). */
export interface CommandAnswer {
  readonly caseId: string;
  readonly version: number;
  readonly position: number;
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>;
  readonly ids?: Record<string, unknown>;
}

export interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly messages: readonly string[] }>;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent as is (no JSON encoding). */
  readonly rawBody?: string;
  /** Encoded as JSON, with content-type application/json unless the headers name another. */
  readonly json?: unknown;
}

/**
 * A thin HTTP client over real fetch calls to the embedded app. A fresh token is signed for every request, so
 * that moving the ManualClock by days never leaves a caller with an expired token.
 */
export class JourneyClient {
  constructor(private readonly embedded: EmbeddedApp) {}

  get url(): string {
    return this.embedded.url;
  }

  async request<T = unknown>(
    caller: Caller | null,
    path: string,
    init: RawRequest = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = {};
    if (caller) {
      const token = this.embedded.token({
        role: caller.role,
        org: caller.org,
        tables: [...(caller.tables ?? [])],
        ...(caller.sub ? { sub: caller.sub } : {}),
      });
      headers.authorization = `Bearer ${token}`;
    }
    let body = init.rawBody;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, init.headers);
    const response = await fetch(`${this.embedded.url}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type') ?? '',
      body: parsed as T,
      text,
    };
  }

  /** A GET that must answer 200. */
  async read<T>(caller: Caller, path: string): Promise<T> {
    const answer = await this.request<T>(caller, path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text}`);
    return answer.body;
  }

  /** A command (POST with a JSON body, or none) that must succeed; the error names the problem if it does not. */
  async command<A extends CommandAnswer = CommandAnswer>(
    caller: Caller,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<A> {
    const answer = await this.post<A>(caller, path, body, headers);
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(
        `POST ${path} as ${caller.role} ${caller.org} answered ${answer.status}: ${answer.text}`,
      );
    }
    return answer.body;
  }

  /** A command whatever it answers (to check refusals). */
  post<T = unknown>(
    caller: Caller,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<T>> {
    return this.request<T>(caller, path, { method: 'POST', json: body, headers });
  }

  /** A command that must be refused with this status and domain code, as problem+json. */
  async refused(
    caller: Caller,
    path: string,
    body: unknown,
    expected: { status: number; code: string },
  ): Promise<Problem> {
    const answer = await this.post<Problem>(caller, path, body);
    const seen = { status: answer.status, code: answer.body?.code, problemJson: isProblemJson(answer) };
    if (seen.status !== expected.status || seen.code !== expected.code || !seen.problemJson) {
      throw new Error(
        `POST ${path}: expected ${expected.status} ${expected.code} as problem+json, got ${answer.status} ` +
          `${answer.contentType}: ${answer.text}`,
      );
    }
    return answer.body;
  }
}

export function isProblemJson(answer: HttpAnswer): boolean {
  return answer.contentType.startsWith('application/problem+json');
}
