/**
 * Jest helper for Kafka integration tests: librdkafka's mock cluster, started with kcat by infra/kafka-mock.sh
 * (research/toolchain.md 3). Each test file gets its own cluster in its own KAFKA_MOCK_DIR.
 *
 * Without kcat the suite is skipped with a message on a developer machine, and FAILS in CI (CI=true), where the
 * Kafka tests must run. What the mock cannot do: createTopics (topics are auto-created with 4 partitions) and the
 * idempotent producer; a consumer group's first join takes about 3 s and a rejoin about sessionTimeout - 1 s.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(REPO_ROOT, 'infra', 'kafka-mock.sh');
const run = promisify(execFile);

export function kcatAvailable(): boolean {
  return spawnSync('sh', ['-c', 'command -v kcat'], { stdio: 'ignore' }).status === 0;
}

/** One mock cluster. start() after kill() or stop() brings up a NEW, empty cluster on new ports. */
export class KafkaMock {
  private current: string[] = [];
  private pid: number | null = null;
  private frozen = false;

  constructor(readonly dir: string) {}

  /** The bootstrap servers of the running cluster. */
  get brokers(): string[] {
    if (this.current.length === 0) throw new Error('The Kafka mock is not running');
    return this.current;
  }

  async start(): Promise<string[]> {
    const { stdout } = await run(SCRIPT, ['start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, KAFKA_MOCK_DIR: this.dir },
      timeout: 20_000,
    });
    this.current = stdout.trim().split(',');
    this.pid = Number(readFileSync(join(this.dir, 'kcat.pid'), 'utf8').trim());
    this.frozen = false;
    liveMocks.add(this);
    return this.current;
  }

  /** Suspends the broker process (SIGSTOP): connections stay open, nothing is answered, no data is lost. */
  freeze(): void {
    this.signal('SIGSTOP');
    this.frozen = true;
  }

  /** Resumes a frozen broker (SIGCONT); it then answers what queued up meanwhile. */
  thaw(): void {
    this.signal('SIGCONT');
    this.frozen = false;
  }

  /** Kills the broker process (SIGKILL): connections are refused and the cluster's data is gone. */
  async kill(): Promise<void> {
    const pid = this.pid;
    this.signal('SIGKILL');
    this.current = [];
    this.pid = null;
    liveMocks.delete(this);
    // kcat was started in the background by a script that has exited, so nobody may reap it: it can linger as a
    // zombie, which infra/kafka-mock.sh would take for a running mock. Wait until it is dead, then forget it.
    const deadline = Date.now() + 5_000;
    while (pid !== null && isAlive(pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    rmSync(join(this.dir, 'kcat.pid'), { force: true });
    rmSync(join(this.dir, 'bootstrap'), { force: true });
  }

  async stop(): Promise<void> {
    if (this.frozen) this.thaw();
    await run(SCRIPT, ['stop'], {
      cwd: REPO_ROOT,
      env: { ...process.env, KAFKA_MOCK_DIR: this.dir },
      timeout: 20_000,
    });
    this.current = [];
    this.pid = null;
    liveMocks.delete(this);
  }

  /** Synchronous last resort when the test process exits without afterAll. */
  killNow(): void {
    if (this.pid !== null) {
      try {
        process.kill(this.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.pid === null) throw new Error('The Kafka mock is not running');
    process.kill(this.pid, signal);
  }
}

/** Running and not a zombie. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const liveMocks = new Set<KafkaMock>();
process.once('exit', () => {
  for (const mock of liveMocks) mock.killNow();
});

/**
 * `describe` with a mock cluster running for the whole block (started in beforeAll, stopped in afterAll). The
 * callback receives the KafkaMock; read `mock.brokers` inside hooks and tests, after it has started.
 */
export function describeWithKafka(name: string, body: (mock: KafkaMock) => void): void {
  if (!kcatAvailable()) {
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('needs kcat to run the Kafka mock cluster', () => {
          throw new Error(
            'kcat is not installed, and in CI (CI=true) the Kafka integration tests must run: apt-get install -y kcat',
          );
        });
      });
      return;
    }
    console.warn(
      `SKIPPED "${name}": kcat is not installed, so the Kafka mock cluster cannot start. ` +
        'Install it with `apt-get install -y kcat` to run these tests (in CI they run and a missing kcat fails).',
    );
    describe.skip(name, () => body(new KafkaMock(tmpdir())));
    return;
  }
  describe(name, () => {
    const dir = mkdtempSync(join(tmpdir(), 'casusregie-kafka-mock-'));
    const mock = new KafkaMock(dir);
    beforeAll(() => mock.start(), 25_000);
    afterAll(async () => {
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 25_000);
    body(mock);
  });
}
