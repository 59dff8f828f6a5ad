import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHs256Verifier } from './access-token-verifier';
import { decodeJwt } from './jwt-compact';
import { verifyAccessToken } from './verify-access-token';

const REPO_ROOT = resolve(__dirname, '../../../..');
const SCRIPT = join(REPO_ROOT, 'scripts', 'token.ts');
const SECRET = 'a-configured-secret-of-at-least-32-bytes';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `scripts/token.ts` as `npm run token --` does, with only the given AUTH_JWT_SECRET/DATA_DIR set. */
function runToken(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<Run> {
  const inherited = { ...process.env };
  delete inherited.AUTH_JWT_SECRET;
  delete inherited.DATA_DIR;
  const register = require.resolve('@swc-node/register', { paths: [REPO_ROOT] });
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', register, SCRIPT, ...args],
      { cwd, env: { ...inherited, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run token (scripts/token.ts)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casusregie-token-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a token signed with AUTH_JWT_SECRET that verifies to the requested principal', async () => {
    const run = await runToken(
      [
        '--role',
        'coordinator',
        '--org',
        'GM0344',
        '--table',
        'mwt-utrecht',
        '--table',
        'ot-utrecht',
        '--sub',
        'u-1',
        '--name',
        'Fatma Yılmaz',
        '--ttl',
        '120',
      ],
      { AUTH_JWT_SECRET: SECRET, DATA_DIR: join(dir, 'unused') },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = run.stdout.trim();

    await expect(verifyAccessToken(token, createHs256Verifier({ secret: SECRET }))).resolves.toEqual({
      sub: 'u-1',
      name: 'Fatma Yılmaz',
      role: 'coordinator',
      org: 'GM0344',
      tables: ['mwt-utrecht', 'ot-utrecht'],
    });
    const { payload } = decodeJwt(token);
    expect((payload.exp as number) - (payload.iat as number)).toBe(120);
    expect(Math.abs((payload.iat as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(() => statSync(join(dir, 'unused'))).toThrow();
  }, 60_000);

  it('without AUTH_JWT_SECRET, creates the development secret in DATA_DIR once and signs with it', async () => {
    const dataDir = join(dir, 'data');
    const first = await runToken(['--role', 'liaison', '--org', '3311'], { DATA_DIR: dataDir });
    const secretFile = join(dataDir, 'jwt-dev-secret');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Generated a development secret in ${secretFile}\n`);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8').trim();
    expect(first.stderr).not.toContain(secret);
    expect(first.stdout).not.toContain(secret);

    const second = await runToken(['--role', 'auditor', '--org', 'GM0344', '--ttl', '60'], {
      DATA_DIR: dataDir,
    });
    expect(second).toMatchObject({ code: 0, stderr: '' });
    const verifier = createHs256Verifier({ secret });
    await expect(verifyAccessToken(first.stdout.trim(), verifier)).resolves.toEqual({
      sub: 'local-liaison',
      name: 'Local liaison',
      role: 'liaison',
      org: '3311',
      tables: [],
    });
    await expect(verifyAccessToken(second.stdout.trim(), verifier)).resolves.toMatchObject({
      role: 'auditor',
    });
  }, 60_000);

  it('uses ./data under the working directory when DATA_DIR is not set', async () => {
    const run = await runToken(['--role', 'admin', '--org', 'GM0344'], {}, dir);
    expect(run.code).toBe(0);
    const secret = readFileSync(join(dir, 'data', 'jwt-dev-secret'), 'utf8').trim();
    await expect(
      verifyAccessToken(run.stdout.trim(), createHs256Verifier({ secret })),
    ).resolves.toMatchObject({
      role: 'admin',
    });
  }, 60_000);

  it('exits 2 with a clear message and the usage on bad arguments, printing no token', async () => {
    const env = { AUTH_JWT_SECRET: SECRET };
    const cases: [string[], RegExp][] = [
      [['--org', 'GM0344'], /--role is required/],
      [['--role', 'boss', '--org', 'GM0344'], /--role must be one of coordinator, liaison, auditor, admin/],
      [['--role', 'liaison'], /--org is required/],
      [
        ['--role', 'coordinator', '--org', 'GM0344'],
        /--table must name at least one table for a coordinator/,
      ],
      [['--role', 'liaison', '--org', 'GM 0344'], /--org must be an organisation code/],
      [['--role', 'liaison', '--org', '3311', '--ttl', '1h'], /--ttl must be a whole number of seconds/],
      [['--role', 'liaison', '--org', '3311', '--ttl', '0'], /--ttl must be a whole number of seconds/],
      [['--role', 'liaison', '--org', '3311', '--superuser'], /Unknown option '--superuser'/],
      [['--role', 'liaison', '--org', '3311', 'extra'], /positional argument/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runToken(args, env)));
    runs.forEach((run, i) => {
      expect({ args: cases[i][0], code: run.code, stdout: run.stdout }).toEqual({
        args: cases[i][0],
        code: 2,
        stdout: '',
      });
      expect(run.stderr).toMatch(cases[i][1]);
      expect(run.stderr).toContain('Usage: npm run token --');
    });
  }, 60_000);

  it('exits 2 when AUTH_JWT_SECRET is too short, and prints the usage on --help', async () => {
    const [short, help] = await Promise.all([
      runToken(['--role', 'liaison', '--org', '3311'], { AUTH_JWT_SECRET: 'short' }),
      runToken(['--help']),
    ]);
    expect(short).toMatchObject({ code: 2, stdout: '' });
    expect(short.stderr).toMatch(/AUTH_JWT_SECRET must be at least 32 bytes/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run token --/);
  }, 60_000);
});
