import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '@casusregie/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLogger } from '../runner/logger';
import type { Projection } from '../runner/projection';
import type { ProjectionRunner } from '../runner/projection-runner';

export interface LogLine {
  readonly level: 'info' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A logger that keeps what it is given. */
export function capturingLogger(): ProjectionLogger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
}

export const quietLogger: ProjectionLogger = { info: () => undefined, error: () => undefined };

/** Waits until the runner has everything the store holds now. */
export async function caughtUp(
  runner: Pick<ProjectionRunner, 'waitForPosition' | 'status'>,
  store: EventStore,
  timeoutMs = 10_000,
): Promise<void> {
  const head = await store.headPosition();
  if (!(await runner.waitForPosition(head, timeoutMs))) {
    throw new Error(`runner did not reach ${head}: ${JSON.stringify(runner.status())}`);
  }
}

/** An event with plain metadata, for appending hand-made (e.g. unknown) events. */
export function rawEvent(type: string, data: unknown, occurredAt = '2025-03-03T08:00:00Z'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'user-test', role: 'system', organisationId: 'org-test' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
      schemaVersion: 1,
    },
  };
}

/**
 * A projection that records each event's position in its own table (primary key: a second application fails) and
 * can be told to throw halfway through writing a batch, after writing rows, to simulate a crash inside the
 * transaction.
 */
export class PositionLogProjection implements Projection {
  readonly name = 'position-log';
  failAtPosition: number | null = null;
  readonly batches: number[][] = [];
  private batch: StoredEvent[] = [];

  constructor(private readonly db: ReadModelDatabase) {
    db.connection.exec(
      'CREATE TABLE IF NOT EXISTS test_position_log (position INTEGER PRIMARY KEY, type TEXT)',
    );
  }

  add(event: StoredEvent): void {
    this.batch.push(event);
  }

  flush(): void {
    const insert = this.db.connection.prepare('INSERT INTO test_position_log (position, type) VALUES (?, ?)');
    for (const event of this.batch) {
      if (event.globalPosition === this.failAtPosition) throw new Error('simulated crash inside the batch');
      insert.run(event.globalPosition, event.type);
    }
  }

  committed(): void {
    this.batches.push(this.batch.map((e) => e.globalPosition));
    this.batch = [];
  }

  rolledBack(): void {
    this.batch = [];
  }

  positions(): number[] {
    return this.db.connection
      .prepare('SELECT position FROM test_position_log ORDER BY position')
      .pluck()
      .all() as number[];
  }
}
