import { escalationDecisionDeadline } from '../../deadlines';
import { ESCALATION_LEVELS, ESCALATION_REASONS } from '../../vocabulary';
import type { EscalationLevel } from '../../vocabulary';
import type {
  DecideBreakthrough,
  DeescalateCase,
  EscalateCase,
  RecordAdvice,
  SettleProvisionalFinancing,
} from '../commands/escalation';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { BreakthroughAssignment } from '../events/escalation';
import { isActive } from '../holding';
import type { CaseState } from '../state';
import { toDutchDate } from '../time';
import { optionalText, requireDate, requireId, requireOneOf, requireText } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import {
  joinAllIfNew,
  joinIfNew,
  requireAtTable,
  requireFinancierFits,
  requireFunctionaris,
  requireLawDomain,
  requireNewId,
  requireOpenEscalation,
  requireOpenNeed,
  requireOrganisation,
  requireResponsibility,
  requireUnique,
} from './guards';
import { requireJeugdwetGrounds } from './proposal';

/** The ladder is climbed one level at a time: opschaaltafel, bestuurlijk overleg, Landelijk Maatwerkloket. */
function requireNextLevel(state: CaseState, level: EscalationLevel): string | null {
  const open = state.openEscalationId ? state.escalations[state.openEscalationId] : null;
  const current = open ? ESCALATION_LEVELS.indexOf(open.level) : -1;
  if (open && current === ESCALATION_LEVELS.length - 1) {
    refuse('highest-level-reached', 'The case is already at the Landelijk Maatwerkloket, the last level.');
  }
  const expected = ESCALATION_LEVELS[current + 1];
  if (level !== expected) {
    if (open && ESCALATION_LEVELS.indexOf(level) <= current) {
      refuse(
        'escalation-already-open',
        `The case is already escalated to ${open.level} (${open.escalationId}).`,
      );
    }
    refuse('escalation-level-skipped', `Escalate to ${expected} first; the ladder skips no level.`);
  }
  return open ? open.escalationId : null;
}

export function escalateCase(command: EscalateCase, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const at = command.metadata.now;
  if (!Object.values(state.sessions).some((s) => s.discussed)) {
    refuse('not-discussed-at-table', 'A case is escalated only after the maatwerktafel discussed it.');
  }
  const escalationId = requireId(d.escalationId, 'The escalation id');
  requireNewId(state.escalations[escalationId] !== undefined, escalationId, 'escalation');
  const level = requireOneOf(d.level, ESCALATION_LEVELS, 'The escalation level');
  const reason = requireOneOf(d.reason, ESCALATION_REASONS, 'The escalation reason');
  const question = requireText(d.question, 'The question to the escalation level');
  if (!d.decisionOwner) {
    refuse(
      'decision-owner-required',
      'An escalation needs a decision owner: without one it ends in advice only.',
    );
  }
  if (!d.mandateHolder)
    refuse('mandate-holder-required', 'An escalation needs a mandate holder (doorzettingsmacht).');
  const decisionOwner = requireFunctionaris(d.decisionOwner, 'decision owner');
  const mandateHolder = requireFunctionaris(d.mandateHolder, 'mandate holder');
  const raisedFromEscalationId = requireNextLevel(state, level);
  const inherited = raisedFromEscalationId ? state.escalations[raisedFromEscalationId].needIds : [];
  const needIds = d.needIds ?? inherited;
  requireUnique(needIds, 'need');
  needIds.forEach((id) => requireOpenNeed(state, id));
  if (reason === 'dispute-between-financiers' && needIds.length === 0) {
    refuse('dispute-needs-required', 'Name the needs the financiers dispute.');
  }
  const agreedDueDate = d.dueDate === undefined ? null : requireDate(d.dueDate, 'The due date');
  if (agreedDueDate !== null && agreedDueDate < toDutchDate(at)) {
    refuse('due-date-in-past', `The due date ${agreedDueDate} has already passed.`);
  }
  const decision = underDeadlineRules(() =>
    escalationDecisionDeadline(
      escalationId,
      at,
      [decisionOwner.organisationId],
      state.serviceLevels ?? undefined,
    ),
  );
  const disputedResponsibilityIds =
    reason === 'dispute-between-financiers'
      ? state.responsibilities
          .filter(
            (r) =>
              needIds.includes(r.needId) &&
              r.takesEffect === 'immediately' &&
              (r.status === 'proposed' || r.status === 'requested' || r.status === 'rejected'),
          )
          .map((r) => r.responsibilityId)
      : [];
  return [
    {
      type: 'casus.CaseEscalated.v1',
      data: {
        caseId: state.caseId!,
        escalationId,
        level,
        reason,
        question,
        mandateHolder,
        decisionOwner,
        decisionDueOn: decision.originalDueAt,
        agreedDueDate,
        needIds,
        disputedResponsibilityIds,
        raisedFromEscalationId,
        occurredAt: at,
      },
    },
  ];
}

export function deescalateCase(command: DeescalateCase, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const escalation = requireOpenEscalation(state, command.data.escalationId);
  return [
    {
      type: 'casus.CaseDeescalated.v1',
      data: {
        caseId: state.caseId!,
        escalationId: escalation.escalationId,
        level: escalation.level,
        reason: requireText(command.data.reason, 'The reason to de-escalate'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

/** Advice is recorded, but decides nothing: the escalation stays open until its decision owner decides. */
export function recordAdvice(command: RecordAdvice, state: CaseState): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const escalation = requireOpenEscalation(state, d.escalationId);
  const adviceId = requireId(d.adviceId, 'The advice id');
  requireNewId(state.adviceIds.includes(adviceId), adviceId, 'advice');
  return [
    {
      type: 'casus.AdviceRecorded.v1',
      data: {
        caseId: state.caseId!,
        escalationId: escalation.escalationId,
        adviceId,
        advisorOrganisationId: requireId(d.advisorOrganisationId, 'The advising organisation'),
        advice: requireText(d.advice, 'The advice'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}

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
