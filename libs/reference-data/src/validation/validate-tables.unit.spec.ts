import { problemsAfter } from '../test-support/problems-after';
import type { SampleDocument } from '../test-support/sample-reference-data';

type Case = [string, (doc: SampleDocument) => void, readonly { path: string; message: string }[]];

const mwt = (doc: SampleDocument) => doc.tables[0];
const levels = (doc: SampleDocument) => mwt(doc).serviceLevels as Record<string, unknown>;
const sessions = (doc: SampleDocument) => mwt(doc).sessions as Record<string, unknown>[];

describe('validateReferenceData: tables', () => {
  it.each<Case>([
    [
      'a member that is not an organisation',
      (doc) => (mwt(doc).memberOrganisationCodes as string[]).push('GM0355'),
      [
        {
          path: '$.tables[0].memberOrganisationCodes[5]',
          message: '"GM0355" is not the code of an organisation in $.organisations',
        },
      ],
    ],
    [
      'a member given as a number',
      (doc) => (mwt(doc).memberOrganisationCodes as unknown[]).push(3311),
      [
        {
          path: '$.tables[0].memberOrganisationCodes[5]',
          message: 'expected an organisation code, got number 3311',
        },
      ],
    ],
    [
      'a member listed twice',
      (doc) => (mwt(doc).memberOrganisationCodes as string[]).push('CIZ'),
      [
        {
          path: '$.tables[0].memberOrganisationCodes[5]',
          message: 'duplicate member "CIZ" (first used at $.tables[0].memberOrganisationCodes[4])',
        },
      ],
    ],
    [
      'a table without members',
      (doc) => (mwt(doc).memberOrganisationCodes = []),
      [
        {
          path: '$.tables[0].memberOrganisationCodes',
          message: 'a table needs at least one member organisation',
        },
      ],
    ],
    [
      'a service level of zero',
      (doc) => (levels(doc).discussionWorkingDays = 0),
      [
        {
          path: '$.tables[0].serviceLevels.discussionWorkingDays',
          message: 'a service level (in working days) must be a positive whole number, got number 0',
        },
      ],
    ],
    [
      'a negative service level',
      (doc) => (levels(doc).liaisonAnswerWorkingDays = -5),
      [
        {
          path: '$.tables[0].serviceLevels.liaisonAnswerWorkingDays',
          message: 'a service level (in working days) must be a positive whole number, got number -5',
        },
      ],
    ],
    [
      'a fractional service level',
      (doc) => (levels(doc).escalationDecisionWorkingDays = 2.5),
      [
        {
          path: '$.tables[0].serviceLevels.escalationDecisionWorkingDays',
          message: 'a service level (in working days) must be a positive whole number, got number 2.5',
        },
      ],
    ],
    [
      'a service level given as a string',
      (doc) => (levels(doc).discussionWorkingDays = '10'),
      [
        {
          path: '$.tables[0].serviceLevels.discussionWorkingDays',
          message: 'a service level (in working days) must be a positive whole number, got the string "10"',
        },
      ],
    ],
    [
      'a missing service level',
      (doc) => delete levels(doc).escalationDecisionWorkingDays,
      [
        {
          path: '$.tables[0].serviceLevels.escalationDecisionWorkingDays',
          message: 'required field is missing',
        },
      ],
    ],
    [
      'an unknown service level',
      (doc) => (levels(doc).closureWorkingDays = 20),
      [
        {
          path: '$.tables[0].serviceLevels.closureWorkingDays',
          message:
            'unknown field "closureWorkingDays" (allowed: discussionWorkingDays, liaisonAnswerWorkingDays, ' +
            'escalationDecisionWorkingDays)',
        },
      ],
    ],
    [
      'missing service levels',
      (doc) => delete mwt(doc).serviceLevels,
      [{ path: '$.tables[0].serviceLevels', message: 'required field is missing' }],
    ],
    [
      'an auto-escalation flag that is not a boolean',
      (doc) => (mwt(doc).autoEscalateOnMissedAnswer = 'yes'),
      [
        {
          path: '$.tables[0].autoEscalateOnMissedAnswer',
          message: 'expected true or false, got the string "yes"',
        },
      ],
    ],
    [
      'an unknown table kind',
      (doc) => (mwt(doc).kind = 'stuurgroep'),
      [
        {
          path: '$.tables[0].kind',
          message: 'unknown table kind "stuurgroep" (expected one of maatwerktafel, opschaaltafel)',
        },
      ],
    ],
    [
      'a malformed table id',
      (doc) => (mwt(doc).id = 'MWT Utrecht'),
      [
        {
          path: '$.tables[0].id',
          message:
            '"MWT Utrecht" is not an id (2–64 lower-case letters and digits, with single hyphens between them)',
        },
      ],
    ],
    [
      'a duplicate table id',
      (doc) => doc.tables.push({ ...doc.tables[1], sessions: [] }),
      [
        {
          path: '$.tables[2].id',
          message: 'duplicate table id "ost-utrecht" (first used at $.tables[1].id)',
        },
      ],
    ],
    [
      'an unknown region',
      (doc) => (mwt(doc).region = 'utrecht'),
      [{ path: '$.tables[0].region', message: 'unknown region "utrecht" (not in $.regions)' }],
    ],
    [
      'an unknown field',
      (doc) => (mwt(doc).chair = 'GM0344'),
      [
        {
          path: '$.tables[0].chair',
          message:
            'unknown field "chair" (allowed: id, name, region, kind, memberOrganisationCodes, serviceLevels, ' +
            'autoEscalateOnMissedAnswer, autoEscalation, escalatesTo, sessions)',
        },
      ],
    ],
    [
      'an escalation to a table that does not exist',
      (doc) => (mwt(doc).escalatesTo = 'ost-zwolle'),
      [{ path: '$.tables[0].escalatesTo', message: '"ost-zwolle" is not the id of a table in $.tables' }],
    ],
    [
      'an escalation to a maatwerktafel',
      (doc) => (mwt(doc).escalatesTo = 'mwt-utrecht'),
      [
        {
          path: '$.tables[0].escalatesTo',
          message: '"mwt-utrecht" is a maatwerktafel; a maatwerktafel escalates to an opschaaltafel',
        },
      ],
    ],
    [
      'an opschaaltafel that escalates',
      (doc) => (doc.tables[1].escalatesTo = 'mwt-utrecht'),
      [
        {
          path: '$.tables[1].escalatesTo',
          message: 'only a maatwerktafel escalates; "ost-utrecht" is an opschaaltafel',
        },
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  it('accepts a table without sessions, escalation target or auto-escalation', () => {
    expect(
      problemsAfter((doc) => {
        delete mwt(doc).escalatesTo;
        mwt(doc).sessions = [];
        mwt(doc).autoEscalateOnMissedAnswer = false;
        delete mwt(doc).autoEscalation;
      }),
    ).toEqual([]);
  });

  it('keeps the functionaries of an automatic escalation while it is switched off', () => {
    expect(problemsAfter((doc) => (mwt(doc).autoEscalateOnMissedAnswer = false))).toEqual([]);
  });
});

describe('validateReferenceData: automatic escalation (autoEscalation)', () => {
  const auto = (doc: SampleDocument) => mwt(doc).autoEscalation as Record<string, Record<string, unknown>>;

  it.each<Case>([
    [
      'a table that escalates automatically without functionaries',
      (doc) => delete mwt(doc).autoEscalation,
      [
        {
          path: '$.tables[0].autoEscalation',
          message:
            'a table with autoEscalateOnMissedAnswer needs autoEscalation (mandateHolder and decisionOwner)',
        },
      ],
    ],
    [
      'a missing decision owner',
      (doc) => delete auto(doc).decisionOwner,
      [{ path: '$.tables[0].autoEscalation.decisionOwner', message: 'required field is missing' }],
    ],
    [
      'a functionaris of an organisation that is not at the table',
      (doc) => (auto(doc).mandateHolder.organisationCode = '7085'),
      [
        {
          path: '$.tables[0].autoEscalation.mandateHolder.organisationCode',
          message: '"7085" is not a member of this table (memberOrganisationCodes)',
        },
      ],
    ],
    [
      'a functionaris without a function title',
      (doc) => (auto(doc).decisionOwner.functionTitle = ' '),
      [{ path: '$.tables[0].autoEscalation.decisionOwner.functionTitle', message: 'must not be empty' }],
    ],
    [
      "a person's name field",
      (doc) => (auto(doc).decisionOwner.name = 'J. Jansen'),
      [
        {
          path: '$.tables[0].autoEscalation.decisionOwner.name',
          message: 'unknown field "name" (allowed: organisationCode, functionTitle)',
        },
      ],
    ],
    [
      'an opschaaltafel with functionaries',
      (doc) => (doc.tables[1].autoEscalation = auto(doc)),
      [
        {
          path: '$.tables[1].autoEscalation',
          message: 'only a maatwerktafel escalates; this table is an opschaaltafel',
        },
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });
});

describe('validateReferenceData: sessions', () => {
  it.each<Case>([
    [
      'a date that is not ISO',
      (doc) => (sessions(doc)[0].date = '3 december 2026'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '"3 december 2026" is not an ISO calendar date (YYYY-MM-DD, 1980–9999)',
        },
      ],
    ],
    [
      'a date-time instead of a date',
      (doc) => (sessions(doc)[0].date = '2026-12-03T10:00:00+01:00'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '"2026-12-03T10:00:00+01:00" is not an ISO calendar date (YYYY-MM-DD, 1980–9999)',
        },
      ],
    ],
    [
      'a date that does not exist',
      (doc) => (sessions(doc)[0].date = '2026-13-01'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '"2026-13-01" is not an ISO calendar date (YYYY-MM-DD, 1980–9999)',
        },
      ],
    ],
    [
      'a session on a Saturday',
      (doc) => (sessions(doc)[0].date = '2026-12-05'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '2026-12-05 is not a working day (a weekend day or a Dutch public holiday)',
        },
      ],
    ],
    [
      'a session on Christmas Day',
      (doc) => (sessions(doc)[0].date = '2026-12-25'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '2026-12-25 is not a working day (a weekend day or a Dutch public holiday)',
        },
      ],
    ],
    [
      'a session on Koningsdag',
      (doc) => (sessions(doc)[0].date = '2027-04-27'),
      [
        {
          path: '$.tables[0].sessions[0].date',
          message: '2027-04-27 is not a working day (a weekend day or a Dutch public holiday)',
        },
      ],
    ],
    [
      'a duplicate session id',
      (doc) => (sessions(doc)[1].id = 'mwt-utrecht-2026-12-03'),
      [
        {
          path: '$.tables[0].sessions[1].id',
          message: 'duplicate session id "mwt-utrecht-2026-12-03" (first used at $.tables[0].sessions[0].id)',
        },
      ],
    ],
    [
      'a session without a date',
      (doc) => delete sessions(doc)[2].date,
      [{ path: '$.tables[0].sessions[2].date', message: 'required field is missing' }],
    ],
    [
      'an unknown field in a session',
      (doc) => (sessions(doc)[0].location = 'Stadskantoor'),
      [{ path: '$.tables[0].sessions[0].location', message: 'unknown field "location" (allowed: id, date)' }],
    ],
    [
      'sessions that are not an array',
      (doc) => (mwt(doc).sessions = '2026-12-03'),
      [{ path: '$.tables[0].sessions', message: 'expected an array, got the string "2026-12-03"' }],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });
});
