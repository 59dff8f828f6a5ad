import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from '../contract/test-events';
import { SqliteEventStore } from './sqlite-event-store';

const PAGE_SIZE = 4096;
const FRAME_BYTES = PAGE_SIZE + 24;
const RESTART_FRAMES = 200;
const BACKSTOP_FRAMES = RESTART_FRAMES * 4;

/** The WAL header's checkpoint sequence number: SQLite adds one each time it writes the WAL from its start again. */
function walRestarts(filename: string): number {
  const fd = openSync(`${filename}-wal`, 'r');
  try {
    const header = Buffer.alloc(4);
    readSync(fd, header, 0, 4, 12);
    return header.readUInt32BE(0);
  } finally {
    closeSync(fd);
  }
}

describe('SqliteEventStore WAL restarts under appends that never pause', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casusregie-wal-restart-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['in the thread that appends', false],
    ['in its writer thread', true],
  ])(
    'restarts the WAL after about walAutocheckpointPages frames through the writer %s, far before its own checkpoint',
    async (_, writerThread) => {
      const filename = join(dir, 'events.sqlite');
      const store = new SqliteEventStore({
        filename,
        writerThread,
        walAutocheckpointPages: RESTART_FRAMES,
        backgroundCheckpointMs: 5,
      });
      let appended = 0;
      try {
        await store.append('warm-up', [testEvent('Happened')], 'no_stream');
        const first = walRestarts(filename);
        const deadline = Date.now() + 30_000;
        // Sixteen appenders, each with its next append queued as soon as the last is answered.
        const appender = async (lane: number) => {
          for (let i = 0; walRestarts(filename) < first + 5 && Date.now() < deadline; i++) {
            await store.append(`lane-${lane}-${i}`, [testEvent('Happened', { i })], 'no_stream');
            appended++;
          }
        };
        await Promise.all(Array.from({ length: 16 }, (_, lane) => appender(lane)));

        expect(walRestarts(filename)).toBeGreaterThanOrEqual(first + 5);
        // Never near the writer's backstop: each restart came from the handoff.
        expect(statSync(`${filename}-wal`).size).toBeLessThan(BACKSTOP_FRAMES * FRAME_BYTES);
      } finally {
        await store.close();
      }
      const reopened = new SqliteEventStore({ filename, backgroundCheckpointMs: 0 });
      try {
        let stored = 0;
        for (let position = 0, end = false; !end;) {
          const page = await reopened.readAll({ fromPosition: position, maxCount: 5_000 });
          stored += page.events.length;
          ({ nextPosition: position, isEnd: end } = page);
        }
        expect(stored).toBe(appended + 1);
      } finally {
        await reopened.close();
      }
    },
    40_000,
  );
});
