/**
 * Typed constructors per kind, for the case decider. Each is a thin call of `createDeadline`; ids follow
 * `${kind}:${the id of what the deadline is about}`.
 */

import { createDeadline } from './create-deadline';
import type { Deadline } from './deadline-model';
import { DEFAULT_SERVICE_LEVELS } from './service-levels';
import type { ServiceLevels } from './service-levels';

/** Servicenorm: the case is discussed at the table within N working days of its aanmelding. Id uses the case id. */
export function discussionAfterRegistrationDeadline(
  caseId: string,
  registeredAt: string,
  responsibleOrganisationIds: readonly string[],
  levels: ServiceLevels = DEFAULT_SERVICE_LEVELS,
): Deadline {
  return createDeadline({
    kind: 'discussion-after-registration',
    key: caseId,
    startedAt: registeredAt,
    responsibleOrganisationIds,
    levels,
  });
}

/** Servicenorm: the financier's liaison answers a responsibility request within N working days. */
export function liaisonAnswerDeadline(
  requestId: string,
  requestedAt: string,
  financierOrgId: string,
  levels: ServiceLevels = DEFAULT_SERVICE_LEVELS,
  needId?: string,
): Deadline {
  return createDeadline({
    kind: 'liaison-answer',
    startedAt: requestedAt,
    ref: { requestId, needId },
    responsibleOrganisationIds: [financierOrgId],
    levels,
  });
}

/** Servicenorm: the decision owner decides an escalation within N working days. */
export function escalationDecisionDeadline(
  escalationId: string,
  escalatedAt: string,
  decisionOwnerOrgIds: readonly string[],
  levels: ServiceLevels = DEFAULT_SERVICE_LEVELS,
): Deadline {
  return createDeadline({
    kind: 'escalation-decision',
    startedAt: escalatedAt,
    ref: { escalationId },
    responsibleOrganisationIds: decisionOwnerOrgIds,
    levels,
  });
}

/** Wettelijk: CIZ decides within 6 weeks, or 2 weeks in bijzondere omstandigheden (`urgent`). */
export function cizDecisionDeadline(
  needId: string,
  aangevraagdAt: string,
  cizOrgId: string,
  urgent = false,
): Deadline {
  return createDeadline({
    kind: 'ciz-decision',
    startedAt: aangevraagdAt,
    ref: { needId },
    responsibleOrganisationIds: [cizOrgId],
    urgent,
  });
}

/** Wettelijk: the gemeente completes the Wmo onderzoek within 6 weeks of the melding. */
export function wmoResearchDeadline(needId: string, gemeldAt: string, gemeenteOrgId: string): Deadline {
  return createDeadline({
    kind: 'wmo-research',
    startedAt: gemeldAt,
    ref: { needId },
    responsibleOrganisationIds: [gemeenteOrgId],
  });
}

/** Wettelijk: the gemeente gives the Wmo beschikking within 2 weeks of the aanvraag. */
export function wmoDecisionDeadline(needId: string, aangevraagdAt: string, gemeenteOrgId: string): Deadline {
  return createDeadline({
    kind: 'wmo-decision',
    startedAt: aangevraagdAt,
    ref: { needId },
    responsibleOrganisationIds: [gemeenteOrgId],
  });
}

/** Afspraak: an action agreed at the table, due on the agreed date. */
export function actionDueDeadline(
  actionId: string,
  agreedAt: string,
  dueAt: string,
  ownerOrgId: string,
): Deadline {
  return createDeadline({
    kind: 'action-due',
    startedAt: agreedAt,
    dueAt,
    ref: { actionId },
    responsibleOrganisationIds: [ownerOrgId],
  });
}

/** Afspraak: the due date set when escalating. */
export function escalationDueDeadline(
  escalationId: string,
  escalatedAt: string,
  dueAt: string,
  decisionOwnerOrgIds: readonly string[],
): Deadline {
  return createDeadline({
    kind: 'escalation-due',
    startedAt: escalatedAt,
    dueAt,
    ref: { escalationId },
    responsibleOrganisationIds: decisionOwnerOrgIds,
  });
}
