import fc from 'fast-check';
import type { Principal, Role } from '../auth/principal';
import {
  type CaseAccessFacts,
  canAcknowledge,
  canActOnCase,
  canAnswerRequest,
  canReadInbox,
  canReadSubject,
  canSeeCase,
  caseView,
} from './policy';

const user = (role: Role, org: string, tables: string[] = []): Principal => ({
  sub: `u-${role}`,
  name: 'Test',
  role,
  org,
  tables,
});

const coordinator = user('coordinator', 'GM0344', ['mwt-utrecht', 'ot-utrecht']);
const zilverenKruis = user('liaison', '3311');
const vgz = user('liaison', '7029');
const auditor = user('auditor', 'GM0344');
const admin = user('admin', 'GM0344', ['mwt-utrecht']);

const utrechtCase: CaseAccessFacts = {
  tableId: 'mwt-utrecht',
  partyOrganisationIds: ['GM0344', '3311'],
  askedOrganisationIds: [],
};
const brabantCase: CaseAccessFacts = {
  tableId: 'mwt-tilburg',
  partyOrganisationIds: ['GM0855'],
  askedOrganisationIds: ['7029'],
};

describe('case visibility and view', () => {
  it.each([
    ['coordinator, own table', coordinator, utrechtCase, 'full'],
    ['coordinator, another table', coordinator, brabantCase, 'none'],
    ['liaison of a party', zilverenKruis, utrechtCase, 'reduced'],
    ['liaison not involved', zilverenKruis, brabantCase, 'none'],
    ['liaison asked to answer', vgz, brabantCase, 'reduced'],
    ['liaison of another insurer', vgz, utrechtCase, 'none'],
    ['auditor', auditor, brabantCase, 'full'],
    ['admin, even with a table claim', admin, utrechtCase, 'none'],
  ] as const)('%s: %s', (_name, principal, facts, view) => {
    expect(caseView(principal, facts)).toBe(view);
    expect(canSeeCase(principal, facts)).toBe(view !== 'none');
  });

  it('does not let a coordinator see a case at another table even when their organisation is a party', () => {
    expect(canSeeCase(coordinator, { ...brabantCase, partyOrganisationIds: ['GM0344'] })).toBe(false);
  });

  it('never shows a liaison a case their organisation is not involved in (property)', () => {
    const org = fc.constantFrom('3311', '7029', '3343', 'GM0344', 'GM0855');
    fc.assert(
      fc.property(
        org,
        fc.record({
          tableId: fc.constantFrom('mwt-utrecht', 'mwt-tilburg'),
          partyOrganisationIds: fc.array(org, { maxLength: 4 }),
          askedOrganisationIds: fc.array(org, { maxLength: 3 }),
        }),
        (liaisonOrg, facts) => {
          const involved =
            facts.partyOrganisationIds.includes(liaisonOrg) ||
            facts.askedOrganisationIds.includes(liaisonOrg);
          const liaison = user('liaison', liaisonOrg, ['mwt-utrecht', 'mwt-tilburg']);
          expect(canSeeCase(liaison, facts)).toBe(involved);
          expect(caseView(liaison, facts)).toBe(involved ? 'reduced' : 'none');
        },
      ),
    );
  });
});

describe('canActOnCase', () => {
  it('needs both the permission and the case within reach', () => {
    expect(canActOnCase(coordinator, 'case.command', utrechtCase)).toBe(true);
    expect(canActOnCase(coordinator, 'case.command', brabantCase)).toBe(false);
    expect(canActOnCase(zilverenKruis, 'case.command', utrechtCase)).toBe(false);
    expect(canActOnCase(zilverenKruis, 'responsibility.answer', utrechtCase)).toBe(true);
    expect(canActOnCase(auditor, 'case.read-full', brabantCase)).toBe(true);
    expect(canActOnCase(auditor, 'case.command', brabantCase)).toBe(false);
    expect(canActOnCase(admin, 'reference.admin', utrechtCase)).toBe(false);
  });

  it('lets a coordinator register a case only at their own tables', () => {
    const at = (tableId: string) => ({ tableId, partyOrganisationIds: [], askedOrganisationIds: [] });
    expect(canActOnCase(coordinator, 'case.register', at('ot-utrecht'))).toBe(true);
    expect(canActOnCase(coordinator, 'case.register', at('mwt-tilburg'))).toBe(false);
  });
});

describe('answering requests', () => {
  it('lets a liaison answer only requests addressed to their organisation', () => {
    expect(canAnswerRequest(zilverenKruis, '3311')).toBe(true);
    expect(canAnswerRequest(zilverenKruis, '7029')).toBe(false);
  });

  it('lets a coordinator record any organisation’s answer, and nobody else answer', () => {
    expect(canAnswerRequest(coordinator, '7029')).toBe(true);
    expect(canAnswerRequest(auditor, 'GM0344')).toBe(false);
    expect(canAnswerRequest(admin, 'GM0344')).toBe(false);
  });
});

describe('inbox', () => {
  it('lets liaisons and coordinators read and acknowledge only their own organisation’s inbox', () => {
    for (const principal of [zilverenKruis, coordinator]) {
      expect(canReadInbox(principal, principal.org)).toBe(true);
      expect(canReadInbox(principal, '9999')).toBe(false);
      expect(canAcknowledge(principal, principal.org)).toBe(true);
      expect(canAcknowledge(principal, '9999')).toBe(false);
    }
  });

  it('lets an auditor read every inbox but acknowledge nothing; an admin neither', () => {
    expect(canReadInbox(auditor, '3311')).toBe(true);
    expect(canAcknowledge(auditor, auditor.org)).toBe(false);
    expect(canReadInbox(admin, admin.org)).toBe(false);
    expect(canAcknowledge(admin, admin.org)).toBe(false);
  });
});

describe('canReadSubject', () => {
  it('allows only coordinators of a table the subject has a case at', () => {
    expect(canReadSubject(coordinator, ['mwt-tilburg', 'ot-utrecht'])).toBe(true);
    expect(canReadSubject(coordinator, ['mwt-tilburg'])).toBe(false);
    expect(canReadSubject(coordinator, [])).toBe(false);
    for (const principal of [zilverenKruis, auditor, admin]) {
      expect(canReadSubject({ ...principal, tables: ['mwt-utrecht'] }, ['mwt-utrecht'])).toBe(false);
    }
  });
});
