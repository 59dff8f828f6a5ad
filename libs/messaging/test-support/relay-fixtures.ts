import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '@casusregie/event-store';
import type { MessageMapping } from '../src/relay/event-relay';
import { eventHeaders } from '../src/relay/headers';
import type { MessagePublisher, OutgoingMessage } from '../src/relay/message-publisher';
import type { ReceivedMessage } from './test-consumer';

/** Events of this type make the test mapping throw: they must end in the dead-letter topic. */
export const UNMAPPABLE_TYPE = 'test.Unmappable.v1';
/** Events of this type map to no message at all. */
export const INTERNAL_TYPE = 'test.Internal.v1';

/** What the test mapping puts in a message's value. */
export interface RelayedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A mapping of the kind the real ones are (one message per event, key = stream id so the key keeps the stream's
 * order, the event id in the headers), to `topic`. Throws for UNMAPPABLE_TYPE; nothing for INTERNAL_TYPE.
 */
export function testMapping(topic: string): MessageMapping {
  return (event: StoredEvent): OutgoingMessage[] => {
    if (event.type === UNMAPPABLE_TYPE) {
      throw new TypeError(`No public form for ${event.type}`);
    }
    if (event.type === INTERNAL_TYPE) return [];
    const value: RelayedEvent = {
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      type: event.type,
      data: event.data,
    };
    return [{ topic, key: event.streamId, value: JSON.stringify(value), headers: eventHeaders(event) }];
  };
}

export function testEvent(type = 'test.CaseNoted.v1', data: unknown = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'user-test', role: 'coordinator', organisationId: 'GM0344' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-24T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/** Appends `count` single-event appends spread round-robin over `streams` streams named `<prefix><n>`. */
export async function appendRoundRobin(
  store: EventStore,
  count: number,
  options: { streams?: number; prefix?: string; startAt?: number } = {},
): Promise<void> {
  const streams = options.streams ?? 8;
  const prefix = options.prefix ?? 'case-test-';
  const start = options.startAt ?? 0;
  for (let n = start; n < start + count; n++) {
    await store.append(`${prefix}${n % streams}`, [testEvent('test.CaseNoted.v1', { n })], 'any');
  }
}

/** Every event in the store, in log order. */
export async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let position = 0; ;) {
    const page = await store.readAll({ fromPosition: position, maxCount: 5_000 });
    events.push(...page.events);
    position = page.nextPosition;
    if (page.isEnd) return events;
  }
}

/**
 * Per-key order as a consumer that dedupes by event id sees it: for each key, the first occurrences must come in
 * increasing stream version. Returns the keys that break it (empty when all is in order).
 */
export function keysOutOfOrder(messages: readonly ReceivedMessage[]): string[] {
  const seen = new Set<string>();
  const lastVersion = new Map<string, number>();
  const broken = new Set<string>();
  for (const message of messages) {
    const id = message.headers['event-id'];
    if (seen.has(id)) continue;
    seen.add(id);
    const version = Number(message.headers['stream-position']);
    if ((lastVersion.get(message.key) ?? -1) >= version) broken.add(message.key);
    lastVersion.set(message.key, version);
  }
  return [...broken];
}

/** Kafka only orders within a partition: the consumer's arrival order per partition is what counts. */
export function byPartition(messages: readonly ReceivedMessage[]): ReceivedMessage[] {
  return [...messages].sort((a, b) =>
    a.topic !== b.topic
      ? a.topic.localeCompare(b.topic)
      : a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
  );
}

/** Event ids received more than once whose copies differ in key, value or headers (must be empty). */
export function inconsistentDuplicates(messages: readonly ReceivedMessage[]): string[] {
  const first = new Map<string, string>();
  const broken = new Set<string>();
  for (const message of messages) {
    const id = message.headers['event-id'];
    const fingerprint = JSON.stringify([message.key, message.value, message.headers]);
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, fingerprint);
    else if (earlier !== fingerprint) broken.add(id);
  }
  return [...broken];
}

/** A MessagePublisher around another that remembers the event ids of every acknowledged publish. */
export class RecordingPublisher implements MessagePublisher {
  /** Event ids and global positions (headers) of every acknowledged message. */
  readonly acknowledged = new Set<string>();
  readonly acknowledgedPositions = new Set<number>();
  publishCalls = 0;
  failures = 0;

  constructor(private readonly inner: MessagePublisher) {}

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.publishCalls++;
    try {
      await this.inner.publish(messages);
    } catch (error) {
      this.failures++;
      throw error;
    }
    for (const message of messages) {
      this.acknowledged.add(message.headers['event-id']);
      this.acknowledgedPositions.add(Number(message.headers['global-position']));
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export async function until(
  done: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A MessagePublisher that acknowledges at once and keeps what it was given (for mapping tests without Kafka). */
export class MemoryPublisher implements MessagePublisher {
  readonly messages: OutgoingMessage[] = [];

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.messages.push(...messages);
  }

  async close(): Promise<void> {}
}
