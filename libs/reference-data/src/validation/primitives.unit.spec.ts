import { ReferenceDataError } from '../reference-data-error';
import { isIsoDate } from './primitives';
import { childPath } from './problems';

describe('childPath', () => {
  it('writes JSON paths with dots, indexes and quoted odd keys', () => {
    expect(childPath('$', 'organisations')).toBe('$.organisations');
    expect(childPath('$.organisations', 3)).toBe('$.organisations[3]');
    expect(childPath('$.tables[0]', 'chair person')).toBe('$.tables[0]["chair person"]');
  });
});

describe('isIsoDate', () => {
  it.each(['2026-12-03', '2028-02-29', '1980-01-01', '9999-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(['2026-02-29', '2026-04-31', '2026-1-3', '20261203', '2026-12-03T00:00:00Z', '1979-12-31', ''])(
    'refuses %j',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe('ReferenceDataError', () => {
  it('names one problem in the singular and works without a source', () => {
    const error = new ReferenceDataError([{ path: '$.version', message: 'required field is missing' }]);
    expect(error.name).toBe('ReferenceDataError');
    expect(error.message).toBe(
      'Reference data is invalid (1 problem):\n  - $.version: required field is missing',
    );
    expect(error).toBeInstanceOf(Error);
  });
});
