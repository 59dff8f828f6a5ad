import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import packageJson from '../../../package.json';

const REPO_ROOT = resolve(__dirname, '../../..');

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<Exit>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Runs exactly an npm script of package.json, the way npm does (node_modules/.bin first on PATH), but without npm
 * in between, so that a signal reaches the service itself and its exit code is observable.
 */
export function startNpmScript(
  script: keyof typeof packageJson.scripts,
  env: Record<string, string>,
): ServiceProcess {
  const path = `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`;
  const child = spawn('sh', ['-c', `exec ${packageJson.scripts[script]}`], {
    cwd: REPO_ROOT,
    env: { ...process.env, PATH: path, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { child, output: () => output, exited };
}
