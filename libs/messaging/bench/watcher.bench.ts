/**
 * Deadline watcher benchmark on a seeded data directory (npm run seed), on a copy of it (the watcher appends):
 *
 *   npm run seed -- --cases 20000 --data-dir /tmp/casusregie-20k
 *   npm run bench:watcher -- --data-dir /tmp/casusregie-20k [--today 2026-11-20] [--lead 3]
 *
 * Prints one line per tick and a final JSON line: the candidate query alone, the first tick on a log no watcher ever
 * saw (it notes everything that is due), a second tick the same day (the memory skips every case), a tick the
 * next day, and the first tick of a restarted watcher (no memory: every candidate is read again, nothing is new).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { addCalendarDays } from '@casusregie/domain';
import { SqliteEventStore } from '@casusregie/event-store';
import { defaultReadModelPath, openCaseReadModels } from '@casusregie/projections';
import { autoEscalationFor, loadReferenceData } from '@casusregie/reference-data';
import { silentRelayLogger } from '../src/relay/relay-logger';
import { DeadlineWatcher, type WatchTickReport } from '../src/watcher/deadline-watcher';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      today: { type: 'string', default: '2026-11-20' },
      lead: { type: 'string', default: '3' },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir <a seeded data directory> is required');
  const dir = mkdtempSync(join(tmpdir(), 'casusregie-watcher-bench-'));
  cpSync(values['data-dir'], dir, { recursive: true });
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'FULL' });
  const readModels = openCaseReadModels({ store, filename: defaultReadModelPath(dir) });
  const referenceData = loadReferenceData();
  const lead = Number(values.lead);
  let now = new Date(`${values.today}T08:00:00Z`);
  try {
    await readModels.start();
    const caughtUp = async () => {
      await readModels.runner.waitForPosition(await store.headPosition(), 120_000);
    };
    await caughtUp();
    const watcher = () =>
      new DeadlineWatcher({
        store,
        catchUp: caughtUp,
        candidates: ({ today, dueOnOrBefore }) =>
          readModels.queries.watchCandidates({ dueOnOrBefore, birthdayOnOrBefore: today }),
        now: () => now,
        approachingWithinDays: lead,
        autoEscalationFor: (tableId) => autoEscalationFor(referenceData, tableId),
        logger: silentRelayLogger,
      });

    const today = values.today!;
    const window = { dueOnOrBefore: addCalendarDays(today, lead), birthdayOnOrBefore: today };
    const queryStarted = performance.now();
    const candidates = readModels.queries.watchCandidates(window).length;
    const candidateQueryMs = Math.round(performance.now() - queryStarted);
    console.log(`candidate query: ${candidates} candidates in ${candidateQueryMs} ms`);

    const show = (name: string, r: WatchTickReport) => {
      console.log(
        `${name.padEnd(26)} ${String(r.durationMs).padStart(7)} ms  candidates ${r.candidates}  read ${r.casesRead}` +
          `  appended ${r.eventsAppended} in ${r.casesChanged} cases  conflicts ${r.conflicts}  error ${r.error?.name ?? '-'}`,
      );
      return {
        durationMs: r.durationMs,
        candidates: r.candidates,
        casesRead: r.casesRead,
        appended: r.eventsAppended,
      };
    };
    const first = watcher();
    const firstTick = show('first tick (cold log)', await first.tick());
    const sameDay = show('second tick, same day', await first.tick());
    now = new Date(`${addCalendarDays(today, 1)}T08:00:00Z`);
    const nextDay = show('tick the next day', await first.tick());
    const restarted = show('restarted watcher', await watcher().tick());
    console.log(
      JSON.stringify({
        cases: readModels.database.connection.prepare('SELECT count(*) AS n FROM cases').pluck().get(),
        lead,
        candidateQueryMs,
        firstTick,
        sameDay,
        nextDay,
        restarted,
      }),
    );
  } finally {
    await readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
