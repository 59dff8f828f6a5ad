import { SqliteEventStore } from '@casusregie/event-store';
import {
  INTERNAL_TYPE,
  UNMAPPABLE_TYPE,
  appendRoundRobin,
  testEvent,
  testMapping,
  until,
} from '../../test-support/relay-fixtures';
import { DEAD_LETTER_TOPIC, type DeadLetter } from './dead-letter';
import { EventRelay, type EventRelayOptions } from './event-relay';
import type { MessagePublisher, OutgoingMessage } from './message-publisher';
import { type RelayLogger, silentRelayLogger } from './relay-logger';
import { RelaySupervisor } from './relay-supervisor';

/**
 * The relay's contract with the broker, checked against a scripted in-memory publisher (the port, not a Kafka
 * client): what counts is when publish() resolved. The same behaviours against the real mock broker are in
 * event-relay.kafka.int.spec.ts.
 */
class ScriptedPublisher implements MessagePublisher {
  /** Batches whose publish() resolved, in order. */
  readonly acknowledged: OutgoingMessage[][] = [];
  attempts = 0;
  /** How many of the next calls fail. */
  failNext = 0;
  /** While set, publish() waits for it (a request in flight). */
  private gate: { promise: Promise<void>; open: () => void; fail: (error: Error) => void } | null = null;
  closed = false;

  hold(): void {
    let open!: () => void;
    let fail!: (error: Error) => void;
    const promise = new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject)));
    this.gate = { promise, open, fail };
  }

  release(): void {
    const gate = this.gate;
    this.gate = null;
    gate?.open();
  }

  breakInFlight(): void {
    const gate = this.gate;
    this.gate = null;
    gate?.fail(new Error('broker went away'));
  }

  get messages(): OutgoingMessage[] {
    return this.acknowledged.flat();
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.attempts++;
    if (this.gate) await this.gate.promise;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('connection refused');
    }
    this.acknowledged.push([...messages]);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function capturingLogger(): RelayLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (_fields, message) => lines.push({ level: 'info', message }),
    warn: (_fields, message) => lines.push({ level: 'warn', message }),
    error: (_fields, message) => lines.push({ level: 'error', message }),
  };
}

describe('EventRelay (against the MessagePublisher port)', () => {
  let store: SqliteEventStore;
  let publisher: ScriptedPublisher;
  const relays: EventRelay[] = [];
  const TOPIC = 'test.relay.v1';

  function relay(options: Partial<EventRelayOptions> = {}): EventRelay {
    const r = new EventRelay({
      store,
      publisher,
      mapping: testMapping(TOPIC),
      logger: silentRelayLogger,
      backoff: { initialMs: 5, maxMs: 40 },
      ...options,
    });
    relays.push(r);
    return r;
  }

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    publisher = new ScriptedPublisher();
  });

  afterEach(async () => {
    publisher.release();
    for (const r of relays.splice(0)) await r.stop({ graceMs: 1_000 });
    await store.close();
  });

  it('publishes every event once, in log order, in batches of at most batchSize, and stores the checkpoint', async () => {
    await appendRoundRobin(store, 95);
    const r = relay({ batchSize: 20 });
    await r.start();
    expect(await r.waitForCheckpoint(95, 5_000)).toBe(true);
    const positions = publisher.messages.map((m) => Number(m.headers['global-position']));
    expect(positions).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect(Math.max(...publisher.acknowledged.map((b) => b.length))).toBe(20);
    expect(await store.checkpoints.load('kafka-relay')).toBe(95);
    expect(r.status()).toMatchObject({
      state: 'running',
      checkpoint: 95,
      eventsSinceStart: 95,
      messagesSinceStart: 95,
    });
    expect(r.lag(await store.headPosition())).toBe(0);
  });

  it('starts once when start() is called twice at the same time', async () => {
    await appendRoundRobin(store, 5);
    const r = relay();
    await Promise.all([r.start(), r.start()]);
    expect(await r.waitForCheckpoint(5, 2_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(publisher.messages).toHaveLength(5);
  });

  it('sends live events as they are appended, without waiting for a full batch', async () => {
    const r = relay({ batchSize: 500 });
    await r.start();
    await appendRoundRobin(store, 3);
    expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
    await store.append('case-live', [testEvent()], 'any');
    expect(await r.waitForCheckpoint(4, 2_000)).toBe(true);
    expect(publisher.messages).toHaveLength(4);
  });

  it('stores the checkpoint only after the broker acknowledged the batch', async () => {
    await appendRoundRobin(store, 10);
    publisher.hold();
    const r = relay({ batchSize: 10 });
    await r.start();
    await until(() => publisher.attempts === 1, 'the first publish');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.checkpoint()).toBe(0);
    expect(await store.checkpoints.load('kafka-relay')).toBe(0);
    expect((await r.health()).lag).toBe(10);
    publisher.release();
    expect(await r.waitForCheckpoint(10, 2_000)).toBe(true);
    expect(await store.checkpoints.load('kafka-relay')).toBe(10);
  });

  it('retries a failed publish with the same messages, with growing delays, and reports it in status', async () => {
    await appendRoundRobin(store, 5);
    publisher.failNext = 4;
    const logger = capturingLogger();
    const r = relay({ batchSize: 5, logger, random: () => 0.5 });
    await r.start();
    await until(() => publisher.attempts >= 3, 'failing attempts');
    const failing = r.status();
    expect(failing.state).toBe('retrying');
    expect(failing.consecutiveFailures).toBeGreaterThanOrEqual(2);
    expect(failing.lastError).toMatchObject({ name: 'Error', message: 'connection refused' });
    expect(failing.failingSince).not.toBeNull();
    expect(failing.checkpoint).toBe(0);

    expect(await r.waitForCheckpoint(5, 2_000)).toBe(true);
    expect(publisher.attempts).toBe(5);
    expect(publisher.acknowledged).toHaveLength(1);
    expect(publisher.messages.map((m) => m.headers['global-position'])).toEqual(['1', '2', '3', '4', '5']);
    expect(r.status()).toMatchObject({ state: 'running', consecutiveFailures: 0, failingSince: null });
    const delays = logger.lines
      .filter((line) => line.message.includes('publish failed'))
      .map((line) => Number(/in (\d+) ms/.exec(line.message)?.[1]));
    expect(delays).toEqual([5, 10, 20, 40]);
    expect(
      logger.lines.some((line) => line.message.includes('publishing again after 4 failed attempts')),
    ).toBe(true);
  });

  it('caps the backoff and keeps retrying for as long as the broker is down, then catches up', async () => {
    publisher.failNext = Number.MAX_SAFE_INTEGER;
    const r = relay({ batchSize: 50, backoff: { initialMs: 1, maxMs: 10 } });
    await r.start();
    await appendRoundRobin(store, 30);
    await until(() => publisher.attempts >= 20, '20 failed attempts');
    await appendRoundRobin(store, 30, { startAt: 30 });
    expect(r.checkpoint()).toBe(0);
    expect((await r.health()).lag).toBe(60);
    publisher.failNext = 0;
    expect(await r.waitForCheckpoint(60, 3_000)).toBe(true);
    const positions = publisher.messages.map((m) => Number(m.headers['global-position']));
    expect(positions).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('sends an unmappable event to the dead-letter topic with its coordinates, and goes on', async () => {
    await appendRoundRobin(store, 3);
    const bad = testEvent(UNMAPPABLE_TYPE, { secret: 'Jan Jansen, 1234.56.789' });
    await store.append('case-bad', [bad], 'any');
    await appendRoundRobin(store, 3, { startAt: 3 });
    const r = relay();
    await r.start();
    expect(await r.waitForCheckpoint(7, 2_000)).toBe(true);

    const topics = publisher.messages.map((m) => m.topic);
    expect(topics).toEqual([TOPIC, TOPIC, TOPIC, DEAD_LETTER_TOPIC, TOPIC, TOPIC, TOPIC]);
    const dead = publisher.messages[3];
    const letter = JSON.parse(dead.value) as DeadLetter;
    expect(letter).toMatchObject({
      relay: 'kafka-relay',
      reason: 'unmappable',
      streamId: 'case-bad',
      streamVersion: 0,
      globalPosition: 4,
      eventId: bad.eventId,
      eventType: UNMAPPABLE_TYPE,
      error: { name: 'TypeError', code: 'mapping-failed' },
    });
    expect(dead.key).toBe('case-bad');
    expect(dead.headers).toMatchObject({ 'event-id': bad.eventId, 'dead-letter-reason': 'unmappable' });
    expect(dead.value).not.toContain('Jan Jansen');
    expect(dead.value).not.toContain('No public form');
    expect(r.status().deadLettersSinceStart).toBe(1);
  });

  it('dead-letters an event whose message is too large, and a mapping that returns a malformed message', async () => {
    await store.append('case-big', [testEvent('test.CaseNoted.v1', { text: 'x'.repeat(3_000) })], 'any');
    await store.append('case-odd', [testEvent('test.Odd.v1')], 'any');
    await appendRoundRobin(store, 1);
    const base = testMapping(TOPIC);
    const r = relay({
      maxMessageBytes: 2_000,
      mapping: (event) =>
        event.type === 'test.Odd.v1'
          ? [{ topic: TOPIC, key: 42 as unknown as string, value: '{}', headers: {} }]
          : base(event),
    });
    await r.start();
    expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
    const letters = publisher.messages
      .filter((m) => m.topic === DEAD_LETTER_TOPIC)
      .map((m) => JSON.parse(m.value));
    expect(letters).toMatchObject([
      {
        reason: 'message-too-large',
        streamId: 'case-big',
        error: { name: 'MessageTooLargeError', code: 'message-too-large' },
      },
      { reason: 'unmappable', streamId: 'case-odd', error: { name: 'TypeError', code: 'mapping-failed' } },
    ]);
    expect(publisher.messages.filter((m) => m.topic === TOPIC)).toHaveLength(1);
  });

  it('advances the checkpoint over events that map to no message, without publishing', async () => {
    for (let n = 0; n < 5; n++) await store.append('internal', [testEvent(INTERNAL_TYPE)], 'any');
    const r = relay();
    await r.start();
    expect(await r.waitForCheckpoint(5, 2_000)).toBe(true);
    expect(publisher.attempts).toBe(0);
    expect(await store.checkpoints.load('kafka-relay')).toBe(5);
  });

  it('continues after its checkpoint when started again, and keeps checkpoints apart by name', async () => {
    await appendRoundRobin(store, 10);
    const first = relay({ batchSize: 4 });
    await first.start();
    expect(await first.waitForCheckpoint(10, 2_000)).toBe(true);
    await first.stop();
    expect(first.status().state).toBe('stopped');
    await appendRoundRobin(store, 5, { startAt: 10 });
    const second = relay();
    await second.start();
    expect(await second.waitForCheckpoint(15, 2_000)).toBe(true);
    const positions = publisher.messages.map((m) => Number(m.headers['global-position']));
    expect(positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    const other = relay({ name: 'other-relay' });
    await other.start();
    expect(await other.waitForCheckpoint(15, 2_000)).toBe(true);
    expect(publisher.messages).toHaveLength(30);
    expect(await store.checkpoints.load('other-relay')).toBe(15);
  });

  it('on stop, lets the batch in flight finish and stores its checkpoint', async () => {
    await appendRoundRobin(store, 8);
    publisher.hold();
    const r = relay({ batchSize: 8 });
    await r.start();
    await until(() => publisher.attempts === 1, 'the publish in flight');
    const stopped = r.stop();
    expect(r.status().state).toBe('stopping');
    publisher.release();
    await stopped;
    expect(r.status().state).toBe('stopped');
    expect(await store.checkpoints.load('kafka-relay')).toBe(8);
    expect(publisher.attempts).toBe(1);
  });

  it('on stop, does not retry a batch that failed and leaves the checkpoint where it was', async () => {
    await appendRoundRobin(store, 4);
    const r = relay({ batchSize: 2 });
    await r.start();
    expect(await r.waitForCheckpoint(4, 2_000)).toBe(true);
    await appendRoundRobin(store, 4, { startAt: 4 });
    await until(() => r.checkpoint() === 8, 'second round');
    publisher.hold();
    await appendRoundRobin(store, 2, { startAt: 8 });
    await until(() => publisher.attempts === 5, 'the publish in flight');
    const stopped = r.stop();
    publisher.breakInFlight();
    await stopped;
    expect(publisher.attempts).toBe(5);
    expect(await store.checkpoints.load('kafka-relay')).toBe(8);

    const again = relay();
    await again.start();
    expect(await again.waitForCheckpoint(10, 2_000)).toBe(true);
    expect(publisher.messages.map((m) => Number(m.headers['global-position']))).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
  });

  it('on stop, stops waiting after graceMs and never stores the checkpoint of the abandoned batch', async () => {
    await appendRoundRobin(store, 3);
    publisher.hold();
    const r = relay({ batchSize: 3 });
    await r.start();
    await until(() => publisher.attempts === 1, 'the publish in flight');
    const started = Date.now();
    await r.stop({ graceMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(r.status().state).toBe('stopped');
    publisher.release(); // the broker acknowledges after all: too late for the checkpoint
    await r.finished();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.checkpoints.load('kafka-relay')).toBe(0);
    expect(r.checkpoint()).toBe(0);
  });

  it('never moves the checkpoint back: a late write of an abandoned run lands before the next run writes', async () => {
    await appendRoundRobin(store, 3);
    const write = store.checkpoints.store.bind(store.checkpoints);
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let lateWrite: Promise<void> | null = null;
    const spy = jest.spyOn(store.checkpoints, 'store').mockImplementation((name, position) => {
      if (lateWrite) return write(name, position);
      lateWrite = gate.then(() => write(name, position)); // the first write hangs inside the store
      return lateWrite;
    });
    const r = relay();
    await r.start();
    await until(() => spy.mock.calls.length === 1, 'the first checkpoint write in flight');
    await r.stop({ graceMs: 20 }); // gives up on it: the run is abandoned with its write still in the store

    await appendRoundRobin(store, 3, { startAt: 3 });
    await r.start();
    await until(() => publisher.acknowledged.length === 2, 'the next run publishing up to 6');
    openGate();
    await lateWrite;
    expect(await r.waitForCheckpoint(6, 2_000)).toBe(true);
    expect(await store.checkpoints.load('kafka-relay')).toBe(6);
    expect(spy.mock.calls.map(([, position]) => position)).toEqual([3, 6]);
  });

  it('never writes a checkpoint below the one stored', async () => {
    await appendRoundRobin(store, 3);
    publisher.hold();
    const r = relay();
    await r.start();
    await until(() => publisher.attempts === 1, 'the publish in flight');
    await store.checkpoints.store('kafka-relay', 50);
    const spy = jest.spyOn(store.checkpoints, 'store');
    publisher.release();
    expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    expect(await store.checkpoints.load('kafka-relay')).toBe(50);
  });

  it('on stop while waiting for a retry, ends at once', async () => {
    await appendRoundRobin(store, 3);
    publisher.failNext = Number.MAX_SAFE_INTEGER;
    const r = relay({ backoff: { initialMs: 60_000, maxMs: 60_000 } });
    await r.start();
    await until(() => r.status().state === 'retrying', 'retrying');
    const started = Date.now();
    await r.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await store.checkpoints.load('kafka-relay')).toBe(0);
  });

  it('fails loudly when the checkpoint cannot be stored, and a restart publishes the batch again', async () => {
    await appendRoundRobin(store, 3);
    const logger = capturingLogger();
    const storeCheckpoint = jest
      .spyOn(store.checkpoints, 'store')
      .mockRejectedValue(new Error('SQLITE_FULL: database or disk is full'));
    const r = relay({ logger, backoff: { initialMs: 1, maxMs: 2 } });
    await r.start();
    await r.finished();
    expect(r.status()).toMatchObject({
      state: 'failed',
      checkpoint: 0,
      lastError: { message: 'SQLITE_FULL: database or disk is full' },
    });
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error' });
    expect(logger.lines.at(-1)?.message).toContain('continues after position 0');
    expect(publisher.attempts).toBe(1);

    storeCheckpoint.mockRestore();
    await r.start();
    expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
    expect(publisher.acknowledged.map((batch) => batch.length)).toEqual([3, 3]);
  });

  it('stops when the store closes under it', async () => {
    await appendRoundRobin(store, 3);
    const r = relay();
    await r.start();
    expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
    await store.close();
    await r.finished();
    expect(r.status()).toMatchObject({ state: 'stopped', checkpoint: 3 });
    store = new SqliteEventStore({ filename: ':memory:' });
  });

  describe('under a RelaySupervisor', () => {
    const supervisors: RelaySupervisor[] = [];
    afterEach(async () => {
      for (const supervisor of supervisors.splice(0)) await supervisor.stop({ graceMs: 1_000 });
    });

    function supervised(r: EventRelay, backoff = { initialMs: 5, maxMs: 20 }): RelaySupervisor {
      const supervisor = new RelaySupervisor(r, {
        backoff,
        logger: silentRelayLogger,
      });
      supervisors.push(supervisor);
      return supervisor;
    }

    it('restarts a relay that failed on the checkpoint store, with growing delays, and it resumes once the store is back', async () => {
      await appendRoundRobin(store, 3);
      const storeCheckpoint = jest
        .spyOn(store.checkpoints, 'store')
        .mockRejectedValue(new Error('SQLITE_BUSY: database is locked'));
      const r = relay({ backoff: { initialMs: 1, maxMs: 2 } });
      const supervisor = supervised(r);
      await supervisor.start();
      await until(() => supervisor.status().restarts >= 2, 'two restarts');
      expect(supervisor.status()).toMatchObject({
        lastFailure: { name: 'Error', message: 'SQLITE_BUSY: database is locked' },
      });
      expect(supervisor.status().consecutiveFailures).toBeGreaterThanOrEqual(2);
      expect(await store.checkpoints.load('kafka-relay')).toBe(0);

      storeCheckpoint.mockRestore();
      await until(() => r.checkpoint() === 3, 'the checkpoint after the store came back');
      await appendRoundRobin(store, 2, { startAt: 3 });
      expect(await r.waitForCheckpoint(5, 2_000)).toBe(true);
      expect(r.status().state).toBe('running');
      expect(supervisor.status().state).toBe('supervising');
      expect(await store.checkpoints.load('kafka-relay')).toBe(5);
      const positions = new Set(publisher.messages.map((m) => Number(m.headers['global-position'])));
      expect([...positions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    });

    it('keeps trying to start a relay whose store cannot load the checkpoint, and it resumes once it can', async () => {
      await appendRoundRobin(store, 4);
      const load = jest
        .spyOn(store.checkpoints, 'load')
        .mockRejectedValue(new Error('SQLITE_IOERR: disk I/O error'));
      const r = relay();
      const supervisor = supervised(r);
      await supervisor.start();
      await until(() => supervisor.status().restarts >= 1, 'a restart');
      expect(supervisor.status().lastFailure).toMatchObject({ message: 'SQLITE_IOERR: disk I/O error' });
      load.mockRestore();
      await until(() => r.checkpoint() === 4, 'the relay resumed');
      expect(supervisor.status().state).toBe('supervising');
    });

    it('on stop during the delay before a restart, ends at once and restarts nothing', async () => {
      await appendRoundRobin(store, 3);
      jest.spyOn(store.checkpoints, 'store').mockRejectedValue(new Error('SQLITE_FULL'));
      const r = relay({ backoff: { initialMs: 1, maxMs: 2 } });
      const supervisor = supervised(r, { initialMs: 60_000, maxMs: 60_000 });
      await supervisor.start();
      await until(() => supervisor.status().state === 'restarting', 'a pending restart');
      expect(supervisor.status().nextRestartAt).not.toBeNull();
      const started = Date.now();
      await supervisor.stop();
      expect(Date.now() - started).toBeLessThan(500);
      expect(supervisor.status()).toMatchObject({ state: 'stopped', restarts: 0, nextRestartAt: null });
      expect(r.status().state).toBe('failed');
    });

    it('leaves a relay stopped that ended without failing', async () => {
      await appendRoundRobin(store, 3);
      const r = relay();
      const supervisor = supervised(r);
      await supervisor.start();
      expect(await r.waitForCheckpoint(3, 2_000)).toBe(true);
      await r.stop();
      await until(() => supervisor.status().state === 'stopped', 'the supervisor to notice');
      expect(supervisor.status().restarts).toBe(0);
      expect(r.status().state).toBe('stopped');
    });
  });
});
