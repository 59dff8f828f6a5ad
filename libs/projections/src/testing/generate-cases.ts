import type { EventStore } from '@casusregie/event-store';
import { CaseLog } from './case-log';
import { CaseScript } from './case-script';
import {
  type Step,
  after,
  arrangedGrensvlak,
  awaitingAnswer,
  disputedGrensvlak,
  moeilijkPlaatsbaar,
  referred,
} from './journeys';
import { ORG, TABLE } from './organisations';

/** A small deterministic PRNG (mulberry32), so a generated log is the same for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly cases: number;
  readonly seed?: number;
  /** The first registration; cases are spread over `spreadDays` after it. */
  readonly start?: string;
  readonly spreadDays?: number;
  /** Commands appended concurrently (different cases), so group commit batches them. */
  readonly concurrency?: number;
  readonly onProgress?: (commands: number, total: number) => void;
}

const SUMMARIES = [
  'Grensvlak wijkverpleging en persoonlijke verzorging na ziekenhuisopname.',
  'Moeilijk plaatsbare cliënt: LVB met GGZ-problematiek en verslaving.',
  'Begeleiding thuis en dagbesteding, financiering onduidelijk.',
  'Beschermd wonen gevraagd, wachtlijst en geen indicatie.',
  'Jeugdige met complexe zorgvraag, overgang naar volwassenenzorg.',
  'Kortdurend verblijf na val, geen geneeskundige context.',
];

/**
 * Fills the store with realistic case histories: every command goes through the real decider. Journeys vary in
 * kind, table, insurer, urgency and how far they got; their commands are interleaved in time order, as a real log.
 */
export async function generateCases(
  store: EventStore,
  options: GenerateOptions,
): Promise<{ commands: number }> {
  const random = prng(options.seed ?? 42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const log = new CaseLog(store);
  const start = options.start ?? '2024-01-01T08:00:00Z';
  const spread = options.spreadDays ?? 365;
  const tables = Object.values(TABLE);
  const insurers = [ORG.zilverenKruis, ORG.vgz, ORG.cz];
  const regiehouders = [ORG.utrecht, ORG.houten, ORG.zwolle, ORG.tilburg];

  const steps: { at: number; caseIndex: number; step: Step }[] = [];
  for (let i = 0; i < options.cases; i++) {
    const caseId = `${(i + 1).toString(36).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`;
    const script = new CaseScript(log, caseId, pick(regiehouders));
    const t0 = after(start, Math.floor(random() * spread), Math.floor(random() * 9));
    const o = {
      tableId: pick(tables),
      insurer: pick(insurers),
      urgency: pick(['normaal', 'normaal', 'normaal', 'hoog', 'spoed'] as const),
      summary: pick(SUMMARIES),
    };
    const kind = random();
    const journey =
      kind < 0.35
        ? arrangedGrensvlak(script, t0, o)
        : kind < 0.5
          ? disputedGrensvlak(script, t0, o)
          : kind < 0.7
            ? awaitingAnswer(script, t0, o)
            : kind < 0.9
              ? moeilijkPlaatsbaar(script, t0, o)
              : referred(script, t0, o);
    // Some cases are still under way: cut the journey short.
    const length = random() < 0.3 ? 1 + Math.floor(random() * journey.length) : journey.length;
    for (const step of journey.slice(0, length)) steps.push({ at: Date.parse(step.at), caseIndex: i, step });
  }
  steps.sort((a, b) => a.at - b.at || a.caseIndex - b.caseIndex);

  const concurrency = options.concurrency ?? 256;
  let done = 0;
  for (let from = 0; from < steps.length; from += concurrency) {
    const chunk = steps.slice(from, from + concurrency);
    const byCase = new Map<number, Step[]>();
    for (const s of chunk) byCase.set(s.caseIndex, [...(byCase.get(s.caseIndex) ?? []), s.step]);
    await Promise.all(
      [...byCase.values()].map(async (caseSteps) => {
        for (const step of caseSteps) await step.run();
      }),
    );
    done += chunk.length;
    options.onProgress?.(done, steps.length);
  }
  return { commands: steps.length };
}
