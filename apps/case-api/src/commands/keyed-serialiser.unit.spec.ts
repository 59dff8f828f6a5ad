import { KeyedSerialiser } from './keyed-serialiser';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerialiser', () => {
  it('runs tasks of one key one at a time, in order, and of different keys side by side', async () => {
    const serialiser = new KeyedSerialiser();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      serialiser.run('a', task('a1')),
      serialiser.run('a', task('a2')),
      serialiser.run('b', task('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    await tick();
    expect(serialiser.activeKeys).toBe(0);
  });

  it('a failing task fails alone and does not block the next one', async () => {
    const serialiser = new KeyedSerialiser();
    const failed = serialiser.run('a', async () => {
      throw new Error('boom');
    });
    const next = serialiser.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
