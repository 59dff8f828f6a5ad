import { createDeadline } from '../../deadlines';
import type { RecordStatutoryApplication, RecordStatutoryDecision } from '../commands/statutory';
import { refuse } from '../errors';
import type { CaseEvent } from '../events';
import { STATUTORY_APPLICATION_KINDS, STATUTORY_OUTCOMES } from '../events/statutory';
import { STATUTORY_DEADLINE_KIND } from '../evolve/deadlines';
import type { CaseState } from '../state';
import { toDutchDate } from '../time';
import { requireDate, requireId, requireOneOf } from '../validation';
import { underDeadlineRules } from './deadline-rules';
import {
  requireAtTable,
  requireNewId,
  requireNotClosed,
  requireOpenNeed,
  requireOrganisation,
} from './guards';
import { own } from '../own';

export function recordStatutoryApplication(
  command: RecordStatutoryApplication,
  state: CaseState,
): CaseEvent[] {
  requireAtTable(state);
  const d = command.data;
  const applicationId = requireId(d.applicationId, 'The application id');
  requireNewId(own(state.applications, applicationId) !== undefined, applicationId, 'application');
  const kind = requireOneOf(d.kind, STATUTORY_APPLICATION_KINDS, 'The kind of application');
  const needId = d.needId === undefined ? null : requireOpenNeed(state, d.needId).needId;
  const decider = requireOrganisation(d.decider, 'deciding organisation');
  const expectedKind = kind === 'ciz-aanvraag' ? 'CIZ' : 'gemeente';
  if (decider.kind !== expectedKind) refuse('invalid-value', `A ${kind} is decided by the ${expectedKind}.`);
  const urgent = d.urgent ?? false;
  if (urgent && kind !== 'ciz-aanvraag') {
    refuse('invalid-value', 'Only a CIZ aanvraag has a shorter term in bijzondere omstandigheden.');
  }
  const submittedOn = requireDate(d.submittedOn, 'The date of the melding or aanvraag');
  if (submittedOn > toDutchDate(command.metadata.now))
    refuse('invalid-date', 'The submission date lies in the future.');
  const deadlineKind = STATUTORY_DEADLINE_KIND[kind];
  const base = {
    key: applicationId,
    startedAt: submittedOn,
    responsibleOrganisationIds: [decider.organisationId],
  };
  const term = underDeadlineRules(() =>
    deadlineKind === 'ciz-decision'
      ? createDeadline({ ...base, kind: deadlineKind, urgent })
      : createDeadline({ ...base, kind: deadlineKind }),
  );
  return [
    {
      type: 'casus.StatutoryApplicationSubmitted.v1',
      data: {
        caseId: state.caseId!,
        applicationId,
        kind,
        needId,
        deciderOrganisationId: decider.organisationId,
        submittedOn,
        urgent,
        decisionDueOn: term.originalDueAt,
        occurredAt: command.metadata.now,
      },
    },
  ];
}

export function recordStatutoryDecision(command: RecordStatutoryDecision, state: CaseState): CaseEvent[] {
  requireNotClosed(state);
  const d = command.data;
  const application = own(state.applications, d.applicationId);
  if (!application) refuse('application-not-found', `The case has no application ${d.applicationId}.`);
  if (application.decided)
    refuse('application-already-decided', `Application ${d.applicationId} is already decided.`);
  return [
    {
      type: 'casus.StatutoryDecisionRecorded.v1',
      data: {
        caseId: state.caseId!,
        applicationId: d.applicationId,
        outcome: requireOneOf(d.outcome, STATUTORY_OUTCOMES, 'The outcome'),
        decidedOn: requireDate(d.decidedOn, 'The decision date'),
        occurredAt: command.metadata.now,
      },
    },
  ];
}
