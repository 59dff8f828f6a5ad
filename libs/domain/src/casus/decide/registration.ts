import {
  DeadlineError,
  assertValidServiceLevels,
  discussionAfterRegistrationDeadline,
  transitionMilestones,
} from '../../deadlines';
import type { ServiceLevels } from '../../deadlines';
import { CASE_TYPES, PARTY_ROLES, URGENCIES } from '../../vocabulary';
import type { AddParty, RegisterCase, TriageCase } from '../commands/registration';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import {
  SUMMARY_MAX_LENGTH,
  optionalText,
  requireDate,
  requireId,
  requireOneOf,
  requireText,
} from '../validation';
import { underDeadlineRules } from './deadline-rules';
import { requireNotClosed, requireOrganisation } from './guards';
import { own } from '../own';

export function registerCase(command: RegisterCase, state: CaseState): CaseEvent[] {
  if (state.status !== 'none') refuse('case-already-registered', 'This case has already been registered.');
  const d = command.data;
  const at = command.metadata.now;
  const caseId = requireId(d.caseId, 'The case id');
  const caseType = requireOneOf(d.caseType, CASE_TYPES, 'The case type');
  const regiehouder = requireOrganisation(d.regiehouder, 'regiehouder');
  let birthday18: string | null = null;
  if (caseType === 'transitie-18-min-18-plus') {
    if (d.birthday18 === undefined) {
      refuse(
        'birthday18-required',
        'A transition case needs the date the client turns 18 (for its deadlines).',
      );
    }
    birthday18 = requireDate(d.birthday18, 'The 18th birthday');
  } else if (d.birthday18 !== undefined) {
    refuse(
      'birthday18-only-for-transition-cases',
      'Only a transition case (18-/18+) holds the date of the 18th birthday; other cases hold no birth data.',
    );
  }
  const serviceLevels = requireServiceLevels(d.serviceLevels);
  const responsible = [regiehouder.organisationId];
  const discussion = underDeadlineRules(() =>
    discussionAfterRegistrationDeadline(caseId, at, responsible, serviceLevels),
  );
  const milestones = birthday18
    ? underDeadlineRules(() => transitionMilestones(birthday18, responsible, { startedAt: at }))
    : [];
  return [
    {
      type: 'casus.CaseRegistered.v1',
      data: {
        caseId,
        caseType,
        urgency: requireOneOf(d.urgency, URGENCIES, 'The urgency'),
        summary: requireText(d.summary, 'The summary', SUMMARY_MAX_LENGTH),
        subjectId: requireId(d.subjectId, 'The subject id'),
        tableId: requireId(d.tableId, 'The table id'),
        aanbrenger: requireOrganisation(d.aanbrenger, 'aanbrenger'),
        regiehouder,
        birthday18,
        serviceLevels,
        discussionDueOn: discussion.originalDueAt,
        milestones: milestones.map((m) => ({ deadlineId: m.id, kind: m.kind, dueOn: m.originalDueAt })),
        occurredAt: at,
      },
    },
  ];
}

function requireServiceLevels(levels: ServiceLevels | undefined): ServiceLevels {
  const message =
    "The table's service levels (working days to discussion, liaison answer, escalation decision)";
  if (!levels || typeof levels !== 'object') refuse('invalid-service-levels', `${message} are required.`);
  const copy: ServiceLevels = {
    discussionWorkingDays: levels.discussionWorkingDays,
    liaisonAnswerWorkingDays: levels.liaisonAnswerWorkingDays,
    escalationDecisionWorkingDays: levels.escalationDecisionWorkingDays,
  };
  try {
    assertValidServiceLevels(copy);
  } catch (error) {
    if (error instanceof DeadlineError) refuse('invalid-service-levels', error.message, error.code);
    throw error;
  }
  return copy;
}

export function triageCase(command: TriageCase, state: CaseState): CaseEvent[] {
  requireNotClosed(state);
  if (state.status !== 'registered')
    refuse('case-already-triaged', 'Triage of this case has already been done.');
  const d = command.data;
  const at = command.metadata.now;
  const caseId = state.caseId!;
  if (d.outcome === 'accept-for-table') {
    return [
      {
        type: 'casus.CaseAcceptedAtTriage.v1',
        data: {
          caseId,
          tableId: state.tableId!,
          note: optionalText(d.note, 'The triage note'),
          occurredAt: at,
        },
      },
    ];
  }
  if (d.outcome !== 'refer-elsewhere') {
    refuse('invalid-value', "The triage outcome must be 'accept-for-table' or 'refer-elsewhere'.");
  }
  return [
    {
      type: 'casus.CaseReferredAtTriage.v1',
      data: {
        caseId,
        reason: requireText(d.reason, 'The reason for referring the case elsewhere'),
        referredTo: optionalText(d.referredTo, 'Where the case is referred to', 200),
        occurredAt: at,
      },
    },
  ];
}

export function addParty(command: AddParty, state: CaseState): CaseEvent[] {
  requireNotClosed(state);
  const party = requireOrganisation(command.data.party, 'party');
  const role = requireOneOf(command.data.role, PARTY_ROLES, 'The role');
  if (own(state.parties, party.organisationId)?.roles.includes(role)) {
    refuse('party-already-in-role', `${party.organisationId} is already ${role} in this case.`);
  }
  return [
    {
      type: 'casus.PartyJoined.v1',
      data: { caseId: state.caseId!, party, role, occurredAt: command.metadata.now },
    },
  ];
}
