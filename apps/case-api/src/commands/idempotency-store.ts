import type { CommandResponse } from './command-response';

export interface IdempotencyRecord {
  /** Whose key this is: keys of different callers never collide. */
  readonly scope: string;
  readonly key: string;
  /** sha256 of method, path and body: the same key with another request is refused. */
  readonly requestHash: string;
  readonly status: number;
  readonly response: CommandResponse;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface IdempotencyStore {
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  save(record: IdempotencyRecord): Promise<void>;
  close(): Promise<void>;
}

export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.records.get(`${scope}\u0000${key}`);
  }

  async save(record: IdempotencyRecord): Promise<void> {
    const id = `${record.scope}\u0000${record.key}`;
    if (!this.records.has(id)) this.records.set(id, record);
  }

  async close(): Promise<void> {}
}
