import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevelopmentSecret } from './development-secret';

describe('ensureDevelopmentSecret', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'casusregie-devsecret-')), 'data')));
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates DATA_DIR/jwt-dev-secret with 32 random bytes in base64, mode 0600, on first call', () => {
    const created = ensureDevelopmentSecret(dataDir);
    expect(created.generated).toBe(true);
    expect(created.path).toBe(join(dataDir, 'jwt-dev-secret'));
    expect(Buffer.from(created.secret, 'base64')).toHaveLength(32);
    expect(readFileSync(created.path, 'utf8').trim()).toBe(created.secret);
    expect(statSync(created.path).mode & 0o777).toBe(0o600);
  });

  it('returns the same secret afterwards without generating', () => {
    const created = ensureDevelopmentSecret(dataDir);
    expect(ensureDevelopmentSecret(dataDir)).toEqual({ ...created, generated: false });
  });

  it('gives every data directory its own secret', () => {
    const other = join(dataDir, 'other');
    expect(ensureDevelopmentSecret(dataDir).secret).not.toBe(ensureDevelopmentSecret(other).secret);
  });

  it('refuses a secret file that group or others may read, saying how to fix it', () => {
    const { path } = ensureDevelopmentSecret(dataDir);
    chmodSync(path, 0o644);
    expect(() => ensureDevelopmentSecret(dataDir)).toThrow(`chmod 600 ${path}`);
  });

  it('refuses an unusable secret file without quoting it', () => {
    const { path } = ensureDevelopmentSecret(dataDir);
    writeFileSync(path, 'too short\n', { mode: 0o600 });
    expect(() => ensureDevelopmentSecret(dataDir)).toThrow(/does not hold a usable secret/);
    expect(() => ensureDevelopmentSecret(dataDir)).not.toThrow(/too short/);
  });
});
