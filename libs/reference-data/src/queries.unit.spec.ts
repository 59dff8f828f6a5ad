import {
  autoEscalationFor,
  escalationTableFor,
  nextSession,
  organisationByCode,
  sessionsOn,
  tableById,
  tablesOf,
  unverifiedOrganisations,
  zorgkantoorFor,
} from './queries';
import { sampleReferenceData } from './test-support/sample-reference-data';
import { validateReferenceData } from './validation/validate-reference-data';

const data = validateReferenceData(sampleReferenceData());

describe('organisationByCode', () => {
  it('finds an organisation by its exact code', () => {
    expect(organisationByCode(data, 'GM0344')?.name).toBe('Gemeente Utrecht');
    expect(organisationByCode(data, '3311')?.kind).toBe('zorgverzekeraar');
    expect(organisationByCode(data, 'ZK-UTRECHT')?.codes.zorgkantoorregio).toBe('Utrecht');
  });

  it('returns undefined for an unknown code and does not ignore case', () => {
    expect(organisationByCode(data, 'GM0855')).toBeUndefined();
    expect(organisationByCode(data, 'gm0344')).toBeUndefined();
  });
});

describe('tablesOf and tableById', () => {
  it('lists the tables an organisation is a member of, in file order', () => {
    expect(tablesOf(data, 'GM0344').map((t) => t.id)).toEqual(['mwt-utrecht', 'ost-utrecht']);
    expect(tablesOf(data, 'CIZ').map((t) => t.id)).toEqual(['mwt-utrecht']);
    expect(tablesOf(data, '7085').map((t) => t.id)).toEqual(['ost-utrecht']);
  });

  it('returns no tables for an organisation that sits at none, or an unknown code', () => {
    expect(tablesOf(data, 'GI-SVM')).toEqual([]);
    expect(tablesOf(data, 'nobody')).toEqual([]);
  });

  it('finds a table by id', () => {
    expect(tableById(data, 'mwt-utrecht')?.serviceLevels).toEqual({
      discussionWorkingDays: 10,
      liaisonAnswerWorkingDays: 5,
      escalationDecisionWorkingDays: 10,
    });
    expect(tableById(data, 'mwt-zwolle')).toBeUndefined();
  });
});

describe('sessionsOn and nextSession', () => {
  it('finds the session on a calendar date', () => {
    expect(sessionsOn(data, 'mwt-utrecht', '2026-12-17')).toEqual([
      { id: 'mwt-utrecht-2026-12-17', date: '2026-12-17' },
    ]);
    expect(sessionsOn(data, 'mwt-utrecht', '2026-12-18')).toEqual([]);
    expect(sessionsOn(data, 'ost-utrecht', '2026-12-17')).toEqual([]);
  });

  it('takes the Dutch calendar day of a date-time', () => {
    // 23:30 UTC is 00:30 the next day in the Netherlands (UTC+1 in winter).
    expect(sessionsOn(data, 'mwt-utrecht', '2026-12-02T23:30:00Z').map((s) => s.id)).toEqual([
      'mwt-utrecht-2026-12-03',
    ]);
    expect(sessionsOn(data, 'mwt-utrecht', '2026-12-03T23:30:00Z')).toEqual([]);
  });

  it('refuses an unknown table and a date it cannot read', () => {
    expect(() => sessionsOn(data, 'mwt-zwolle', '2026-12-03')).toThrow(
      new RangeError('Unknown table "mwt-zwolle".'),
    );
    expect(() => sessionsOn(data, 'mwt-utrecht', '03-12-2026')).toThrow(RangeError);
    expect(() => sessionsOn(data, 'mwt-utrecht', '2026-12-03T10:00')).toThrow(
      '"2026-12-03T10:00" is not an ISO date (YYYY-MM-DD) or an ISO date-time with a zone.',
    );
  });

  it('finds the next session on or after a day', () => {
    expect(nextSession(data, 'mwt-utrecht', '2026-12-03')?.id).toBe('mwt-utrecht-2026-12-03');
    expect(nextSession(data, 'mwt-utrecht', '2026-12-04')?.id).toBe('mwt-utrecht-2026-12-17');
    expect(nextSession(data, 'mwt-utrecht', '2027-01-15')).toBeUndefined();
    expect(nextSession(data, 'ost-utrecht', '2026-01-01')).toBeUndefined();
  });
});

describe('escalationTableFor, zorgkantoorFor, unverifiedOrganisations', () => {
  it('finds the opschaaltafel a maatwerktafel escalates to', () => {
    expect(escalationTableFor(data, 'mwt-utrecht')?.id).toBe('ost-utrecht');
    expect(escalationTableFor(data, 'ost-utrecht')).toBeUndefined();
  });

  it('gives the functionaries of an automatic escalation as WatchDeadlines takes them, where configured', () => {
    expect(autoEscalationFor(data, 'mwt-utrecht')).toEqual({
      mandateHolder: { organisationId: 'GM0344', functionTitle: 'wethouder zorg' },
      decisionOwner: { organisationId: 'ZK-UTRECHT', functionTitle: 'manager zorginkoop' },
    });
    expect(autoEscalationFor(data, 'ost-utrecht')).toBeNull();
    expect(autoEscalationFor(data, 'mwt-elders')).toBeNull();
    const off = sampleReferenceData();
    off.tables[0].autoEscalateOnMissedAnswer = false;
    expect(autoEscalationFor(validateReferenceData(off), 'mwt-utrecht')).toBeNull();
  });

  it("finds the zorgkantoor of a gemeente's zorgkantoorregio", () => {
    expect(zorgkantoorFor(data, 'GM0344')?.code).toBe('ZK-UTRECHT');
    expect(zorgkantoorFor(data, '3311')).toBeUndefined();
    expect(zorgkantoorFor(data, 'GM9999')).toBeUndefined();
  });

  it('lists the organisations marked verified: false', () => {
    expect(unverifiedOrganisations(data).map((org) => org.code)).toEqual(['7085']);
  });
});
