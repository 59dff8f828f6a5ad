import { type Caller, type JourneyClient, coordinatorUtrecht } from './http';

/** GET /cases/{id}/responsibility and /responsibility/steps, as they answer over HTTP. */
export interface EventRefView {
  readonly eventId: string;
  readonly position: number;
  readonly type: string;
  readonly recordedAt: string;
}

export interface ResponsibilityEntryView {
  readonly responsibilityId: string;
  readonly lawDomain: string;
  readonly financierOrganisationId: string;
  readonly status: string;
  readonly basis: string;
  readonly takesEffect: string;
  readonly holding: boolean;
  readonly setBy: EventRefView;
}

export interface NeedView {
  readonly needId: string;
  readonly category: string;
  readonly needStatus: 'open' | 'ended';
  readonly current: ResponsibilityEntryView | null;
  readonly responsibilities: readonly ResponsibilityEntryView[];
}

export interface GapView {
  readonly needId: string;
  readonly category: string;
  readonly since: EventRefView;
}

export interface SnapshotView {
  readonly caseId?: string;
  readonly after: EventRefView | null;
  readonly needs: readonly NeedView[];
  readonly gaps: readonly GapView[];
}

export interface StepsView {
  readonly caseId: string;
  readonly steps: readonly SnapshotView[];
}

/** `Zvw 3311 accepted`: a responsibility in one line, so that a whole case compares readably. */
export function line(entry: ResponsibilityEntryView | null | undefined): string | null {
  return entry ? `${entry.lawDomain} ${entry.financierOrganisationId} ${entry.status}` : null;
}

/**
 * Per need (by the label the journey gave it): who holds it (null for nobody), the responsibility that answers
 * "who is responsible" now, and whether the view lists the need as a gap.
 */
export interface NeedSummary {
  readonly holder: string | null;
  readonly current: string | null;
  readonly gap: boolean;
}

export function summarise(
  snapshot: SnapshotView,
  labels: Readonly<Record<string, string>>,
): Record<string, NeedSummary> {
  const gaps = new Set(snapshot.gaps.map((g) => g.needId));
  const summary: Record<string, NeedSummary> = {};
  for (const [label, needId] of Object.entries(labels)) {
    const need = snapshot.needs.find((n) => n.needId === needId);
    if (!need) throw new Error(`The responsibility view has no need ${label} (${needId})`);
    summary[label] = {
      holder: line(need.responsibilities.find((r) => r.holding)),
      current: line(need.current),
      gap: gaps.has(needId),
    };
  }
  return summary;
}

export function needOf(snapshot: SnapshotView, needId: string): NeedView {
  const need = snapshot.needs.find((n) => n.needId === needId);
  if (!need) throw new Error(`The responsibility view has no need ${needId}`);
  return need;
}

export function gapOf(snapshot: SnapshotView, needId: string): GapView | undefined {
  return snapshot.gaps.find((g) => g.needId === needId);
}

/** Reads the responsibility of a case now, or at a position / date / instant. */
export function responsibility(
  client: JourneyClient,
  caseId: string,
  at?: string | number,
  caller: Caller = coordinatorUtrecht,
): Promise<SnapshotView> {
  const query = at === undefined ? '' : `?at=${encodeURIComponent(String(at))}`;
  return client.read<SnapshotView>(caller, `/cases/${caseId}/responsibility${query}`);
}

export async function steps(
  client: JourneyClient,
  caseId: string,
  caller: Caller = coordinatorUtrecht,
): Promise<readonly SnapshotView[]> {
  return (await client.read<StepsView>(caller, `/cases/${caseId}/responsibility/steps`)).steps;
}

/**
 * The checks every journey makes after a step: the steps view has one snapshot per event of the case (its
 * length is the case version the command answered), the last step is the view "now", ends with the command's
 * last event, and the view at the command's global position is that same snapshot.
 */
export async function checkedView(
  client: JourneyClient,
  answer: { caseId: string; version: number; position: number },
): Promise<SnapshotView> {
  const all = await steps(client, answer.caseId);
  const now = await responsibility(client, answer.caseId);
  const atPosition = await responsibility(client, answer.caseId, answer.position);
  const last = all[all.length - 1];
  const problems: string[] = [];
  if (all.length !== answer.version) problems.push(`${all.length} steps for version ${answer.version}`);
  if (last?.after?.position !== answer.position) {
    problems.push(`last step after position ${last?.after?.position}, command at ${answer.position}`);
  }
  const { caseId: _now, ...nowView } = now;
  const { caseId: _at, ...atView } = atPosition;
  if (JSON.stringify(nowView) !== JSON.stringify(last))
    problems.push('the view now differs from the last step');
  if (JSON.stringify(atView) !== JSON.stringify(last)) {
    problems.push(`the view at position ${answer.position} differs from the last step`);
  }
  if (problems.length > 0) throw new Error(`Responsibility views disagree: ${problems.join('; ')}`);
  return now;
}

/** GET /cases/{id} (the case read model), as far as the journeys compare it with the responsibility view. */
export interface CaseDetailView {
  readonly caseId: string;
  readonly version: number;
  readonly lastPosition: number;
  readonly asOfPosition: number;
  readonly status: string;
  readonly needs: ReadonlyArray<{
    readonly needId: string;
    readonly category: string;
    readonly status: 'open' | 'ended';
    readonly current: {
      readonly lawDomain: string;
      readonly financierOrganisationId: string;
      readonly status: string;
    } | null;
    readonly responsibilities: ReadonlyArray<{ readonly responsibilityId: string; readonly status: string }>;
    readonly gap: { readonly position: number; readonly eventType: string } | null;
  }>;
}

export interface GapListView {
  readonly asOfPosition: number;
  readonly items: ReadonlyArray<{
    readonly caseId: string;
    readonly needId: string;
    readonly category: string;
    readonly sincePosition: number;
    readonly sinceEventType: string;
  }>;
}

/**
 * The read models, read with minPosition = the command's position (read-your-writes), agree with the
 * responsibility view folded from the stream: the case detail has the command's version and, per need, the same
 * current responsibility, the same responsibilities and the same gap (since the same event); GET /gaps lists
 * exactly the case's gaps.
 */
export async function readModelsAgree(
  client: JourneyClient,
  answer: { caseId: string; version: number; position: number },
  snapshot: SnapshotView,
  caller: Caller = coordinatorUtrecht,
): Promise<CaseDetailView> {
  const detail = await client.read<CaseDetailView>(
    caller,
    `/cases/${answer.caseId}?minPosition=${answer.position}`,
  );
  const gaps = await client.read<GapListView>(caller, `/gaps?minPosition=${answer.position}&limit=1000`);
  const problems: string[] = [];
  if (detail.version !== answer.version)
    problems.push(`detail version ${detail.version}, not ${answer.version}`);
  if (detail.lastPosition !== answer.position)
    problems.push(`detail at ${detail.lastPosition}, not ${answer.position}`);
  if (detail.asOfPosition < answer.position) problems.push(`detail as of ${detail.asOfPosition}`);
  const fromView = snapshot.needs.map((n) => ({
    needId: n.needId,
    category: n.category,
    status: n.needStatus,
    current: n.current && line(n.current),
    responsibilities: n.responsibilities.map((r) => `${r.responsibilityId} ${r.status}`),
    gap: gapOf(snapshot, n.needId)?.since.position ?? null,
  }));
  const fromDetail = detail.needs.map((n) => ({
    needId: n.needId,
    category: n.category,
    status: n.status,
    current: n.current && `${n.current.lawDomain} ${n.current.financierOrganisationId} ${n.current.status}`,
    responsibilities: n.responsibilities.map((r) => `${r.responsibilityId} ${r.status}`),
    gap: n.gap?.position ?? null,
  }));
  if (JSON.stringify(fromDetail) !== JSON.stringify(fromView)) {
    problems.push(
      `detail needs ${JSON.stringify(fromDetail)} differ from the view ${JSON.stringify(fromView)}`,
    );
  }
  const listed = gaps.items
    .filter((g) => g.caseId === answer.caseId)
    .map((g) => `${g.needId}@${g.sincePosition}`)
    .sort();
  const expected = snapshot.gaps.map((g) => `${g.needId}@${g.since.position}`).sort();
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    problems.push(`GET /gaps lists ${JSON.stringify(listed)}, the view ${JSON.stringify(expected)}`);
  }
  if (problems.length > 0) throw new Error(`Read models disagree: ${problems.join('; ')}`);
  return detail;
}
