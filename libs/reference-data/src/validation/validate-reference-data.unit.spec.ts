import { ReferenceDataError } from '../reference-data-error';
import { problemsAfter } from '../test-support/problems-after';
import { sampleReferenceData } from '../test-support/sample-reference-data';
import { checkReferenceData, validateReferenceData } from './validate-reference-data';

describe('validateReferenceData: the document as a whole', () => {
  it('accepts a valid document and returns a deeply frozen copy with the same content', () => {
    const doc = sampleReferenceData();
    const data = validateReferenceData(doc);
    expect(data).toEqual(doc);
    expect(data).not.toBe(doc);
    expect(Object.isFrozen(data)).toBe(true);
    expect(Object.isFrozen(data.organisations[0].codes)).toBe(true);
    expect(Object.isFrozen(data.tables[0].sessions[0])).toBe(true);
    expect(Object.isFrozen(doc)).toBe(false);
  });

  it('reports nothing for a valid document', () => {
    expect(checkReferenceData(sampleReferenceData()).problems).toEqual([]);
  });

  it('throws a ReferenceDataError that lists every problem with its path', () => {
    const doc = sampleReferenceData();
    doc.version = 0;
    doc.organisations[0].kind = 'ziekenhuis';
    (doc.tables[0].serviceLevels as Record<string, unknown>).liaisonAnswerWorkingDays = 0;
    let error: unknown;
    try {
      validateReferenceData(doc, 'test.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReferenceDataError);
    const { problems, source, message } = error as ReferenceDataError;
    expect(problems.map((p) => p.path)).toEqual([
      '$.version',
      '$.organisations[0].kind',
      '$.tables[0].serviceLevels.liaisonAnswerWorkingDays',
    ]);
    expect(source).toBe('test.json');
    expect(message).toBe(
      [
        'Reference data in test.json is invalid (3 problems):',
        '  - $.version: the version must be a positive whole number, got number 0',
        '  - $.organisations[0].kind: unknown organisation kind "ziekenhuis" (expected one of ' +
          'gemeente, zorgverzekeraar, zorgkantoor, aanbieder, GGD, CIZ, GI, overig)',
        '  - $.tables[0].serviceLevels.liaisonAnswerWorkingDays: a service level (in working days) must be a ' +
          'positive whole number, got number 0',
      ].join('\n'),
    );
  });

  it('keeps only known fields, so nothing unvalidated reaches the application', () => {
    const data = validateReferenceData(sampleReferenceData());
    expect(Object.keys(data)).toEqual(['version', 'validFrom', 'regions', 'organisations', 'tables']);
  });
});

describe('validateReferenceData: top level', () => {
  it('refuses something that is not an object', () => {
    expect(checkReferenceData([]).problems).toEqual([
      { path: '$', message: 'expected an object, got an array' },
    ]);
    expect(checkReferenceData(null).problems).toEqual([
      { path: '$', message: 'expected an object, got null' },
    ]);
  });

  it.each<[string, (doc: Record<string, unknown>) => void, { path: string; message: string }]>([
    [
      'an unknown field',
      (doc) => (doc.comment = 'hi'),
      {
        path: '$.comment',
        message: 'unknown field "comment" (allowed: version, validFrom, regions, organisations, tables)',
      },
    ],
    [
      'a missing version',
      (doc) => delete doc.version,
      { path: '$.version', message: 'required field is missing' },
    ],
    [
      'a fractional version',
      (doc) => (doc.version = 1.5),
      { path: '$.version', message: 'the version must be a positive whole number, got number 1.5' },
    ],
    [
      'a version given as a string',
      (doc) => (doc.version = '1'),
      { path: '$.version', message: 'the version must be a positive whole number, got the string "1"' },
    ],
    [
      'a validFrom that is not ISO',
      (doc) => (doc.validFrom = '01-11-2026'),
      { path: '$.validFrom', message: '"01-11-2026" is not an ISO calendar date (YYYY-MM-DD, 1980–9999)' },
    ],
    [
      'a validFrom that does not exist',
      (doc) => (doc.validFrom = '2026-02-29'),
      { path: '$.validFrom', message: '"2026-02-29" is not an ISO calendar date (YYYY-MM-DD, 1980–9999)' },
    ],
    [
      'organisations that are not an array',
      (doc) => (doc.organisations = {}),
      { path: '$.organisations', message: 'expected an array, got an object' },
    ],
    [
      'missing tables',
      (doc) => delete doc.tables,
      { path: '$.tables', message: 'required field is missing' },
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual([expected]);
  });
});

describe('validateReferenceData: regions', () => {
  it('needs at least one region (and then every organisation has an unknown region)', () => {
    const problems = problemsAfter((doc) => (doc.regions = []));
    expect(problems[0]).toEqual({ path: '$.regions', message: 'at least one region is needed' });
    expect(problems).toContainEqual({
      path: '$.organisations[0].region',
      message: 'unknown region "utrecht-stad" (not in $.regions)',
    });
  });

  it.each<[string, (regions: Record<string, unknown>[]) => void, { path: string; message: string }]>([
    [
      'a duplicate id',
      (regions) => regions.push({ id: 'landelijk', name: 'Again' }),
      { path: '$.regions[2].id', message: 'duplicate region id "landelijk" (first used at $.regions[1].id)' },
    ],
    [
      'a malformed id',
      (regions) => regions.push({ id: 'Hart van Brabant', name: 'Hart van Brabant' }),
      {
        path: '$.regions[2].id',
        message:
          '"Hart van Brabant" is not an id (2–64 lower-case letters and digits, with single hyphens between them)',
      },
    ],
    [
      'an unknown field',
      (regions) => (regions[1].gemeenten = []),
      {
        path: '$.regions[1].gemeenten',
        message: 'unknown field "gemeenten" (allowed: id, name, description)',
      },
    ],
    [
      'an empty name',
      (regions) => (regions[1].name = '  '),
      { path: '$.regions[1].name', message: 'must not be empty' },
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter((doc) => change(doc.regions))).toEqual([expected]);
  });
});
