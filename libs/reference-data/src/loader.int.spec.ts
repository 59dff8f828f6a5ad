import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { REFERENCE_DATA_FILE_NAME, defaultReferenceDataPath, loadReferenceData } from './loader';
import { ReferenceDataError } from './reference-data-error';
import { sampleReferenceData } from './test-support/sample-reference-data';

const LIBRARY_ROOT = resolve(__dirname, '..');
const REPO_ROOT = resolve(LIBRARY_ROOT, '../..');

function errorOf(action: () => unknown): ReferenceDataError {
  try {
    action();
  } catch (error) {
    if (error instanceof ReferenceDataError) return error;
    throw error;
  }
  throw new Error('expected a ReferenceDataError');
}

describe('loadReferenceData: the shipped file', () => {
  it('is found next to the library, by absolute path', () => {
    const path = defaultReferenceDataPath();
    expect(isAbsolute(path)).toBe(true);
    expect(path).toBe(join(LIBRARY_ROOT, 'data', REFERENCE_DATA_FILE_NAME));
  });

  it('loads and passes validation', () => {
    const data = loadReferenceData();
    expect(data.version).toBe(1);
    expect(data.validFrom).toBe('2026-11-01');
    expect(Object.isFrozen(data)).toBe(true);
  });

  it('is the same data when the path is given explicitly', () => {
    expect(loadReferenceData(defaultReferenceDataPath())).toEqual(loadReferenceData());
  });
});

describe('loadReferenceData: from another working directory', () => {
  const original = process.cwd();
  let elsewhere: string;
  beforeEach(() => (elsewhere = mkdtempSync(join(tmpdir(), 'reference-data-cwd-'))));
  afterEach(() => {
    process.chdir(original);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('still finds the shipped file', () => {
    process.chdir(elsewhere);
    expect(loadReferenceData().version).toBe(1);
  });

  it('reads a relative path from the current directory', () => {
    writeFileSync(join(elsewhere, 'reference-data.v3.json'), JSON.stringify(sampleReferenceData()));
    process.chdir(elsewhere);
    expect(loadReferenceData('reference-data.v3.json').version).toBe(3);
  });

  it('works in a fresh process started in another directory, without the tsconfig path aliases', () => {
    const script = [
      `const { loadReferenceData, tablesOf } = require(${JSON.stringify(join(LIBRARY_ROOT, 'src'))});`,
      `const data = loadReferenceData();`,
      `console.log(JSON.stringify({ cwd: process.cwd(), version: data.version, tables: tablesOf(data, 'GM0344').map((t) => t.id) }));`,
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      ['-r', require.resolve('@swc-node/register', { paths: [REPO_ROOT] }), '-e', script],
      {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, SWC_NODE_PROJECT: '', TS_NODE_PROJECT: '' },
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      cwd: elsewhere,
      version: 1,
      tables: ['mwt-utrecht', 'ost-utrecht'],
    });
  });
});

describe('loadReferenceData: files that are not acceptable', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'reference-data-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string): string {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  }

  it('reports a missing file', () => {
    const file = join(dir, 'absent.v1.json');
    const error = errorOf(() => loadReferenceData(file));
    expect(error.source).toBe(file);
    expect(error.problems).toEqual([
      { path: '$', message: expect.stringMatching(/^cannot read the file: ENOENT/) },
    ]);
  });

  it('reports a file that is not JSON', () => {
    const file = write('broken.v1.json', '{ "version": 1,');
    const error = errorOf(() => loadReferenceData(file));
    expect(error.problems).toEqual([{ path: '$', message: expect.stringMatching(/^not valid JSON: /) }]);
  });

  it('reports every problem of an invalid file, naming the file', () => {
    const doc = sampleReferenceData();
    doc.organisations[0].kind = 'provincie';
    (doc.tables[0].memberOrganisationCodes as string[]).push('GM0855');
    const file = write('reference-data.v3.json', JSON.stringify(doc, null, 2));
    const error = errorOf(() => loadReferenceData(file));
    expect(error.problems).toEqual([
      {
        path: '$.organisations[0].kind',
        message:
          'unknown organisation kind "provincie" (expected one of gemeente, zorgverzekeraar, zorgkantoor, ' +
          'aanbieder, GGD, CIZ, GI, overig)',
      },
      {
        path: '$.tables[0].memberOrganisationCodes[5]',
        message: '"GM0855" is not the code of an organisation in $.organisations',
      },
    ]);
    expect(error.message.split('\n')[0]).toBe(`Reference data in ${file} is invalid (2 problems):`);
  });

  it('refuses a file whose name carries another version than its content', () => {
    const file = write('reference-data.v2.json', JSON.stringify(sampleReferenceData()));
    expect(errorOf(() => loadReferenceData(file)).problems).toEqual([
      {
        path: '$.version',
        message: 'the file name reference-data.v2.json says version 2, but the file holds version 3',
      },
    ]);
  });

  it('accepts a file without a version in its name, and a byte order mark', () => {
    const file = write('reference.json', `\uFEFF${JSON.stringify(sampleReferenceData())}`);
    expect(loadReferenceData(file).version).toBe(3);
  });

  it('leaves the file on disk untouched', () => {
    const content = JSON.stringify(sampleReferenceData());
    const file = write('reference-data.v3.json', content);
    loadReferenceData(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('the README', () => {
  it('names every organisation of the shipped file that is marked unverified', () => {
    const readme = readFileSync(join(LIBRARY_ROOT, 'README.md'), 'utf8');
    const unverified = loadReferenceData().organisations.filter((org) => org.verified === false);
    expect(unverified.length).toBeGreaterThan(0);
    const missing = unverified.filter((org) => !readme.includes(`\`${org.code}\``)).map((org) => org.code);
    expect(missing).toEqual([]);
  });
});
