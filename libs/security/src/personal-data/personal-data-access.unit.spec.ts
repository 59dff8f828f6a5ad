import type { Principal } from '../auth/principal';
import {
  InvalidPersonalDataAccessError,
  MAX_PURPOSE_LENGTH,
  personalDataAccess,
  personalDataAccessProblems,
  purposeProblems,
  validatePersonalDataAccess,
} from './personal-data-access';

const entry = {
  actor: { userId: 'u-1', role: 'coordinator', organisationId: 'GM0344' },
  subjectId: 'subject-7f3c',
  purpose: 'voorbereiding maatwerktafel 12 maart',
  at: '2026-03-10T09:15:00.000Z',
  fields: ['name', 'birthDate'],
};

describe('PersonalDataAccess', () => {
  it('accepts a complete entry and copies only the known properties', () => {
    const validated = validatePersonalDataAccess({
      ...entry,
      extra: 'Jan de Vries',
      actor: { ...entry.actor, name: 'X' },
    });
    expect(validated).toEqual(entry);
  });

  it('builds the entry for a principal', () => {
    const principal: Principal = {
      sub: 'u-9',
      name: 'Coördinator',
      role: 'coordinator',
      org: 'GM0344',
      tables: ['t'],
    };
    const built = personalDataAccess(
      principal,
      { subjectId: 'subject-1', purpose: 'aanmelding controleren', fields: ['bsn'] },
      new Date('2026-03-10T09:15:00Z'),
    );
    expect(built).toEqual({
      actor: { userId: 'u-9', role: 'coordinator', organisationId: 'GM0344' },
      subjectId: 'subject-1',
      purpose: 'aanmelding controleren',
      at: '2026-03-10T09:15:00.000Z',
      fields: ['bsn'],
    });
    expect(() =>
      personalDataAccess(
        principal,
        { subjectId: 'subject-1', purpose: 'x', fields: ['bsn'] },
        new Date(Number.NaN),
      ),
    ).toThrow(/at must be/);
  });

  it.each([
    ['a missing purpose', { purpose: undefined }, /purpose is required/],
    ['a blank purpose', { purpose: '   ' }, /purpose is required/],
    ['a purpose that is too long', { purpose: 'x'.repeat(MAX_PURPOSE_LENGTH + 1) }, /at most 200/],
    ['a purpose with a line break', { purpose: 'a\nb' }, /single-line/],
    ['a missing actor', { actor: undefined }, /actor must be/],
    ['an unknown role', { actor: { ...entry.actor, role: 'root' } }, /actor.role/],
    [
      'an organisation that is not a code',
      { actor: { ...entry.actor, organisationId: 'Gemeente Utrecht' } },
      /organisationId/,
    ],
    ['an empty user id', { actor: { ...entry.actor, userId: '' } }, /actor.userId/],
    ['a subject id with spaces', { subjectId: 'Jan de Vries' }, /subjectId/],
    ['a local time', { at: '2026-03-10T10:15:00+01:00' }, /at must be/],
    ['an impossible time', { at: '2026-13-40T25:00:00Z' }, /at must be/],
    ['no fields', { fields: [] }, /fields/],
    ['an unknown field', { fields: ['address'] }, /fields/],
    ['a repeated field', { fields: ['bsn', 'bsn'] }, /fields/],
  ])('refuses %s', (_name, change, message) => {
    const problems = personalDataAccessProblems({ ...entry, ...change });
    expect(problems.join('\n')).toMatch(message);
    expect(() => validatePersonalDataAccess({ ...entry, ...change })).toThrow(InvalidPersonalDataAccessError);
  });

  it('refuses what is not an object', () => {
    expect(personalDataAccessProblems(null)).toEqual(['the entry must be an object']);
    expect(() => validatePersonalDataAccess('entry')).toThrow(
      expect.objectContaining({ code: 'personal-data.access-entry-invalid' }),
    );
  });

  describe('purpose without personal data', () => {
    it.each([
      ['a BSN', 'controle BSN 123456782'],
      ['a formatted BSN', 'controle 1234.56.782'],
      ['a phone number', 'terugbellen 06-12345678'],
      ['a landline number', 'bellen 030-1234567'],
      ['a dotted date', 'geboren 14.03.2009'],
      ['a phone number with spaces', 'bellen 06 1234 5678'],
      ['a birth date', 'geboren 14-03-2009'],
      ['an ISO date', 'geboortedatum 2009-03-14'],
      ['a date with slashes', 'op 1/2/09'],
      ['an e-mail address', 'mail naar j.devries@example.nl'],
    ])('refuses a purpose with %s, without repeating it', (_name, purpose) => {
      const problems = purposeProblems(purpose);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem).toMatch(/must not contain personal data/);
      const error = (() => {
        try {
          validatePersonalDataAccess({ ...entry, purpose });
        } catch (caught) {
          return caught as Error;
        }
        throw new Error('accepted');
      })();
      expect(error.message).not.toContain(purpose);
    });

    it.each([
      'voorbereiding maatwerktafel 12 maart',
      'zaak case-12345678-aaaa-4bbb-8ccc-1234567890ab',
      'casus 2026-0042 bespreking',
      'verzoek NEN 7513 audit',
      'jaar 2026',
    ])('accepts the purpose %p', (purpose) => {
      expect(purposeProblems(purpose)).toEqual([]);
    });
  });
});
