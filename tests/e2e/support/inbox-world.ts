import { type EmbeddedApp, startEmbeddedApp } from './embedded-app';
import { CaseJourney } from './journey/case-journey';
import { JourneyClient } from './journey/http';

/** Thuis, with a geneeskundige context: the wegwijzer points at the Zvw, so asking an insurer is no deviation. */
const AT_HOME = {
  wlzIndication: false,
  ageOnDate: 81,
  setting: 'thuis' as const,
  medicalContext: true,
  blijvend: false,
};

export interface InboxWorld {
  readonly embedded: EmbeddedApp;
  readonly client: JourneyClient;
  /** A grensvlak case at the Utrecht table, discussed on 5 March 2026 with one need per category given. */
  readonly casus: CaseJourney;
  readonly needIds: readonly string[];
  /** Proposes `financier` for the need and asks it: one responsibility-requested notification for it. */
  ask(needId: string, financier: string): Promise<{ requestId: string }>;
}

/** The embedded app (Monday 2 March 2026) with one case whose needs are ready to be put to insurers. */
export async function startInboxWorld(needs: readonly string[]): Promise<InboxWorld> {
  const embedded = await startEmbeddedApp({ start: '2026-03-02T08:30:00.000Z' });
  const client = new JourneyClient(embedded);
  const casus = await CaseJourney.register(client, {
    caseType: 'grensvlak',
    summary: 'Thuiswonende cliënt na ziekenhuisopname: wie financiert de verzorging?',
  });
  await casus.triage();
  const sessionId = await casus.putOnAgenda('2026-03-05');
  embedded.clock.set('2026-03-05T10:00:00.000Z');
  const needIds = await casus.discuss({ sessionId, present: ['GM0344', '3311'], needs });
  return {
    embedded,
    client,
    casus,
    needIds,
    async ask(needId, financier) {
      const proposal = await casus.propose(
        needId,
        'Zvw',
        financier,
        AT_HOME,
        'De tafel vraagt deze verzekeraar.',
      );
      return {
        requestId: await casus.requestFinancier(needId, proposal.responsibilityId, 'Neemt u dit op?'),
      };
    },
  };
}
