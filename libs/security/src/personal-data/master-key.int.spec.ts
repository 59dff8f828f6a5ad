import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { SecretFileError } from '../files/private-file';
import { loadMasterKey } from './master-key';
import { MasterKeyError } from './personal-data-errors';

describe('loadMasterKey', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'casusregie-master-')), 'data')));
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('generates DATA_DIR/master.key (32 bytes, base64, mode 0600) on first start', () => {
    const key = loadMasterKey({ dataDir });
    expect(key).toMatchObject({ source: 'file', generated: true, path: join(dataDir, 'master.key') });
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    const bytes = Buffer.from(readFileSync(join(dataDir, 'master.key'), 'utf8').trim(), 'base64');
    expect(bytes).toHaveLength(32);
    expect(key.key.export().equals(bytes)).toBe(true);
  });

  it('reads the same key on later starts', () => {
    const first = loadMasterKey({ dataDir });
    const second = loadMasterKey({ dataDir });
    expect(second.generated).toBe(false);
    expect(second.id).toBe(first.id);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('prefers a configured key and then writes no file', () => {
    const bytes = randomBytes(32);
    const key = loadMasterKey({ configured: ` ${bytes.toString('base64')}\n`, dataDir });
    expect(key).toMatchObject({ source: 'configuration', generated: false });
    expect(key.key.export().equals(bytes)).toBe(true);
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  });

  it('treats an empty configured value as not configured', () => {
    expect(loadMasterKey({ configured: '', dataDir }).source).toBe('file');
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['base64url instead of base64', Buffer.alloc(32, 0xff).toString('base64url')],
    ['text that is not base64', 'correct horse battery staple correct horse!'],
  ])('refuses a configured key of %s without quoting it', (_name, configured) => {
    let error: unknown;
    try {
      loadMasterKey({ configured, dataDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MasterKeyError);
    expect((error as Error).message).toMatch(/exactly 32 bytes/);
    expect((error as Error).message).not.toContain(configured);
  });

  it('refuses a key file that others may read', () => {
    loadMasterKey({ dataDir });
    chmodSync(join(dataDir, 'master.key'), 0o640);
    expect(() => loadMasterKey({ dataDir })).toThrow(SecretFileError);
    expect(() => loadMasterKey({ dataDir })).toThrow(/chmod 600/);
  });

  it('refuses a damaged key file', () => {
    loadMasterKey({ dataDir });
    writeFileSync(join(dataDir, 'master.key'), 'AAAA\n', { mode: 0o600 });
    expect(() => loadMasterKey({ dataDir })).toThrow(MasterKeyError);
  });

  it('has an id that is stable, short and not the key, and never shows key bytes when inspected', () => {
    const key = loadMasterKey({ dataDir });
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    const material = key.key.export();
    expect(material.toString('hex')).not.toContain(key.id);
    const shown = inspect(key, { depth: 5 });
    expect(shown).not.toContain(material.toString('base64'));
    expect(shown).not.toContain(material.toString('hex'));
  });
});
