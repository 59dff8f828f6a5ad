import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SqliteEventStore } from './sqlite-event-store';

const REPO_ROOT = resolve(__dirname, '../../../..');
const CHILD = join(__dirname, 'test-support', 'append-until-killed.ts');

describe('SQLite event store durability', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casusregie-durability-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['in the thread that appends', 'inline'],
    ['in its writer thread', 'writer-thread'],
  ])(
    'keeps every acknowledged append when the process committing %s is killed with SIGKILL mid-load',
    async (_, mode) => {
      const filename = join(dir, 'events.sqlite');
      const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, filename, mode], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const acknowledged = new Map<string, number>();
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        child.on('exit', (_code, signal) => done(signal)),
      );

      await new Promise<void>((done, fail) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const [eventId, position] = line.split(' ');
          acknowledged.set(eventId, Number(position));
          if (acknowledged.size === 3000) {
            child.kill('SIGKILL');
            done();
          }
        });
        child.on('exit', () => fail(new Error(`writer exited before the kill: ${stderr}`)));
      });
      expect(await exited).toBe('SIGKILL');

      const store = new SqliteEventStore({ filename });
      try {
        const stored = new Map<string, number>();
        for (let position = 0; ;) {
          const page = await store.readAll({ fromPosition: position, maxCount: 5000 });
          for (const event of page.events) stored.set(event.eventId, event.globalPosition);
          position = page.nextPosition;
          if (page.isEnd) break;
        }
        const missing = [...acknowledged].filter(([eventId, position]) => stored.get(eventId) !== position);
        expect(missing).toEqual([]);
        expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
        await expect(store.verifyChain()).resolves.toMatchObject({ ok: true, checkedEvents: stored.size });
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});
