import { type CaseCommand, decide, foldCase } from '@casusregie/domain';
import {
  type AppendResult,
  type EventStore,
  type StoredEvent,
  SqliteEventStore,
} from '@casusregie/event-store';
import { type CaseReadModelsHandle, openCaseReadModels } from '@casusregie/projections';
import { autoEscalationFor, loadReferenceData } from '@casusregie/reference-data';
import { CaseLog, quietLogger } from '../../../../projections/src/testing';
import { silentRelayLogger } from '../../relay/relay-logger';
import { DeadlineWatcher, type DeadlineWatcherOptions } from '../deadline-watcher';

/**
 * A CaseLog that reads the case from the store before every command (the watcher writes to the same cases, so a
 * cached version would be stale).
 */
export class FreshCaseLog extends CaseLog {
  override async execute(command: CaseCommand): Promise<AppendResult> {
    const streamId = `case-${command.data.caseId}`;
    const history = (await this.store.streamExists(streamId)) ? await this.store.readStream(streamId) : [];
    const events = decide(command, foldCase(history));
    return this.store.append(
      streamId,
      this.envelopes(command, events),
      history.length === 0 ? 'no_stream' : history.length,
    );
  }
}

/** A clock the test moves. */
export class TestClock {
  constructor(private current: string) {}

  now = (): Date => new Date(this.current);

  set(instant: string): void {
    this.current = instant;
  }
}

const referenceData = loadReferenceData();

/**
 * One event store (a file, so that a second store instance can stand in for a second process), the case read
 * models over it, and watchers built on them with the shipped reference data's automatic escalation.
 */
export class WatcherWorld {
  readonly clock: TestClock;
  readonly log: FreshCaseLog;
  private readonly stores: EventStore[] = [];
  private readonly handles: CaseReadModelsHandle[] = [];
  private readonly watchers: DeadlineWatcher[] = [];

  private constructor(
    readonly filename: string,
    readonly store: EventStore,
    start: string,
  ) {
    this.clock = new TestClock(start);
    this.log = new FreshCaseLog(store);
    this.stores.push(store);
  }

  static create(filename: string, start: string): WatcherWorld {
    return new WatcherWorld(filename, new SqliteEventStore({ filename, pollIntervalMs: 20 }), start);
  }

  /** A second connection to the same event store file: another process, as far as the watcher can tell. */
  secondStore(): EventStore {
    const store = new SqliteEventStore({ filename: this.filename, pollIntervalMs: 20 });
    this.stores.push(store);
    return store;
  }

  /** A watcher with its own read models (as a separate process would have), on `store`. */
  async watcher(
    store: EventStore = this.store,
    options: Partial<DeadlineWatcherOptions> = {},
  ): Promise<DeadlineWatcher> {
    const readModels = openCaseReadModels({ store, filename: ':memory:', logger: quietLogger });
    await readModels.start();
    this.handles.push(readModels);
    const watcher = new DeadlineWatcher({
      store,
      // As the apps do: each tick first waits for the read models to have the whole log.
      catchUp: async () => {
        const head = await store.headPosition();
        if (!(await readModels.runner.waitForPosition(head, 10_000))) throw new Error('read models behind');
      },
      candidates: ({ today, dueOnOrBefore }) =>
        readModels.queries.watchCandidates({ dueOnOrBefore, birthdayOnOrBefore: today }),
      now: this.clock.now,
      approachingWithinDays: 2,
      autoEscalationFor: (tableId) => autoEscalationFor(referenceData, tableId),
      logger: silentRelayLogger,
      ...options,
    });
    this.watchers.push(watcher);
    return watcher;
  }

  async events(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (let position = 0; ;) {
      const page = await this.store.readAll({ fromPosition: position, maxCount: 1_000 });
      events.push(...page.events);
      position = page.nextPosition;
      if (page.isEnd) return events;
    }
  }

  async close(): Promise<void> {
    for (const watcher of this.watchers) await watcher.stop();
    for (const handle of this.handles) await handle.close();
    for (const store of this.stores) await store.close();
  }
}

/** Dutch midday of each calendar day from `from` to `to` (inclusive), as ISO instants. */
export function middays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T11:00:00Z`); t <= Date.parse(`${to}T11:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString());
  }
  return days;
}
