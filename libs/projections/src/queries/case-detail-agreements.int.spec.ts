import { randomUUID } from 'node:crypto';
import { type CaseFixture, emptyFixture } from '../testing/case-fixture';
import { metadata } from '../testing/case-log';
import { CaseScript } from '../testing/case-script';
import { ORG } from '../testing/organisations';
import { agreementsForOrganisation } from './case-detail';

const SHARED = 'Verzekeraar ontvangt het verpleegkundig verslag.';
const NOT_SHARED = 'De tafel bespreekt de thuissituatie opnieuw.';
const LEGACY = 'Afspraak van voor het vastleggen van delen.';

describe('agreements in the case detail: with whom each text is shared', () => {
  let f: CaseFixture;
  const caseId = 'agr-case';

  beforeAll(async () => {
    f = await emptyFixture();
    const s = new CaseScript(f.log, caseId);
    await s.register({}, '2025-03-03T08:00:00Z');
    await s.acceptAtTriage('2025-03-03T09:00:00Z');
    await s.putOnAgenda('session-1', '2025-03-06', '2025-03-03T10:00:00Z');
    const discussed = await f.log.execute({
      type: 'RecordDiscussion',
      data: {
        caseId,
        sessionId: 'session-1',
        presentOrganisationIds: [ORG.utrecht.organisationId, ORG.zilverenKruis.organisationId],
        agreements: [
          {
            agreementId: 'agr-shared',
            text: SHARED,
            sharedWithOrganisationIds: [ORG.zilverenKruis.organisationId],
          },
          { agreementId: 'agr-not-shared', text: NOT_SHARED },
        ],
      },
      metadata: metadata(ORG.utrecht.organisationId, '2025-03-06T10:00:00Z'),
    });
    // An AgreementRecorded written before sharing was recorded: no sharedWithOrganisationIds at all.
    await f.store.append(
      `case-${caseId}`,
      [
        {
          eventId: randomUUID(),
          type: 'casus.AgreementRecorded.v1',
          data: {
            caseId,
            sessionId: 'session-1',
            agreementId: 'agr-legacy',
            text: LEGACY,
            occurredAt: '2025-03-06T10:00:00Z',
          },
          metadata: {
            actor: { userId: 'u', role: 'coordinator', organisationId: ORG.utrecht.organisationId },
            correlationId: 'legacy',
            causationId: 'legacy',
            occurredAt: '2025-03-06T10:00:00Z',
            schemaVersion: 1,
          },
        },
      ],
      discussed.nextExpectedVersion,
    );
    await f.caughtUp();
  });

  afterAll(() => f.close());

  it('keeps the organisations of each agreement; an older event without them is shared with none', () => {
    const detail = f.queries.getCase(caseId)!;
    expect(detail.agreements.map((a) => [a.agreementId, a.text, a.sharedWithOrganisationIds])).toEqual([
      ['agr-shared', SHARED, [ORG.zilverenKruis.organisationId]],
      ['agr-not-shared', NOT_SHARED, []],
      ['agr-legacy', LEGACY, []],
    ]);
  });

  it("shows an organisation the texts shared with it and no other organisation's", () => {
    const { agreements } = f.queries.getCase(caseId)!;
    const textsFor = (organisationId: string) =>
      agreementsForOrganisation(agreements, organisationId).map((a) => a.text);
    expect(textsFor(ORG.zilverenKruis.organisationId)).toEqual([SHARED, null, null]);
    expect(textsFor(ORG.vgz.organisationId)).toEqual([null, null, null]);
    expect(textsFor(ORG.utrecht.organisationId)).toEqual([null, null, null]);
    expect(agreementsForOrganisation(agreements, ORG.vgz.organisationId)[0]).toEqual({
      agreementId: 'agr-shared',
      sessionId: 'session-1',
      recordedAt: agreements[0].recordedAt,
      text: null,
    });
  });
});
