import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, StoredEvent } from '@casusregie/event-store';
import { foldCase } from '@casusregie/domain';
import type { DeadlineWatcher, WatchTickReport } from '../deadline-watcher';
import { watchEventIds } from '../watch-event-ids';
import {
  T0,
  calendar,
  commandsOn,
  dayOf,
  factKey,
  scriptCases,
  watcherEvents,
} from '../test-support/calendar-scenario';
import { WatcherWorld } from '../test-support/watcher-world';

const dirs: string[] = [];
const worlds: WatcherWorld[] = [];

function newWorld(): WatcherWorld {
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-watcher-'));
  dirs.push(dir);
  const world = WatcherWorld.create(join(dir, 'events.sqlite'), T0);
  worlds.push(world);
  return world;
}

afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the calendar: each day the scripted commands, then `tickAt` at each of the day's moments. */
async function runCalendar(
  world: WatcherWorld,
  tickAt: (instant: string, day: string) => Promise<void>,
): Promise<void> {
  for (const { day, instants } of calendar()) {
    await commandsOn(world, day);
    for (const instant of instants) {
      world.clock.set(instant);
      await tickAt(instant, day);
    }
  }
}

function expectNoFailures(reports: readonly WatchTickReport[]): void {
  expect(reports.filter((r) => r.error !== null || r.conflicts > 0)).toEqual([]);
}

/** The watcher events by fact, each with the days it was stored on (one day, once, when all is well). */
function byFact(events: readonly StoredEvent[]): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  for (const event of watcherEvents(events)) {
    facts.set(factKey(event), [...(facts.get(factKey(event)) ?? []), dayOf(event)]);
  }
  return facts;
}

/** What one watcher, alone, stores over the calendar: the reference the other runs are compared with. */
async function singleWatcherRun(): Promise<StoredEvent[]> {
  const world = newWorld();
  await scriptCases(world);
  const watcher = await world.watcher();
  const reports: WatchTickReport[] = [];
  await runCalendar(world, async () => void reports.push(await watcher.tick()));
  expectNoFailures(reports);
  return world.events();
}

describe('DeadlineWatcher: the calendar run forward', () => {
  it('stores each DeadlineApproaching, DeadlineMissed and the 18th birthday once, on the day it applies', async () => {
    const events = await singleWatcherRun();
    const facts = byFact(events);

    // Each fact once (two ticks a day for seven weeks), on the day it first applies (lead time 2 days).
    expect([...facts].filter(([, days]) => days.length !== 1)).toEqual([]);
    const on = (key: string) => facts.get(key);
    expect(on('case-esc casus.DeadlineApproaching.v1 liaison-answer:req-vp@2026-03-11')).toEqual([
      '2026-03-09',
    ]);
    expect(on('case-esc casus.DeadlineMissed.v1 liaison-answer:req-vp@2026-03-11')).toEqual(['2026-03-12']);
    expect(on('case-plain casus.DeadlineApproaching.v1 liaison-answer:req-vp@2026-03-11')).toEqual([
      '2026-03-09',
    ]);
    expect(on('case-plain casus.DeadlineMissed.v1 liaison-answer:req-vp@2026-03-11')).toEqual(['2026-03-12']);
    // Extended on 13 March to the 20th: the new due date is noted again, once.
    expect(on('case-plain casus.DeadlineApproaching.v1 liaison-answer:req-vp@2026-03-20')).toEqual([
      '2026-03-18',
    ]);
    expect(on('case-plain casus.DeadlineMissed.v1 liaison-answer:req-vp@2026-03-20')).toEqual(['2026-03-21']);
    // The 18-/18+ case: milestones already past at registration are missed at the first tick; the birthday once.
    expect(on('case-turns18 casus.DeadlineMissed.v1 transition-plan-started:2026-04-15@2024-04-15')).toEqual([
      '2026-03-02',
    ]);
    expect(
      on(
        'case-turns18 casus.DeadlineApproaching.v1 transition-verlengde-jeugdhulp-decision:2026-04-15@2026-04-14',
      ),
    ).toEqual(['2026-04-12']);
    expect(on('case-turns18 casus.EighteenthBirthdayPassed.v1 2026-04-15')).toEqual(['2026-04-15']);
    expect(foldCase(events.filter((e) => e.streamId === 'case-turns18')).birthdayPassed).toBe(true);

    // Every open deadline with a running clock whose due date has passed was noted missed for that date.
    for (const caseId of ['esc', 'plain', 'turns18']) {
      const state = foldCase(events.filter((e) => e.streamId === `case-${caseId}`));
      for (const [deadlineId, notice] of Object.entries(state.deadlineNotices)) {
        if (notice.missedFor !== null) {
          expect(on(`case-${caseId} casus.DeadlineMissed.v1 ${deadlineId}@${notice.missedFor}`)).toHaveLength(
            1,
          );
        }
      }
    }

    // Deterministic ids: the id of each event follows from its case and fact, never from chance.
    for (const event of watcherEvents(events)) {
      const caseId = event.streamId.slice('case-'.length);
      expect(event.eventId).toBe(watchEventIds(caseId, [event], event.streamVersion)[0]);
      expect(event.metadata).toMatchObject({
        actor: { role: 'system', userId: 'deadline-watcher' },
        causationId: event.metadata.correlationId,
        schemaVersion: 1,
      });
    }
  }, 60_000);

  it('escalates a missed answer automatically where the table is configured for it, and not where it is not', async () => {
    const events = await singleWatcherRun();
    const escalations = events.filter((e) => e.type === 'casus.CaseEscalated.v1');
    expect(escalations.map((e) => [e.streamId, dayOf(e)])).toEqual([['case-esc', '2026-03-12']]);
    expect(escalations[0].data).toMatchObject({
      escalationId: 'auto-escalation-1',
      level: 'opschaaltafel',
      reason: 'deadline-missed',
      needIds: ['need-vp'],
      // mwt-ijssel-vecht's autoEscalation in the shipped reference data.
      mandateHolder: { organisationId: 'GM0193' },
      decisionOwner: { organisationId: 'GM0193' },
    });
    // The escalation's own decision deadline is then watched like any other.
    expect(
      byFact(events).get('case-esc casus.DeadlineMissed.v1 escalation-decision:auto-escalation-1@2026-03-26'),
    ).toEqual(['2026-03-27']);
  }, 60_000);
});

describe('DeadlineWatcher: exactly once without a lock', () => {
  it('two watchers at the same time (own store connection and read models, as two processes) store each fact once', async () => {
    const reference = new Set(watcherEvents(await singleWatcherRun()).map((e) => e.eventId));

    const world = newWorld();
    await scriptCases(world);
    const first = await world.watcher();
    const second = await world.watcher(world.secondStore());
    const reports: WatchTickReport[] = [];
    await runCalendar(world, async () => {
      reports.push(...(await Promise.all([first.tick(), second.tick()])));
    });
    expect(reports.filter((r) => r.error !== null)).toEqual([]);

    const events = await world.events();
    expect([...byFact(events)].filter(([, days]) => days.length !== 1)).toEqual([]);
    expect(new Set(watcherEvents(events).map((e) => e.eventId))).toEqual(reference);
    expect(watcherEvents(events)).toHaveLength(reference.size);
  }, 60_000);

  it('a watcher whose read was overtaken by another write reads the case again and decides again', async () => {
    const world = newWorld();
    await scriptCases(world);
    world.clock.set('2026-03-12T06:30:00.000Z');
    // The watcher's first append (for `esc`) is held until a coordinator has written to `esc` meanwhile.
    let release!: () => void;
    const commandDone = new Promise<void>((resolve) => (release = resolve));
    const held = holdAppends(world.store, commandDone);
    const watcher = await world.watcher(held.store);

    const ticking = watcher.tick();
    await held.firstAppendHeld;
    const command = await world.log.execute({
      type: 'AddParty',
      data: {
        caseId: 'esc',
        party: { organisationId: 'org-gm0193', kind: 'gemeente', code: 'GM0193' },
        role: 'adviseur',
      },
      metadata: {
        userId: 'u',
        role: 'coordinator',
        organisationId: 'org-gm0344',
        now: '2026-03-12T07:00:00Z',
      },
    });
    release();
    const report = await ticking;

    expect(held.refusedAppends()).toBe(1);
    expect(report).toMatchObject({ conflicts: 0, error: null, eventsAlreadyStored: 0 });
    const esc = (await world.events()).filter((e) => e.streamId === 'case-esc');
    const watched = watcherEvents(esc);
    expect(watched.map((e) => e.type)).toEqual(['casus.DeadlineMissed.v1', 'casus.CaseEscalated.v1']);
    // Decided again on the case with the command in it: stored after it.
    expect(watched[0].globalPosition).toBeGreaterThan(command.lastGlobalPosition);
  }, 30_000);

  it('a watcher that decided what another watcher stored first stores nothing twice', async () => {
    const world = newWorld();
    await scriptCases(world);
    world.clock.set('2026-03-12T06:30:00.000Z');
    let release!: () => void;
    const winnerDone = new Promise<void>((resolve) => (release = resolve));
    const held = holdAppends(world.secondStore(), winnerDone);
    const loser = await world.watcher(held.store);
    const winner = await world.watcher();

    const losing = loser.tick();
    await held.firstAppendHeld;
    const won = await winner.tick();
    release();
    const lost = await losing;

    expect(won.eventsAppended).toBeGreaterThan(0);
    // Its first case it had decided on the version the winner wrote on: the same ids, taken as a retry. The
    // others it read after the winner: nothing left to decide.
    expect(lost).toMatchObject({ eventsAppended: 0, conflicts: 0, error: null });
    expect(lost.eventsAlreadyStored).toBeGreaterThan(0);
    const events = await world.events();
    expect([...byFact(events)].filter(([, days]) => days.length !== 1)).toEqual([]);
    expect(watcherEvents(events)).toHaveLength(won.eventsAppended);
  }, 30_000);

  it('two watchers that decide the same on the same version append the same ids: the store keeps one copy', async () => {
    const world = newWorld();
    await scriptCases(world);
    world.clock.set('2026-03-12T06:30:00.000Z');
    // Both hold their appends until both have decided: neither has seen the other's events.
    let decided = 0;
    let bothDecided!: () => void;
    const barrier = new Promise<void>((resolve) => (bothDecided = resolve));
    const wrap = (store: EventStore) =>
      withAppend(store, async (append) => {
        if (++decided === 2) bothDecided();
        await barrier;
        return append();
      });
    const first = await world.watcher(wrap(world.store));
    const second = await world.watcher(wrap(world.secondStore()));
    const reports = await Promise.all([first.tick(), second.tick()]);
    expect(reports.map((r) => r.error)).toEqual([null, null]);

    const events = watcherEvents(await world.events());
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect([...byFact(events)].filter(([, days]) => days.length !== 1)).toEqual([]);
  }, 30_000);

  it('a restart in the middle of a tick, and a new watcher without memory, store nothing twice and miss nothing', async () => {
    const reference = new Set(watcherEvents(await singleWatcherRun()).map((e) => e.eventId));

    const world = newWorld();
    await scriptCases(world);
    let watcher: DeadlineWatcher = await world.watcher();
    const restarts: string[] = [];
    await runCalendar(world, async (instant, day) => {
      // On days with something to store, stop the watcher right after its first append (in the middle of the
      // tick), and go on with a new one, as after a crash and restart.
      if (['2026-03-02', '2026-03-12', '2026-04-15'].includes(day) && instant.endsWith('06:30:00.000Z')) {
        await watcher.stop();
        let interrupted: DeadlineWatcher | null = null;
        interrupted = await world.watcher(
          withAppend(world.store, async (append) => {
            const result = await append();
            void interrupted?.stop();
            return result;
          }),
        );
        const report = await interrupted.tick();
        await interrupted.stop();
        restarts.push(`${day}:${report.casesChanged}`);
        watcher = await world.watcher();
      }
      await watcher.tick();
    });
    expect(restarts).toEqual(['2026-03-02:1', '2026-03-12:1', '2026-04-15:1']);
    // (Each interrupted tick stored one case and left the others to the next watcher.)

    const events = await world.events();
    expect([...byFact(events)].filter(([, days]) => days.length !== 1)).toEqual([]);
    expect(new Set(watcherEvents(events).map((e) => e.eventId))).toEqual(reference);
  }, 60_000);
});

describe('DeadlineWatcher: what it reads', () => {
  it('reads a case again only when it changed or its next watch date has come', async () => {
    const world = newWorld();
    await scriptCases(world);
    const counted = countReads(world.store);
    const watcher = await world.watcher(counted.store);
    const at = async (instant: string) => {
      world.clock.set(instant);
      const before = counted.reads();
      const report = await watcher.tick();
      return {
        casesRead: report.casesRead,
        reads: counted.reads() - before,
        appended: report.eventsAppended,
      };
    };

    // Registration day: only the 18-/18+ case has something due (milestones already past): read once, and not
    // again by the second tick of the day.
    expect(await at('2026-03-02T06:30:00.000Z')).toEqual({ casesRead: 1, reads: 1, appended: 4 });
    expect(await at('2026-03-02T20:00:00.000Z')).toEqual({ casesRead: 0, reads: 0, appended: 0 });
    // 3 March: the 18-/18+ case is still a candidate (its missed milestones stay open) but its next watch date
    // is 14 March; the others are not due yet: nothing is read.
    expect(await at('2026-03-03T06:30:00.000Z')).toEqual({ casesRead: 0, reads: 0, appended: 0 });
    // 9 March: both liaison answers approach (due the 11th, lead 2): those two cases are read.
    expect(await at('2026-03-09T06:30:00.000Z')).toEqual({ casesRead: 2, reads: 2, appended: 2 });
    expect(await at('2026-03-10T06:30:00.000Z')).toEqual({ casesRead: 0, reads: 0, appended: 0 });
    // A command changes `plain`: it is read again (and gives nothing new).
    await world.log.execute({
      type: 'AddParty',
      data: {
        caseId: 'plain',
        party: { organisationId: 'org-gm0321', kind: 'gemeente', code: 'GM0321' },
        role: 'adviseur',
      },
      metadata: {
        userId: 'u',
        role: 'coordinator',
        organisationId: 'org-gm0344',
        now: '2026-03-10T09:00:00Z',
      },
    });
    expect(await at('2026-03-10T20:00:00.000Z')).toEqual({ casesRead: 1, reads: 1, appended: 0 });
  }, 30_000);
});

describe('DeadlineWatcher: failures and its schedule', () => {
  it('reports a tick whose candidates cannot be read as failed, and the next tick starts over', async () => {
    const world = newWorld();
    await scriptCases(world);
    world.clock.set('2026-03-02T06:30:00.000Z');
    let failNext = true;
    const reports: WatchTickReport[] = [];
    const watcher = await world.watcher(world.store, {
      candidates: () => {
        if (failNext) {
          failNext = false;
          throw new Error('SQLITE_BUSY: database is locked');
        }
        return [{ caseId: 'turns18', version: 1 }];
      },
      onTick: (report) => reports.push(report),
    });
    const failed = await watcher.tick();
    expect(failed).toMatchObject({ error: { name: 'Error' }, candidates: 0, eventsAppended: 0 });
    expect(watcher.status()).toMatchObject({ ticks: 1, failedTicks: 1, lastSuccessfulTick: null });
    const next = await watcher.tick();
    expect(next).toMatchObject({ error: null, casesRead: 1, eventsAppended: 4 });
    expect(watcher.status()).toMatchObject({ ticks: 2, failedTicks: 1, lastSuccessfulTick: next });
    expect(reports).toEqual([failed, next]);
  }, 30_000);

  it('ticks on its schedule until stopped, and stop() waits for the tick in progress', async () => {
    const world = newWorld();
    await scriptCases(world);
    world.clock.set('2026-03-02T06:30:00.000Z');
    let ticks = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const watcher = await world.watcher(world.store, {
      intervalMs: 10,
      catchUp: async () => {
        if (++ticks === 3) await held; // the third tick is in progress when stop() is called
      },
    });
    watcher.start();
    await until(() => ticks >= 3);
    const stopping = watcher.stop();
    expect(watcher.status().state).toBe('stopping');
    release();
    await stopping;
    expect(watcher.status()).toMatchObject({ state: 'stopped', ticks: 3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticks).toBe(3); // nothing scheduled after stop()
  }, 30_000);
});

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A store whose appends are held until `release` resolves; counts the appends the store refused. */
function holdAppends(store: EventStore, release: Promise<void>) {
  let refused = 0;
  let held!: () => void;
  const firstAppendHeld = new Promise<void>((resolve) => (held = resolve));
  const wrapped = withAppend(store, async (append) => {
    held();
    await release;
    try {
      return await append();
    } catch (error) {
      refused++;
      throw error;
    }
  });
  return { store: wrapped, firstAppendHeld, refusedAppends: () => refused };
}

/** The store with `around` wrapped around every append. */
function withAppend(
  store: EventStore,
  around: (append: () => ReturnType<EventStore['append']>) => ReturnType<EventStore['append']>,
): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'append') {
        return (...args: Parameters<EventStore['append']>) => around(() => target.append(...args));
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The store, counting reads of whole case streams (not the one-event read that checks an append). */
function countReads(store: EventStore) {
  let reads = 0;
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readStream') {
        return (...args: Parameters<EventStore['readStream']>) => {
          if (args[0].startsWith('case-') && args[1] === undefined) reads++;
          return target.readStream(...args);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, reads: () => reads };
}
