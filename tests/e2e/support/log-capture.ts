import { format } from 'node:util';

type Write = typeof process.stdout.write;
type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const CONSOLE_METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

/**
 * Everything the application writes as logs while the test runs: the pino lines (pass `destination` as the
 * harness's logDestination), and, in case some part bypasses the logger, whatever reaches process.stdout,
 * process.stderr or the console. Each source is kept as written; the originals still receive their output.
 */
export class LogCapture {
  readonly lines: string[] = [];
  readonly destination = { write: (line: string) => void this.lines.push(line) };
  private restore: (() => void)[] = [];

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
        return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
      }) as Write;
      this.restore.push(() => (stream.write = original));
    }
    for (const method of CONSOLE_METHODS) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        this.lines.push(format(...args));
        original.apply(console, args);
      };
      this.restore.push(() => (console[method] = original));
    }
  }

  stop(): void {
    for (const undo of this.restore.reverse()) undo();
    this.restore = [];
  }

  /** The pino lines (JSON) whose `component` is `name`. */
  ofComponent(name: string): string[] {
    return this.lines.filter((line) => line.includes(`"component":"${name}"`));
  }
}
