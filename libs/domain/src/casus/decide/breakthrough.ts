import type { DecideBreakthrough, SettleProvisionalFinancing } from '../commands/escalation';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { BreakthroughAssignment } from '../events/escalation';
import { isActive } from '../holding';
import type { CaseState } from '../state';
import { optionalText, requireDate, requireId, requireText } from '../validation';
import {
  joinAllIfNew,
  joinIfNew,
  requireAtTable,
  requireFinancierFits,
  requireLawDomain,
  requireNewId,
  requireOpenEscalation,
  requireOpenNeed,
  requireOrganisation,
  requireResponsibility,
} from './guards';
import { requireJeugdwetGrounds } from './proposal';

export function decideBreakthrough(command: DecideBreakthrough, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  const escalation = requireOpenEscalation(state, d.escalationId);
  if (command.metadata.organisationId !== escalation.decisionOwner.organisationId) {
    refuse(
      'not-the-decision-owner',
      `Only the decision owner (${escalation.decisionOwner.functionTitle}, ${escalation.decisionOwner.organisationId}) ` +
        'can take the doorbraakbesluit.',
    );
  }
  const decisionId = requireId(d.decisionId, 'The decision id');
  requireNewId(state.decisionIds.includes(decisionId), decisionId, 'decision');
  const inputs = d.assignments ?? [];
  if (inputs.length === 0) refuse('assignments-required', 'A doorbraakbesluit assigns at least one need.');
  const needIds = inputs.map((a) => a.needId);
  const seen = new Set<string>();
  for (const id of needIds) {
    if (seen.has(id)) refuse('duplicate-need-in-decision', `The decision assigns need ${id} twice.`);
    seen.add(id);
  }
  const financiers = inputs.map((a) => requireOrganisation(a.financier, 'financier'));
  const assignments: BreakthroughAssignment[] = inputs.map((a, i) => {
    const need = requireOpenNeed(state, a.needId);
    const lawDomain = requireLawDomain(a.lawDomain, 'The law domain');
    const financier = financiers[i];
    requireFinancierFits(lawDomain, financier);
    requireJeugdwetGrounds(state, need, lawDomain, false);
    const provisional = state.responsibilities.find(
      (r) => r.needId === need.needId && r.status === 'provisional',
    );
    if (provisional) {
      refuse(
        'unsettled-provisional-financing',
        `Need ${need.needId} is financed provisionally (${provisional.responsibilityId}); settle that first.`,
      );
    }
    if (typeof a.provisional !== 'boolean')
      refuse('invalid-value', 'Say whether each assignment is provisional.');
    if (a.provisional && (typeof a.settlementAgreement !== 'string' || a.settlementAgreement.trim() === '')) {
      refuse(
        'settlement-agreement-required',
        'A provisional financier needs a settlement agreement (verrekenafspraak): who pays in the end, and how.',
      );
    }
    const settlementAgreement = optionalText(a.settlementAgreement, 'The settlement agreement');
    const responsibilityId = requireId(`${decisionId}:${need.needId}`, 'The decided responsibility id');
    requireNewId(
      state.responsibilities.some((r) => r.responsibilityId === responsibilityId),
      responsibilityId,
      'responsibility',
    );
    return {
      needId: need.needId,
      responsibilityId,
      lawDomain,
      financierOrganisationId: financier.organisationId,
      financierKind: financier.kind,
      provisional: a.provisional,
      settlementAgreement,
      deliveredByOrganisationId:
        a.deliveredByOrganisationId === undefined
          ? null
          : requireId(a.deliveredByOrganisationId, 'The provider'),
      supersededResponsibilityIds: state.responsibilities
        .filter((r) => r.needId === need.needId && r.takesEffect === 'immediately' && isActive(r))
        .map((r) => r.responsibilityId),
    };
  });
  const evaluationDate = requireDate(d.evaluationDate, 'The evaluation date');
  const validUntil =
    d.validUntil === undefined ? null : requireDate(d.validUntil, 'The end date of the decision');
  return [
    ...joinAllIfNew(state, financiers, 'financier', at),
    {
      type: 'casus.BreakthroughDecided.v1',
      data: {
        caseId: state.caseId!,
        escalationId: escalation.escalationId,
        decisionId,
        level: escalation.level,
        decidedByOrganisationId: command.metadata.organisationId,
        summary: requireText(d.summary, 'The summary of the decision'),
        evaluationDate,
        validUntil,
        assignments,
        occurredAt: at,
      },
    },
  ];
}

/** Verrekening: the provisional financier is confirmed, or the definitive financier takes over. */
export function settleProvisionalFinancing(
  command: SettleProvisionalFinancing,
  state: CaseState,
): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  const r = requireResponsibility(state, d.responsibilityId);
  if (r.status !== 'provisional') {
    refuse('not-provisional', `The responsibility ${r.responsibilityId} is ${r.status}, not provisional.`);
  }
  const need = requireOpenNeed(state, r.needId);
  const lawDomain = requireLawDomain(d.definitive?.lawDomain, 'The definitive law domain');
  const financier = requireOrganisation(d.definitive?.financier, 'definitive financier');
  requireFinancierFits(lawDomain, financier);
  requireJeugdwetGrounds(state, need, lawDomain, false);
  const confirmed = financier.organisationId === r.financierOrganisationId && lawDomain === r.lawDomain;
  const definitiveResponsibilityId = confirmed
    ? r.responsibilityId
    : requireId(`${r.responsibilityId}:settled`, 'The definitive responsibility id');
  if (!confirmed) {
    requireNewId(
      state.responsibilities.some((x) => x.responsibilityId === definitiveResponsibilityId),
      definitiveResponsibilityId,
      'responsibility',
    );
  }
  return [
    ...(confirmed ? [] : joinIfNew(state, financier, 'financier', at)),
    {
      type: 'casus.ProvisionalFinancingSettled.v1',
      data: {
        caseId: state.caseId!,
        needId: r.needId,
        provisionalResponsibilityId: r.responsibilityId,
        definitiveResponsibilityId,
        outcome: confirmed ? 'confirmed' : 'transferred',
        lawDomain,
        financierOrganisationId: financier.organisationId,
        financierKind: financier.kind,
        note: requireText(d.note, 'The settlement note'),
        occurredAt: at,
      },
    },
  ];
}
