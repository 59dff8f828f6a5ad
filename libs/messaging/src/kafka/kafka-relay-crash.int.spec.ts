import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { SqliteEventStore } from '@casusregie/event-store';
import { REPO_ROOT, describeWithKafka } from '../../test-support/kafka-mock';
import {
  allEvents,
  byPartition,
  inconsistentDuplicates,
  keysOutOfOrder,
  testEvent,
} from '../../test-support/relay-fixtures';
import { TestConsumer } from '../../test-support/test-consumer';

const CHILD = join(REPO_ROOT, 'libs', 'messaging', 'test-support', 'relay-child.ts');
const TOPIC = `test.relay-crash.${randomUUID()}`;

/** The relay in a child process; `checkpoints` are the positions it reported after each acknowledged batch. */
class RelayProcess {
  readonly checkpoints: number[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly listeners = new Set<() => void>();

  constructor(filename: string, brokers: readonly string[], checkpointDelayMs = 0) {
    const args = [CHILD, filename, brokers.join(','), TOPIC, '100', String(checkpointDelayMs)];
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const [what, position] = line.split(' ');
      if (what === 'checkpoint') this.checkpoints.push(Number(position));
      for (const listener of this.listeners) listener();
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  get last(): number {
    return this.checkpoints.at(-1) ?? 0;
  }

  /** Resolves once the relay reported a checkpoint of at least `position`. */
  reached(position: number, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.last < position) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`relay did not reach ${position} (at ${this.last}); stderr:\n${this.stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      void this.exited.then(() => {
        if (this.last >= position) return;
        cleanup();
        reject(new Error(`relay exited before ${position}; stderr:\n${this.stderr}`));
      });
      check();
    });
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

describeWithKafka('EventRelay killed with SIGKILL mid-stream', (mock) => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'casusregie-relay-crash-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing after a restart, and what it sends twice carries the same ids and content', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, synchronous: 'NORMAL' });
    const consumer = await TestConsumer.start(mock.brokers, [TOPIC]);
    let appending = true;
    let appender: Promise<void> = Promise.resolve();
    try {
      // 3,000 events on 20 case streams before the relay starts, and more while it runs (and while it is dead).
      for (let n = 0; n < 300; n++) {
        const events = Array.from({ length: 10 }, (_, i) => testEvent('test.CaseNoted.v1', { n, i }));
        await store.append(`case-crash-${n % 20}`, events, 'any');
      }
      appender = (async () => {
        for (let n = 0; appending; n++) {
          await store.append(`case-crash-${n % 20}`, [testEvent(), testEvent()], 'any');
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();

      // The first relay writes each checkpoint 300 ms after the acknowledgement. It is killed as soon as the
      // consumer sees a message beyond the last checkpoint it reported: inside that window, with a batch
      // acknowledged by the broker but not yet checkpointed (the case that makes duplicates).
      const first = new RelayProcess(filename, mock.brokers, 300);
      await first.reached(300);
      const maxSeen = () =>
        Math.max(0, ...consumer.on(TOPIC).map((m) => Number(m.headers['global-position'])));
      await consumer.waitUntil(
        () => maxSeen() > first.last,
        'a batch acknowledged beyond the reported checkpoint',
      );
      first.kill('SIGKILL');
      const seenAtKill = maxSeen();
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const checkpointAtCrash = await store.checkpoints.load('kafka-relay');
      expect(checkpointAtCrash).toBeGreaterThanOrEqual(first.last);
      expect(checkpointAtCrash).toBeLessThan(await store.headPosition()); // killed mid-stream

      await new Promise((resolve) => setTimeout(resolve, 200)); // the log grows while no relay runs
      appending = false;
      await appender;
      const head = await store.headPosition();

      const second = new RelayProcess(filename, mock.brokers);
      await second.reached(head);
      second.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(await store.checkpoints.load('kafka-relay')).toBe(head);

      const events = await allEvents(store);
      await consumer.waitUntil(
        () => consumer.eventIds(TOPIC).size >= events.length,
        `${events.length} events`,
      );
      const received = byPartition(consumer.on(TOPIC));
      expect(new Set(received.map((m) => m.headers['event-id']))).toEqual(
        new Set(events.map((e) => e.eventId)),
      );
      expect(keysOutOfOrder(received)).toEqual([]);
      expect(inconsistentDuplicates(received)).toEqual([]);
      // Only what was in flight at the crash (after the stored checkpoint) can come twice.
      const copies = new Map<number, number>();
      for (const message of received) {
        const position = Number(message.headers['global-position']);
        copies.set(position, (copies.get(position) ?? 0) + 1);
      }
      const duplicated = [...copies].filter(([, count]) => count > 1).map(([position]) => position);
      expect(duplicated.filter((position) => position <= checkpointAtCrash)).toEqual([]);
      // What the broker already had beyond the checkpoint at the crash came again after the restart.
      expect(seenAtKill).toBeGreaterThan(checkpointAtCrash);
      for (let position = checkpointAtCrash + 1; position <= seenAtKill; position++) {
        expect([position, copies.get(position)]).toEqual([position, 2]);
      }
      expect([...copies.values()].every((count) => count <= 2)).toBe(true);
    } finally {
      appending = false;
      await appender;
      await consumer.stop();
      await store.close();
    }
  }, 45_000);
});
