/**
 * Child process for the durability test: appends with many concurrent appenders until it is killed, and
 * prints one line per acknowledged append: `<eventId> <lastGlobalPosition>`. With `writer-thread` the store commits
 * in its writer thread.
 */
import { randomUUID } from 'node:crypto';
import { testEvent } from '../../contract/test-events';
import { SqliteEventStore } from '../sqlite-event-store';

const [filename, mode] = process.argv.slice(2);
if (!filename) throw new Error('usage: append-until-killed <sqlite file> [writer-thread]');
const store = new SqliteEventStore({ filename, writerThread: mode === 'writer-thread' });

async function appender(worker: number): Promise<never> {
  for (let n = 0; ; n++) {
    const event = testEvent('test.Durable.v1', { worker, n, padding: 'p'.repeat(200) });
    const result = await store.append(`durable-${worker}-${randomUUID()}`, [event], 'no_stream');
    process.stdout.write(`${event.eventId} ${result.lastGlobalPosition}\n`);
  }
}

for (let worker = 0; worker < 16; worker++) void appender(worker);
