/**
 * API benchmark: `npm run bench:api [-- --data-dir ./data --seconds 20]`, on a data directory filled by
 * `npm run seed`. Starts the embedded app as `npm start` does, in a child process with a known AUTH_JWT_SECRET (so
 * the load generator does not share the app's event loop), and measures with 64 keep-alive HTTP clients:
 *
 *   - workQueueP99Ms            GET /cases: filtered (status, gaps, overdue, escalated, type, organisation, text),
 *                               sorted, paged with the cursor; coordinators of a table and liaisons of an insurer
 *   - caseDetailP99Ms           GET /cases/{id}
 *   - responsibilityStepsP99Ms  GET /cases/{id}/responsibility/steps
 *   - commandsPerSec, commandP99Ms  mixed commands: register, triage, add party, agenda, discussion with needs,
 *                               propose, request, the liaison's accept or reject (scripts/bench/command-workload.ts)
 *   - rebuildEventsPerSec       after the app stopped: the read models rebuilt from the whole log, into a scratch
 *                               file next to the real one (which is left alone)
 *
 * Before anything is measured, the app's background processors settle (scripts/bench/settle.ts): the seed does
 * not run the deadline watcher, so on a fresh seed it first notes every deadline the history let pass.
 *
 * Every endpoint runs twice. First closed loop (each client sends its next request as soon as it has the answer):
 * that throughput is the capacity, and it is commandsPerSec for the commands. Then paced (open loop) at a fixed
 * offered rate shared by the 64 clients: 1,000 commands/s (the target) and --read-rate reads/s, or 90% of the
 * capacity when that is lower; its p99 is the ...P99Ms figure. Paced latency counts from when a request was due,
 * so a server that falls behind shows it. (A p99 from the closed loop would say little: with 64 clients always
 * waiting, the mean latency is 64 / throughput by Little's law.)
 *
 * Each run has --warmup seconds unmeasured, then --seconds measured. Only 2xx answers count as successes and only
 * they are in the percentiles; every other answer is counted by status and the first of each is printed. An
 * endpoint that is not in the app's OpenAPI document (/docs/json) is reported as null. Prints tables (figures and
 * targets; capacity, app CPU per request and load per endpoint; commands and work-queue filters by kind), then
 * one JSON line with exactly the six figures.
 *
 * Options: --data-dir (DATA_DIR or ./data), --seconds 20, --warmup 3, --clients 64, --read-rate 200,
 * --command-rate 1000 (the offered rate of the paced command run; the target is 1,000), --seed 7,
 * --sample 4000 (random log positions; their cases are read and worked on), --idempotency-share 0.5 (commands sent
 * with an Idempotency-Key), --log-level warn (the app's LOG_LEVEL; info logs every request), --port 0 (a free
 * port), --app-node-options=... (NODE_OPTIONS for the app, e.g. =--cpu-prof to see where its time goes),
 * --watch-interval-ms (the app's WATCH_INTERVAL_MS; default: the app's own, 60 s), --only
 * workQueue,caseDetail,responsibilitySteps,commands,rebuild (measure only these; the others print null, marked
 * skipped).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '@casusregie/event-store';
import { rebuildProjections } from '@casusregie/projections';
import { type RunningApp, startApp } from './bench/app-process';
import { sampleCases } from './bench/case-sample';
import { settleProcessors } from './bench/settle';
import { CommandWorkload } from './bench/command-workload';
import { HttpClient, type HttpResult } from './bench/http-client';
import { Latencies } from './bench/latency';
import { Prng } from './bench/prng';
import {
  CaseReadWorkload,
  type QueryEndpoints,
  type Recorder,
  WorkQueueWorkload,
  endpointsOf,
} from './bench/query-workload';
import { tableProfiles } from './bench/tables';
import { Tokens } from './bench/tokens';

/** The command target: 1,000 commands/s with p99 under 25 ms. */
const TARGET_COMMAND_RATE = 1000;
/** Clients registered before the command runs; new cases are registered for one of them. */
const SUBJECT_POOL = 200;

interface Options {
  readonly dataDir: string;
  readonly seconds: number;
  readonly warmup: number;
  readonly clients: number;
  readonly seed: number;
  readonly sample: number;
  readonly idempotencyShare: number;
  readonly readRate: number;
  readonly commandRate: number;
  readonly logLevel: string;
  readonly port: number;
  readonly appNodeOptions: string | undefined;
  /** WATCH_INTERVAL_MS of the app (null: the app's default). */
  readonly watchIntervalMs: number | null;
  /** Only these measurements (the others are reported as null, marked skipped); null = all. */
  readonly only: ReadonlySet<string> | null;
}

const MEASUREMENTS = ['workQueue', 'caseDetail', 'responsibilitySteps', 'commands', 'rebuild'];

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
      sample: { type: 'string' },
      'idempotency-share': { type: 'string' },
      'read-rate': { type: 'string' },
      'command-rate': { type: 'string' },
      'log-level': { type: 'string' },
      port: { type: 'string' },
      'app-node-options': { type: 'string' },
      'watch-interval-ms': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const number = (name: string, raw: string | undefined, fallback: number, min: number, max = Infinity) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new Error(`--${name} must be a number from ${min}${max === Infinity ? '' : ` to ${max}`}`);
    }
    return value;
  };
  return {
    dataDir: resolve(values['data-dir'] ?? (process.env.DATA_DIR || './data')),
    seconds: number('seconds', values.seconds, 20, 1),
    warmup: number('warmup', values.warmup, 3, 0),
    clients: Math.floor(number('clients', values.clients, 64, 1)),
    seed: Math.floor(number('seed', values.seed, 7, 0)),
    sample: Math.floor(number('sample', values.sample, 4000, 10)),
    idempotencyShare: number('idempotency-share', values['idempotency-share'], 0.5, 0, 1),
    readRate: number('read-rate', values['read-rate'], 200, 1),
    commandRate: number('command-rate', values['command-rate'], TARGET_COMMAND_RATE, 1),
    logLevel: values['log-level'] ?? 'warn',
    port: Math.floor(number('port', values.port, 0, 0, 65535)),
    appNodeOptions: values['app-node-options'],
    watchIntervalMs:
      values['watch-interval-ms'] === undefined
        ? null
        : Math.floor(number('watch-interval-ms', values['watch-interval-ms'], 60_000, 10, 86_400_000)),
    only: values.only === undefined ? null : new Set(values.only.split(',').map((m) => m.trim())),
  };
}

interface PhaseResult {
  readonly all: Latencies;
  readonly byKind: Map<string, Latencies>;
  readonly seconds: number;
  /** Requests per second offered (paced phase), or null (closed loop: each client sends when answered). */
  readonly rate: number | null;
  /** Cores the app and this process used during the measured window (1.0 = one core busy). */
  readonly appCores: number | null;
  readonly clientCores: number;
  /** The machine's 1-minute load average at the end (other work on the machine shows here). */
  readonly load: number;
  /** Share of the measured time some task on the machine waited for a CPU (/proc/pressure/cpu), or null. */
  readonly cpuPressure: number | null;
  /** Shares of the measured time the app's main thread ran, waited for a CPU, or was blocked or idle. */
  readonly mainThread: {
    readonly running: number;
    readonly waitingForCpu: number;
    readonly other: number;
  } | null;
}

interface EndpointRun {
  /** Closed loop: 64 clients, each sending its next request as soon as it has the answer. */
  readonly capacity: PhaseResult;
  /** Paced (open loop) at the offered rate; latency counted from the moment a request was due. */
  readonly paced: PhaseResult | null;
}

/**
 * Runs `clients` loops of `step` for warm-up plus measured time and records the requests started in the measured
 * window. Without `rate` each client sends as soon as it has its answer (closed loop: the throughput is the
 * capacity, and by Little's law the latency is then clients / throughput). With `rate` the clients share that many
 * requests per second on a fixed schedule and a request's latency counts from when it was due, so a server that
 * falls behind shows it (no coordinated omission).
 */
async function runPhase(
  name: string,
  options: Options,
  app: RunningApp,
  seedWord: number,
  rate: number | null,
  step: (rng: Prng, record: Recorder) => Promise<void>,
): Promise<PhaseResult> {
  const all = new Latencies();
  const byKind = new Map<string, Latencies>();
  const begin = performance.now();
  const measureFrom = begin + options.warmup * 1000;
  const measureTo = measureFrom + options.seconds * 1000;
  let appCpuFrom: number | null = null;
  let pressureFrom: number | null = null;
  let threadFrom: ReturnType<RunningApp['mainThread']> = null;
  let clientCpuFrom = process.cpuUsage();
  const marks = {
    ended: false,
    appCpu: null as number | null,
    pressure: null as number | null,
    thread: null as ReturnType<RunningApp['mainThread']>,
    clientCpu: process.cpuUsage(),
  };
  const startTimer = setTimeout(() => {
    appCpuFrom = app.cpuSeconds();
    pressureFrom = cpuPressureSeconds();
    threadFrom = app.mainThread();
    clientCpuFrom = process.cpuUsage();
  }, measureFrom - begin);
  const endMeasure = () => {
    if (marks.ended) return;
    marks.ended = true;
    marks.appCpu = app.cpuSeconds();
    marks.pressure = cpuPressureSeconds();
    marks.thread = app.mainThread();
    marks.clientCpu = process.cpuUsage(clientCpuFrom);
  };
  const endTimer = setTimeout(endMeasure, measureTo - begin);
  /** The first request of a step counts from when the step was due; further ones (next pages) from their start. */
  const recorderFor = (due: number): Recorder => {
    let first = true;
    return (kind, result: HttpResult) => {
      const end = performance.now();
      const startedAt = first ? due : end - result.ms;
      const ms = first ? Math.max(result.ms, end - due) : result.ms;
      first = false;
      if (startedAt < measureFrom || startedAt >= measureTo) return;
      all.record(result.status, ms, result.text);
      let latencies = byKind.get(kind);
      if (!latencies) byKind.set(kind, (latencies = new Latencies()));
      latencies.record(result.status, ms, result.text);
    };
  };
  process.stderr.write(
    `${name}: ${rate === null ? 'closed loop' : `${rate}/s offered`}, ${options.warmup} s warm-up, ` +
      `${options.seconds} s measured, ${options.clients} clients\n`,
  );
  const interval = rate === null ? 0 : (options.clients / rate) * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      const rng = new Prng(options.seed, seedWord, client);
      let due = begin + (client * interval) / options.clients;
      for (;;) {
        if (rate === null) {
          if (performance.now() >= measureTo) break;
          due = performance.now();
        } else {
          if (due >= measureTo) break;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
        }
        await step(rng, recorderFor(due));
        due += interval;
      }
    }),
  );
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  endMeasure();
  const cpu = marks.clientCpu;
  const from = threadFrom as ReturnType<RunningApp['mainThread']>;
  const to = marks.thread;
  const mainThread =
    from && to
      ? {
          running: (to.onCpu - from.onCpu) / options.seconds,
          waitingForCpu: (to.waitingForCpu - from.waitingForCpu) / options.seconds,
          other: Math.max(
            0,
            1 - (to.onCpu - from.onCpu + to.waitingForCpu - from.waitingForCpu) / options.seconds,
          ),
        }
      : null;
  return {
    mainThread,
    all,
    byKind,
    seconds: options.seconds,
    rate,
    appCores:
      appCpuFrom !== null && marks.appCpu !== null ? (marks.appCpu - appCpuFrom) / options.seconds : null,
    clientCores: (cpu.user + cpu.system) / 1e6 / options.seconds,
    load: loadavg()[0],
    cpuPressure:
      pressureFrom !== null && marks.pressure !== null
        ? (marks.pressure - (pressureFrom as number)) / options.seconds
        : null,
  };
}

/** Capacity first; then paced at `targetRate`, or at 90% of the capacity when that is lower. */
async function measureEndpoint(
  name: string,
  options: Options,
  app: RunningApp,
  seedWord: number,
  targetRate: number,
  step: (rng: Prng, record: Recorder) => Promise<void>,
): Promise<EndpointRun> {
  const capacity = await runPhase(`${name} capacity`, options, app, seedWord, null, step);
  const sustained = capacity.all.ok.length / capacity.seconds;
  if (sustained === 0) return { capacity, paced: null };
  const rate = sustained >= targetRate ? targetRate : Math.max(1, Math.floor(0.9 * sustained));
  const paced = await runPhase(`${name} paced`, options, app, seedWord + 100, rate, step);
  return { capacity, paced };
}

/** Seconds some task waited for a CPU since boot (Linux PSI), or null. */
function cpuPressureSeconds(): number | null {
  try {
    const match = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) / 1e6 : null;
  } catch {
    return null;
  }
}

function threadShares(phase: PhaseResult): string {
  const t = phase.mainThread;
  if (!t) return '-';
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return `${percent(t.running)} / ${percent(t.waitingForCpu)} / ${percent(t.other)}`;
}

function round(value: number | null): number | null {
  if (value === null) return null;
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

function show(value: number | null): string {
  return value === null ? 'null' : String(round(value));
}

async function rebuildIntoScratch(
  dataDir: string,
): Promise<{ events: number; eventsPerSecond: number; seconds: number }> {
  const scratch = join(dataDir, `bench-rebuild-${process.pid}.read-models.sqlite`);
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  try {
    const result = await rebuildProjections({ store, readDbPath: scratch });
    return {
      events: result.events,
      eventsPerSecond: result.eventsPerSecond,
      seconds: result.durationMs / 1000,
    };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const repoRoot = resolve(__dirname, '..');
  const eventsFile = join(options.dataDir, 'events.sqlite');
  if (!existsSync(eventsFile)) {
    throw new Error(
      `No event store at ${eventsFile}: run npm run seed -- --data-dir ${options.dataDir} first.`,
    );
  }
  const tables = tableProfiles();
  const rng = new Prng(options.seed, 0, 0);
  const unknown = [...(options.only ?? [])].filter((m) => !MEASUREMENTS.includes(m));
  if (unknown.length > 0)
    throw new Error(`--only takes ${MEASUREMENTS.join(', ')}; not ${unknown.join(', ')}`);
  const skipped = new Set(MEASUREMENTS.filter((m) => options.only !== null && !options.only.has(m)));

  process.stderr.write(`Sampling cases from ${eventsFile}\n`);
  const store = new SqliteEventStore({ filename: eventsFile });
  const headBefore = await store.headPosition();
  const sampled = await sampleCases(store, rng, options.sample);
  await store.close();
  const readable = sampled
    .filter((c) => c.state.tableId !== null)
    .map((c) => ({ caseId: c.caseId, tableId: c.state.tableId! }));

  const secret = randomBytes(32).toString('hex');
  const logFile = join(tmpdir(), `casusregie-bench-api-${process.pid}.log`);
  process.stderr.write(`Starting the app on ${options.dataDir} (log: ${logFile})\n`);
  const app = await startApp({
    repoRoot,
    dataDir: options.dataDir,
    secret,
    port: options.port,
    logLevel: options.logLevel,
    logFile,
    readyTimeoutMs: 300_000,
    nodeOptions: options.appNodeOptions,
    env: options.watchIntervalMs === null ? {} : { WATCH_INTERVAL_MS: String(options.watchIntervalMs) },
  });
  process.stderr.write(`App ready at ${app.baseUrl} after ${(app.startupMs / 1000).toFixed(1)} s\n`);

  const http = new HttpClient(app.baseUrl, options.clients);
  process.stderr.write('Waiting for the deadline watcher and the read models to settle (unmeasured)\n');
  const settled = await settleProcessors(http, 1_800_000, (line) => process.stderr.write(line));
  const settleNote =
    `Before measuring, the app's deadline watcher appended ${settled.eventsAppended.toLocaleString('en-US')} ` +
    `events in ${settled.seconds.toFixed(0)} s (deadlines the seeded history let pass)` +
    (settled.noWatcher ? '; no watcher runs in the app.' : '.');
  const tokens = new Tokens(secret, tables);
  const runs = new Map<string, EndpointRun | null>();
  const notes: string[] = [];
  const commands = new CommandWorkload(
    http,
    tokens,
    tables,
    sampled.map((c) => c.state),
    options.idempotencyShare,
    Date.now(),
  );
  try {
    const docs = await http.request('GET', '/docs/json');
    if (docs.status !== 200) throw new Error(`GET /docs/json answered ${docs.status}`);
    const endpoints: QueryEndpoints = endpointsOf(JSON.parse(docs.text));

    if (skipped.has('workQueue')) {
      runs.set('workQueue', null);
    } else if (endpoints.workQueue) {
      const workQueue = new WorkQueueWorkload(http, tokens, tables, endpoints.workQueue);
      const missing = workQueue.missingParams();
      if (missing.length > 0)
        notes.push(`GET /cases has no parameter ${missing.join(', ')}: left out of the queries.`);
      runs.set(
        'workQueue',
        await measureEndpoint('GET /cases', options, app, 1, options.readRate, (r, record) =>
          workQueue.step(r, record),
        ),
      );
    } else {
      runs.set('workQueue', null);
      notes.push('GET /cases is not in /docs/json: workQueueP99Ms is null.');
    }
    for (const [key, template, seedWord, label] of [
      ['caseDetail', endpoints.caseDetail, 2, 'GET /cases/{id}'],
      ['responsibilitySteps', endpoints.responsibilitySteps, 3, 'GET /cases/{id}/responsibility/steps'],
    ] as const) {
      if (skipped.has(key)) {
        runs.set(key, null);
        continue;
      }
      if (!template) {
        runs.set(key, null);
        notes.push(`${label} is not in /docs/json: ${key}P99Ms is null.`);
        continue;
      }
      const reads = new CaseReadWorkload(http, tokens, readable, template, key);
      runs.set(
        key,
        await measureEndpoint(label, options, app, seedWord, options.readRate, (r, record) =>
          reads.step(r, record),
        ),
      );
    }

    process.stderr.write(
      `Command pool: ${commands.casesAtTable} sampled cases at their table, ${commands.casesToTriage} awaiting triage\n`,
    );
    if (skipped.has('commands')) runs.set('commands', null);
    else {
      process.stderr.write(`Registering ${SUBJECT_POOL} subjects (POST /subjects, unmeasured)\n`);
      await commands.registerSubjects(SUBJECT_POOL);
      runs.set(
        'commands',
        await measureEndpoint('commands', options, app, 4, options.commandRate, async (r, record) => {
          const outcome = await commands.step(r);
          record(outcome.kind, outcome.result);
        }),
      );
    }
  } finally {
    http.close();
    const code = await app.stop();
    if (code !== 0 && code !== null) notes.push(`The app exited with code ${code} (log ${logFile}).`);
  }

  let rebuild: Awaited<ReturnType<typeof rebuildIntoScratch>> | null = null;
  if (!skipped.has('rebuild')) {
    process.stderr.write('Rebuilding the read models from the log (scratch file)\n');
    rebuild = await rebuildIntoScratch(options.dataDir);
  }

  const commandRun = runs.get('commands') ?? null;
  const p99 = (key: string) => runs.get(key)?.paced?.all.percentile(0.99) ?? null;
  const result = {
    commandsPerSec: commandRun ? commandRun.capacity.all.ok.length / commandRun.capacity.seconds : null,
    commandP99Ms: p99('commands'),
    workQueueP99Ms: p99('workQueue'),
    caseDetailP99Ms: p99('caseDetail'),
    responsibilityStepsP99Ms: p99('responsibilitySteps'),
    rebuildEventsPerSec: rebuild?.eventsPerSecond ?? null,
  };

  console.log(
    `\nAPI benchmark: the embedded app (npm start in a child process, LOG_LEVEL=${options.logLevel}) on ` +
      `${options.dataDir}, ${headBefore.toLocaleString('en-US')} events before the run. ${options.clients} ` +
      `keep-alive clients; every phase ${options.warmup} s warm-up + ${options.seconds} s measured; ` +
      `${Math.round(options.idempotencyShare * 100)}% of commands with an Idempotency-Key. Load generator and app ` +
      `share this machine (${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end).`,
  );
  const pacedAt = (key: string) => {
    const run = runs.get(key);
    if (skipped.has(key)) return 'skipped (--only)';
    if (run === null || run === undefined) return 'endpoint not available';
    if (!run.paced) return 'no successful request in the capacity run';
    const capacity = run.capacity.all.ok.length / run.capacity.seconds;
    const target = key === 'commands' ? options.commandRate : options.readRate;
    return (
      `paced at ${run.paced.rate}/s` +
      (run.paced.rate! < target
        ? ` (90% of the capacity ${Math.round(capacity)}/s; ${target}/s not sustainable)`
        : '') +
      `, ${run.paced.all.ok.length} ok, errors: ${run.paced.all.errorSummary()}`
    );
  };
  const rows: [keyof typeof result, string, (v: number) => boolean, string][] = [
    [
      'commandsPerSec',
      '>= 1000',
      (v) => v >= 1000,
      commandRun
        ? `closed loop, ${commandRun.capacity.all.ok.length} ok, errors: ${commandRun.capacity.all.errorSummary()}`
        : skipped.has('commands')
          ? 'skipped (--only)'
          : '-',
    ],
    ['commandP99Ms', '< 25', (v) => v < 25, pacedAt('commands')],
    ['workQueueP99Ms', '< 20', (v) => v < 20, pacedAt('workQueue')],
    ['caseDetailP99Ms', '< 10', (v) => v < 10, pacedAt('caseDetail')],
    ['responsibilityStepsP99Ms', '-', () => true, pacedAt('responsibilitySteps')],
    [
      'rebuildEventsPerSec',
      '>= 50000',
      (v) => v >= 50_000,
      rebuild
        ? `${rebuild.events.toLocaleString('en-US')} events in ${rebuild.seconds.toFixed(1)} s, app stopped`
        : 'skipped (--only)',
    ],
  ];
  console.log('| figure | value | target | met | how |');
  console.log('|---|---|---|---|---|');
  for (const [key, target, meets, how] of rows) {
    const value = result[key];
    const met = value === null ? 'n/a' : target === '-' ? '-' : meets(value) ? 'yes' : 'NO';
    console.log(`| ${key} | ${show(value)} | ${target} | ${met} | ${how} |`);
  }

  console.log('\nPer endpoint: capacity (closed loop) and the paced run');
  console.log(
    '| endpoint | capacity ok/s | closed-loop p50 / p99 ms | app cores | app CPU ms per ok request | app main thread: running / waiting for CPU / blocked or idle | client cores | load avg, CPU pressure | paced /s | paced p50 / p99 ms | errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, run] of runs) {
    if (!run) {
      console.log(
        `| ${key} | ${skipped.has(key) ? 'skipped (--only)' : 'endpoint not available'} | | | | | | | | | |`,
      );
      continue;
    }
    const c = run.capacity;
    const okPerSec = c.all.ok.length / c.seconds;
    const cpuPerRequest = c.appCores !== null && okPerSec > 0 ? (c.appCores * 1000) / okPerSec : null;
    const errors = new Latencies();
    errors.merge(c.all);
    if (run.paced) errors.merge(run.paced.all);
    console.log(
      `| ${key} | ${show(okPerSec)} | ${show(c.all.percentile(0.5))} / ${show(c.all.percentile(0.99))} | ` +
        `${show(c.appCores)} | ${show(cpuPerRequest)} | ${threadShares(c)} | ${show(c.clientCores)} | ` +
        `${c.load.toFixed(1)}, ${c.cpuPressure === null ? '-' : `${Math.round(c.cpuPressure * 100)}%`} | ` +
        `${run.paced?.rate ?? '-'} | ` +
        `${show(run.paced?.all.percentile(0.5) ?? null)} / ${show(run.paced?.all.percentile(0.99) ?? null)} | ` +
        `${errors.errorSummary()} |`,
    );
  }

  for (const key of ['commands', 'workQueue']) {
    const run = runs.get(key);
    if (!run) continue;
    console.log(`\n${key} by kind (capacity run: ok/s; paced run: p50 / p99 ms)`);
    console.log('| kind | capacity ok/s | paced ok | paced p50 / p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    const kinds = new Set([...run.capacity.byKind.keys(), ...(run.paced?.byKind.keys() ?? [])]);
    for (const kind of [...kinds].sort()) {
      const capacity = run.capacity.byKind.get(kind);
      const paced = run.paced?.byKind.get(kind);
      const errors = new Latencies();
      if (capacity) errors.merge(capacity);
      if (paced) errors.merge(paced);
      console.log(
        `| ${kind} | ${show(capacity ? capacity.ok.length / run.capacity.seconds : 0)} | ${paced?.ok.length ?? 0} | ` +
          `${show(paced?.percentile(0.5) ?? null)} / ${show(paced?.percentile(0.99) ?? null)} | ${errors.errorSummary()} |`,
      );
    }
  }

  const samples = new Map<string, string>();
  for (const [key, run] of runs) {
    for (const phase of run ? [run.capacity, run.paced] : []) {
      for (const [status, text] of phase?.all.errorSamples ?? []) {
        if (!samples.has(`${key} ${status}`)) samples.set(`${key} ${status}`, text);
      }
    }
  }
  if (samples.size > 0) {
    console.log('\nFailed requests (the first answer per endpoint and status):');
    for (const [where, text] of samples) console.log(`  ${where}: ${text.replace(/\s+/g, ' ')}`);
  }
  if (commands.dropped > 0) notes.push(`${commands.dropped} cases were left alone after a failed command.`);
  notes.push(settleNote);
  for (const note of notes) console.log(`Note: ${note}`);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, round(v)]))));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
