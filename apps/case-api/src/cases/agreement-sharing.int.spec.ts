import { CaseBuilder, auditor, liaisonOf, utrechtCoordinator } from '../../test-support/case-builder';
import { call, startTestApi, type TestApi } from '../../test-support/test-api';

const FOR_3311 = 'Zilveren Kruis ontvangt het verpleegkundig verslag voor de indicatie.';
const FOR_BOTH = 'Beide verzekeraars stemmen de overgang van de zorg onderling af.';
const TABLE_ONLY = 'De tafel bespreekt de thuissituatie opnieuw na het huisbezoek.';

type AgreementView = { agreementId: string; text: string | null; sharedWithOrganisationIds?: string[] };

/**
 * Agreements made at the table are read by its coordinators (and auditors) in full; a liaison reads the text of an
 * agreement only when the table shared it with the liaison's organisation (POST /discussions,
 * `agreements[].sharedWithOrganisationCodes`).
 */
describe('agreement texts shared with organisations', () => {
  let api: TestApi;
  let casus: CaseBuilder;
  let agreementIds: string[];

  beforeEach(async () => {
    api = await startTestApi();
    // Insurers 3311 and 7095 are each asked about one need, so both liaisons may see the case.
    casus = await CaseBuilder.register(api);
    await casus.triage();
    const sessionId = await casus.putOnAgenda('2026-03-05');
    const ids = await casus.discuss(sessionId, {
      needs: ['verpleging', 'persoonlijke-verzorging'],
      present: ['GM0344', '3311', '7095'],
      agreements: [
        { text: FOR_3311, sharedWithOrganisationCodes: ['3311'] },
        TABLE_ONLY,
        { text: FOR_BOTH, sharedWithOrganisationCodes: ['3311', '7095'] },
      ],
    });
    agreementIds = ids.agreementIds;
    await casus.askInsurer(ids.needIds[0], '3311');
    await casus.askInsurer(ids.needIds[1], '7095');
  });
  afterEach(() => api.close());

  const agreementsAs = async (token: string) => {
    const response = await call(api, 'GET', `/cases/${casus.caseId}?minPosition=${casus.position}`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body.agreements as AgreementView[];
  };

  it('records with whom each text is shared', async () => {
    const recorded = (await api.store.readStream(`case-${casus.caseId}`))
      .filter((e) => e.type === 'casus.AgreementRecorded.v1')
      .map((e) => (e.data as { sharedWithOrganisationIds: string[] }).sharedWithOrganisationIds);
    expect(recorded).toEqual([['3311'], [], ['3311', '7095']]);
  });

  it('gives coordinators and auditors every text and with whom it is shared', async () => {
    for (const token of [utrechtCoordinator, auditor]) {
      expect(await agreementsAs(token)).toEqual([
        expect.objectContaining({
          agreementId: agreementIds[0],
          text: FOR_3311,
          sharedWithOrganisationIds: ['3311'],
        }),
        expect.objectContaining({
          agreementId: agreementIds[1],
          text: TABLE_ONLY,
          sharedWithOrganisationIds: [],
        }),
        expect.objectContaining({
          agreementId: agreementIds[2],
          text: FOR_BOTH,
          sharedWithOrganisationIds: ['3311', '7095'],
        }),
      ]);
    }
  });

  it('gives a liaison exactly the texts shared with its organisation, and not with whom else', async () => {
    const zk = await agreementsAs(liaisonOf('3311'));
    expect(zk.map((a) => a.text)).toEqual([FOR_3311, null, FOR_BOTH]);
    const vgz = await agreementsAs(liaisonOf('7095'));
    expect(vgz.map((a) => a.text)).toEqual([null, null, FOR_BOTH]);
    // Every agreement is listed (that it was made is a fact of the case), but not who else got its text.
    for (const view of [zk, vgz]) {
      expect(view.map((a) => a.agreementId)).toEqual(agreementIds);
      expect(view.every((a) => !('sharedWithOrganisationIds' in a))).toBe(true);
    }
  });

  it('gives a liaison of a party the table shared nothing with none of the texts', async () => {
    const gemeente = await agreementsAs(liaisonOf('GM0344'));
    expect(gemeente.map((a) => a.text)).toEqual([null, null, null]);
  });

  it('refuses an unknown organisation (422) and a code named twice (400), and stores nothing', async () => {
    const sessionId = await casus.putOnAgenda('2026-03-12');
    const head = await api.store.headPosition();
    const discussion = (sharedWithOrganisationCodes: unknown) => ({
      sessionId,
      presentOrganisationCodes: ['GM0344'],
      agreements: [{ text: 'Afspraak.', sharedWithOrganisationCodes }],
    });
    const post = (body: unknown) =>
      call(api, 'POST', `/cases/${casus.caseId}/discussions`, { token: utrechtCoordinator, body });

    const unknown = await post(discussion(['3311', 'GM9999']));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'unknown-reference',
      errors: [{ field: 'agreements.0.sharedWithOrganisationCodes.1' }],
    });
    for (const bad of [['3311', '3311'], '3311', [42]]) {
      const response = await post(discussion(bad));
      expect([JSON.stringify(bad), response.status]).toEqual([JSON.stringify(bad), 400]);
      const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields.every((f) => f.startsWith('agreements.0.sharedWithOrganisationCodes'))).toBe(true);
    }
    expect(await api.store.headPosition()).toBe(head);
  });
});
