import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreatePrivateFile, readPrivateFile, SecretFileError } from './private-file';

describe('private files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casusregie-private-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing directories and the file with mode 0600', () => {
    const path = join(dir, 'a', 'b', 'secret');
    expect(readOrCreatePrivateFile(path, () => 'content\n')).toEqual({
      content: 'content\n',
      generated: true,
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['secret']);
  });

  it('keeps the file another process created first, and leaves no temporary file behind', () => {
    const path = join(dir, 'secret');
    const result = readOrCreatePrivateFile(path, () => {
      writeFileSync(path, 'winner\n', { mode: 0o600 });
      return 'loser\n';
    });
    expect(result).toEqual({ content: 'winner\n', generated: false });
    expect(readdirSync(dir)).toEqual(['secret']);
  });

  it('refuses a symbolic link and a directory', () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'x', { mode: 0o600 });
    symlinkSync(target, join(dir, 'link'));
    expect(() => readPrivateFile(join(dir, 'link'))).toThrow(SecretFileError);
    expect(() => readPrivateFile(dir)).toThrow(/not a regular file/);
  });

  it('reads nothing for a missing file', () => {
    expect(readPrivateFile(join(dir, 'missing'))).toBeUndefined();
  });
});
