/**
 * Starts the embedded app as `npm start` does (node -r @swc-node/register apps/casusregie/src/main.ts) in a child
 * process, so the app has its own event loop and the load generator does not share it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface AppOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly secret: string;
  readonly port: number;
  readonly logLevel: string;
  readonly logFile: string;
  readonly readyTimeoutMs: number;
  /** NODE_OPTIONS for the app, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes. */
  readonly nodeOptions?: string;
  /** More environment variables for the app. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningApp {
  readonly baseUrl: string;
  readonly pid: number;
  readonly startupMs: number;
  /** CPU seconds (user + system) the app has used so far, from /proc; null where /proc is not there. */
  cpuSeconds(): number | null;
  /**
   * The app's main thread (JavaScript and SQLite run there) from /proc/<pid>/schedstat: seconds on a CPU, and
   * seconds it was ready to run but waited for a CPU (other work on the machine). Null where /proc is not there.
   */
  mainThread(): { onCpu: number; waitingForCpu: number } | null;
  /** SIGTERM, then SIGKILL after 20 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const port = options.port === 0 ? await freePort() : options.port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    AUTH_JWT_SECRET: options.secret,
    LOG_LEVEL: options.logLevel,
    ...options.env,
  };
  delete env.AUTH_JWKS_URL;
  if (options.nodeOptions) env.NODE_OPTIONS = options.nodeOptions;
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/casusregie/src/main.ts'],
    { cwd: options.repoRoot, env, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve(code);
    }),
  );

  const deadline = started + options.readyTimeoutMs;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(
        `The app exited with code ${exited} before it was ready. Log ${options.logFile}:\n${tail(options.logFile)}`,
      );
    }
    if ((await status(`${baseUrl}/health/ready`)) === 200) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The app was not ready within ${options.readyTimeoutMs} ms. Log ${options.logFile}:\n${tail(options.logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;

  return {
    baseUrl,
    pid,
    startupMs,
    cpuSeconds() {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    mainThread() {
      try {
        const [onCpu, waiting] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
        return { onCpu: onCpu / 1e9, waitingForCpu: waiting / 1e9 };
      } catch {
        return null;
      }
    },
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}
