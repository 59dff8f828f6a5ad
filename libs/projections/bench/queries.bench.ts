/**
 * Query latency on a rebuilt read-model file (e.g. 100k cases from generate-log.ts + rebuild):
 *   node -r @swc-node/register libs/projections/bench/queries.bench.ts <read-models.sqlite> [iterations]
 * Runs each work-queue shape (first page and next page), the case detail, the gaps and the stats in-process, and
 * prints p50/p99 in milliseconds per shape. No HTTP: this is the read model's share of an API request.
 */
import { ReadModelDatabase } from '../src/database/read-model-database';
import { CaseReadModels } from '../src/queries/case-read-models';
import type { AccessFilter } from '../src/queries/access-filter';
import type { CaseListFilter, CaseSort } from '../src/queries/list-cases';
import { prng } from '../src/testing/generate-cases';
import { ORG, TABLE } from '../src/testing/organisations';

const NOW = '2025-01-15T12:00:00Z';
const TABLES = Object.values(TABLE);
const INSURERS = [ORG.zilverenKruis, ORG.vgz, ORG.cz].map((o) => o.organisationId);
const WORDS = ['ziekenhuisopname', 'wachtlijst', 'verslaving', 'indicatie', 'volwassenenzorg', 'heup', 'LVB'];

type Shape = (random: () => number) => { access: AccessFilter; filter: CaseListFilter; sort?: CaseSort };

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)];
const coordinator = (random: () => number): AccessFilter => ({ tables: [pick(random, TABLES)] });
const liaison = (random: () => number): AccessFilter => ({ organisation: pick(random, INSURERS) });

const SHAPES: Record<string, Shape> = {
  default: (r) => ({ access: coordinator(r), filter: {} }),
  open: (r) => ({ access: coordinator(r), filter: { status: 'accepted' } }),
  gaps: (r) => ({ access: coordinator(r), filter: { status: 'accepted', hasGap: true } }),
  overdue: (r) => ({ access: coordinator(r), filter: { status: 'accepted', overdue: true, now: NOW } }),
  escalated: (r) => ({ access: coordinator(r), filter: { escalated: true } }),
  type: (r) => ({ access: coordinator(r), filter: { caseType: 'moeilijk-plaatsbaar', status: 'accepted' } }),
  organisation: (r) => ({ access: coordinator(r), filter: { organisationId: pick(r, INSURERS) } }),
  text: (r) => ({ access: coordinator(r), filter: { text: pick(r, WORDS) } }),
  urgency: (r) => ({ access: coordinator(r), filter: { status: 'accepted' }, sort: { by: 'urgency' } }),
  oldest: (r) => ({ access: coordinator(r), filter: {}, sort: { by: 'registeredAt', direction: 'asc' } }),
  liaison: (r) => ({ access: liaison(r), filter: {} }),
  'liaison-gaps': (r) => ({ access: liaison(r), filter: { hasGap: true } }),
  auditor: () => ({ access: {}, filter: { status: 'accepted' } }),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const [filename, iterationsArg] = process.argv.slice(2);
  if (!filename) throw new Error('usage: queries.bench.ts <read-models.sqlite> [iterations]');
  const iterations = Number(iterationsArg ?? 300);
  const db = new ReadModelDatabase({ filename });
  const queries = new CaseReadModels(db);
  const random = prng(7);
  const caseIds = db.connection.prepare('SELECT case_id FROM cases').pluck().all() as string[];
  const rows: [string, number, number][] = [];
  const measure = (name: string, run: () => void) => {
    for (let i = 0; i < 20; i++) run(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push([name, percentile(times, 50), percentile(times, 99)]);
  };
  for (const [name, shape] of Object.entries(SHAPES)) {
    measure(name, () => {
      const { access, filter, sort } = shape(random);
      queries.listCases(access, filter, sort, null, 50);
    });
    measure(`${name}+page`, () => {
      const { access, filter, sort } = shape(random);
      const first = queries.listCases(access, filter, sort, null, 50);
      if (first.nextCursor) queries.listCases(access, filter, sort, first.nextCursor, 50);
    });
  }
  measure('getCase', () => queries.getCase(pick(random, caseIds), { now: NOW }));
  measure('listGaps', () => queries.listGaps(coordinator(random), NOW, { limit: 100 }));
  measure('stats (coordinator)', () => queries.stats(coordinator(random), NOW));
  db.close();
  process.stdout.write(`| query | p50 ms | p99 ms |\n|---|---|---|\n`);
  for (const [name, p50, p99] of rows)
    process.stdout.write(`| ${name} | ${p50.toFixed(2)} | ${p99.toFixed(2)} |\n`);
}

main();
