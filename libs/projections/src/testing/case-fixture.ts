import { SqliteEventStore } from '@casusregie/event-store';
import { CaseProjection } from '../cases/case-projection';
import { ReadModelDatabase } from '../database/read-model-database';
import { CaseReadModels } from '../queries/case-read-models';
import { ProjectionRunner } from '../runner/projection-runner';
import { CaseLog } from './case-log';
import { CaseScript } from './case-script';
import {
  arrangedGrensvlak,
  awaitingAnswer,
  disputedGrensvlak,
  moeilijkPlaatsbaar,
  referred,
  runSteps,
} from './journeys';
import { ORG, REGION_OF_TABLE, TABLE } from './organisations';
import { caughtUp, quietLogger } from './runner-support';

/** The moment the fixture's queries are asked at. */
export const NOW = '2025-03-20T12:00:00Z';

export interface CaseFixture {
  readonly store: SqliteEventStore;
  readonly db: ReadModelDatabase;
  readonly log: CaseLog;
  readonly runner: ProjectionRunner;
  readonly queries: CaseReadModels;
  /** Runs until the runner has everything in the store. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/** A store and a running case processor on empty in-memory databases. */
export async function emptyFixture(): Promise<CaseFixture> {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const db = new ReadModelDatabase({ filename: ':memory:' });
  const runner = new ProjectionRunner({
    store,
    database: db,
    projection: new CaseProjection(db),
    logger: quietLogger,
  });
  runner.start();
  return {
    store,
    db,
    log: new CaseLog(store),
    runner,
    queries: new CaseReadModels(db, { regionOf: (tableId) => REGION_OF_TABLE[tableId] }),
    caughtUp: () => caughtUp(runner, store),
    async close() {
      await runner.stop();
      db.close();
      await store.close();
    },
  };
}

/**
 * Six cases built by real commands, as they stand at NOW:
 * - mp-1: moeilijk plaatsbaar, Utrecht Stad, spoed, Zilveren Kruis; placed and closed after 70 days.
 * - mp-2: moeilijk plaatsbaar, Zuidoost Utrecht, VGZ, regiehouder Houten; decided provisionally, one provider
 *   refused, still waiting for an offer.
 * - gv-arr: grensvlak, Utrecht Stad, VGZ; arranged at the table and closed after 20 days.
 * - gv-dis: grensvlak, IJssel-Vecht, CZ, regiehouder Zwolle; rejected and escalated (open), a gap.
 * - gv-wait: grensvlak, Utrecht Stad, hoog, Zilveren Kruis; the request is unanswered past its due date, a gap.
 * - ref: Hart van Brabant, referred at triage.
 */
export async function sixCases(fixture: CaseFixture): Promise<void> {
  const { log } = fixture;
  await runSteps(
    moeilijkPlaatsbaar(new CaseScript(log, 'mp-1'), '2025-01-06T08:00:00Z', {
      tableId: TABLE.utrechtStad,
      urgency: 'spoed',
      insurer: ORG.zilverenKruis,
    }),
  );
  await runSteps(
    moeilijkPlaatsbaar(new CaseScript(log, 'mp-2', ORG.houten), '2025-02-03T08:00:00Z', {
      tableId: TABLE.zuidoostUtrecht,
      insurer: ORG.vgz,
      summary: 'Moeilijk plaatsbare jongvolwassene met LVB, zwerft tussen opvangplekken.',
    }).slice(0, 14),
  );
  await runSteps(
    arrangedGrensvlak(new CaseScript(log, 'gv-arr'), '2025-02-10T08:00:00Z', {
      tableId: TABLE.utrechtStad,
      insurer: ORG.vgz,
    }),
  );
  await runSteps(
    disputedGrensvlak(new CaseScript(log, 'gv-dis', ORG.zwolle), '2025-02-17T08:00:00Z', {
      tableId: TABLE.ijsselVecht,
      insurer: ORG.cz,
    }),
  );
  await runSteps(
    awaitingAnswer(new CaseScript(log, 'gv-wait'), '2025-03-03T08:00:00Z', {
      tableId: TABLE.utrechtStad,
      urgency: 'hoog',
      insurer: ORG.zilverenKruis,
      summary: 'Wijkverpleging na heupoperatie; verzekeraar nog niet gereageerd.',
    }),
  );
  await runSteps(
    referred(new CaseScript(log, 'ref'), '2025-03-04T08:00:00Z', { tableId: TABLE.hartVanBrabant }),
  );
  await fixture.caughtUp();
}
