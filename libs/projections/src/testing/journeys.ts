import type { OrganisationRef, Urgency } from '@casusregie/domain';
import type { AppendResult } from '@casusregie/event-store';
import type { CaseScript } from './case-script';
import { ORG, TABLE } from './organisations';

/** One command of a journey, at its moment. */
export interface Step {
  readonly at: string;
  readonly run: () => Promise<AppendResult>;
}

/** `start` plus whole days and hours, as an ISO instant. */
export function after(start: string, days: number, hours = 0): string {
  return new Date(Date.parse(start) + (days * 24 + hours) * 3_600_000).toISOString();
}

/** Runs steps one after the other; returns the result of the last. */
export async function runSteps(steps: readonly Step[]): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const step of steps) last = await step.run();
  if (!last) throw new Error('no steps');
  return last;
}

export interface JourneyOptions {
  readonly tableId?: string;
  readonly urgency?: Urgency;
  readonly insurer?: OrganisationRef;
  readonly summary?: string;
}

function step(at: string, run: (at: string) => Promise<AppendResult>): Step {
  return { at, run: () => run(at) };
}

function atTheTable(
  s: CaseScript,
  t0: string,
  o: JourneyOptions,
  caseType: 'grensvlak' | 'moeilijk-plaatsbaar',
) {
  return [
    step(t0, (at) =>
      s.register(
        {
          caseType,
          urgency: o.urgency,
          tableId: o.tableId ?? TABLE.utrechtStad,
          summary: o.summary,
        },
        at,
      ),
    ),
    step(after(t0, 0, 2), (at) => s.acceptAtTriage(at)),
    step(after(t0, 1), (at) => s.putOnAgenda('session-1', after(t0, 3).slice(0, 10), at)),
  ];
}

/**
 * Grensvlak wijkverpleging / persoonlijke verzorging, settled at the table: the insurer takes verpleging (Zvw), the
 * gemeente persoonlijke verzorging (Wmo), and the case closes.
 */
export function arrangedGrensvlak(s: CaseScript, t0: string, o: JourneyOptions = {}): Step[] {
  const insurer = o.insurer ?? ORG.zilverenKruis;
  return [
    ...atTheTable(s, t0, o, 'grensvlak'),
    step(after(t0, 3), (at) =>
      s.discuss(
        'session-1',
        {
          present: [s.regiehouder.organisationId, insurer.organisationId],
          needs: [
            { needId: 'need-vp', category: 'verpleging' },
            { needId: 'need-pv', category: 'persoonlijke-verzorging' },
          ],
          agreements: [{ agreementId: 'agr-1', text: 'Verzekeraar en gemeente beoordelen binnen een week.' }],
          actions: [
            {
              actionId: 'act-1',
              description: 'Indicatie wijkverpleging aanvragen.',
              ownerOrganisationId: s.regiehouder.organisationId,
              dueDate: after(t0, 10).slice(0, 10),
            },
          ],
        },
        at,
      ),
    ),
    step(after(t0, 3, 1), (at) => s.propose('need-vp', 'resp-vp', 'Zvw', insurer, at)),
    step(after(t0, 3, 2), (at) => s.requestFinancier('resp-vp', 'req-vp', at)),
    step(after(t0, 3, 3), (at) => s.propose('need-pv', 'resp-pv', 'Wmo', s.regiehouder, at)),
    step(after(t0, 3, 4), (at) => s.requestFinancier('resp-pv', 'req-pv', at)),
    step(after(t0, 5), (at) => s.acceptBy(insurer, 'resp-vp', at)),
    step(after(t0, 6), (at) => s.acceptBy(s.regiehouder, 'resp-pv', at)),
    step(after(t0, 7), (at) => s.completeAction('act-1', at)),
    step(after(t0, 20), (at) => s.close('responsibility-arranged', at)),
  ];
}

/**
 * A grensvlak dispute: the insurer rejects verpleging, the case is escalated to the opschaaltafel and left open
 * there (a gap for verpleging; the escalation decision is due).
 */
export function disputedGrensvlak(s: CaseScript, t0: string, o: JourneyOptions = {}): Step[] {
  const insurer = o.insurer ?? ORG.zilverenKruis;
  return [
    ...atTheTable(s, t0, o, 'grensvlak'),
    step(after(t0, 3), (at) =>
      s.discuss('session-1', { needs: [{ needId: 'need-vp', category: 'verpleging' }] }, at),
    ),
    step(after(t0, 3, 1), (at) => s.propose('need-vp', 'resp-vp', 'Zvw', insurer, at)),
    step(after(t0, 3, 2), (at) => s.requestFinancier('resp-vp', 'req-vp', at)),
    step(after(t0, 6), (at) => s.rejectBy(insurer, 'resp-vp', at)),
    step(after(t0, 8), (at) => s.escalate('esc-1', 'dispute-between-financiers', ['need-vp'], at)),
  ];
}

/** A request still waiting for the insurer's answer: a gap, and a liaison deadline that runs. */
export function awaitingAnswer(s: CaseScript, t0: string, o: JourneyOptions = {}): Step[] {
  const insurer = o.insurer ?? ORG.zilverenKruis;
  return [
    ...atTheTable(s, t0, o, 'grensvlak'),
    step(after(t0, 3), (at) =>
      s.discuss('session-1', { needs: [{ needId: 'need-vp', category: 'verpleging' }] }, at),
    ),
    step(after(t0, 3, 1), (at) => s.propose('need-vp', 'resp-vp', 'Zvw', insurer, at)),
    step(after(t0, 3, 2), (at) => s.requestFinancier('resp-vp', 'req-vp', at)),
  ];
}

export interface MoeilijkPlaatsbaarOptions extends JourneyOptions {
  readonly zorgkantoor?: OrganisationRef;
  /** The provider that refuses, and the one that accepts. */
  readonly providers?: readonly [OrganisationRef, OrganisationRef];
}

/**
 * A moeilijk plaatsbare client from aanmelding to plaatsing: the zorgkantoor rejects verblijf, the opschaaltafel
 * assigns the gemeente provisionally, one provider refuses, a second accepts, placement, verrekening to the
 * zorgkantoor, closure.
 */
export function moeilijkPlaatsbaar(s: CaseScript, t0: string, o: MoeilijkPlaatsbaarOptions = {}): Step[] {
  const insurer = o.insurer ?? ORG.zilverenKruis;
  const zorgkantoor = o.zorgkantoor ?? ORG.zorgkantoorUtrecht;
  const [refuser, acceptor] = o.providers ?? [ORG.lvbKliniek, ORG.beschermdWonen];
  return [
    ...atTheTable(
      s,
      t0,
      { summary: 'Moeilijk plaatsbare cliënt: LVB met GGZ-problematiek.', ...o },
      'moeilijk-plaatsbaar',
    ),
    step(after(t0, 3), (at) =>
      s.discuss(
        'session-1',
        {
          needs: [
            { needId: 'need-verblijf', category: 'verblijf' },
            { needId: 'need-ggz', category: 'behandeling-ggz' },
          ],
        },
        at,
      ),
    ),
    step(after(t0, 3, 1), (at) => s.propose('need-verblijf', 'resp-wlz', 'Wlz', zorgkantoor, at)),
    step(after(t0, 3, 2), (at) => s.requestFinancier('resp-wlz', 'req-wlz', at)),
    step(after(t0, 3, 3), (at) => s.propose('need-ggz', 'resp-ggz', 'Zvw', insurer, at)),
    step(after(t0, 3, 4), (at) => s.requestFinancier('resp-ggz', 'req-ggz', at)),
    step(after(t0, 5), (at) => s.rejectBy(zorgkantoor, 'resp-wlz', at, 'criteria-not-met')),
    step(after(t0, 6), (at) => s.acceptBy(insurer, 'resp-ggz', at)),
    step(after(t0, 7), (at) => s.escalate('esc-1', 'dispute-between-financiers', ['need-verblijf'], at)),
    step(after(t0, 14), (at) =>
      s.decideBreakthrough(
        'esc-1',
        'dec-1',
        [{ needId: 'need-verblijf', lawDomain: 'Wmo', financier: s.regiehouder, provisional: true }],
        at,
      ),
    ),
    step(after(t0, 15), (at) => s.requestOffer('offer-1', 'need-verblijf', refuser, at)),
    step(after(t0, 18), (at) => s.refuseOffer(refuser, 'offer-1', 'no-capacity', at)),
    step(after(t0, 40), (at) => s.requestOffer('offer-2', 'need-verblijf', acceptor, at)),
    step(after(t0, 45), (at) => s.acceptOffer(acceptor, 'offer-2', at)),
    step(after(t0, 50), (at) => s.startPlacement('plaatsing-1', 'offer-2', after(t0, 52).slice(0, 10), at)),
    step(after(t0, 60), (at) => s.settle('dec-1:need-verblijf', 'Wlz', zorgkantoor, at)),
    step(after(t0, 70), (at) => s.close('placed', at)),
  ];
}

/** Triage refers the case elsewhere. */
export function referred(s: CaseScript, t0: string, o: JourneyOptions = {}): Step[] {
  return [
    step(t0, (at) => s.register({ tableId: o.tableId, urgency: o.urgency, summary: o.summary }, at)),
    step(after(t0, 0, 3), (at) => s.referAtTriage(at)),
  ];
}
