import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../port/envelope';

export function testEvent(
  type = 'test.Something.v1',
  data: unknown = { n: 1 },
  eventId = randomUUID(),
): NewEvent {
  return {
    eventId,
    type,
    data,
    metadata: {
      actor: { userId: 'user-1', role: 'coordinator', organisationId: 'GM0344' },
      correlationId: 'corr-1',
      causationId: 'cause-1',
      occurredAt: '2026-11-24T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

export function testEvents(count: number, type = 'test.Something.v1'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => testEvent(type, { n }));
}

export function uniqueStream(prefix = 'test-'): string {
  return `${prefix}${randomUUID()}`;
}
