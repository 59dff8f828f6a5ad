import { createHash } from 'node:crypto';

/**
 * What happened, from the recipient's point of view. A kind is stable within `casusregie.notification.v1`; new
 * kinds may be added (consumers ignore kinds they do not know), none is renamed or removed (docs/MESSAGES.md).
 */
export const NOTIFICATION_KINDS = [
  'responsibility-requested',
  'responsibility-rejected',
  'responsibility-referred',
  'case-referred-at-triage',
  'case-escalated',
  'escalation-decision-requested',
  'escalation-withdrawn',
  'breakthrough-decided',
  'responsibility-assigned',
  'provisional-financing-assigned',
  'delivery-assigned',
  'responsibility-superseded',
  'settlement-decided',
  'offer-requested',
  'offer-accepted',
  'offer-refused',
  'action-assigned',
  'statutory-application-submitted',
  'deadline-approaching',
  'deadline-missed',
  'transition-plan-due',
  'transition-route-due',
  'transition-birthday-gap',
  'transition-successor-answer-due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the recipient is asked to do, as a short machine code (`take-note` when nothing is asked). */
export const ASKED_ACTIONS = [
  'answer-responsibility-request',
  'propose-another-financier',
  'consider-referral',
  'take-note',
  'take-part-in-escalation',
  'decide-escalation',
  'evaluate-decision',
  'hold-responsibility',
  'finance-provisionally',
  'deliver-care',
  'take-over-responsibility',
  'settle-provisional-costs',
  'answer-offer-request',
  'start-placement',
  'request-another-offer',
  'complete-action',
  'discuss-case',
  'complete-wmo-research',
  'decide-wmo-application',
  'decide-ciz-application',
  'start-transition-plan',
  'decide-transition-routes',
  'submit-wmo-melding',
  'submit-ciz-aanvraag',
  'decide-verlengde-jeugdhulp',
  'meet-deadline',
  'follow-up-missed-deadline',
  'close-gap',
] as const;
export type AskedAction = (typeof ASKED_ACTIONS)[number];

/**
 * A notification for one organisation. Thin by design: ids, codes and a date, and nothing a person could be
 * recognised by (no name, BSN, birth date, diagnosis, summary, reason or other free text). The recipient reads the
 * case itself, under its own access rights, through `link`.
 */
export interface Notification {
  /** Deterministic: the same event, recipient and kind always give the same id (see `notificationIdOf`). */
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly caseId: string;
  /** The organisation id in casusregie: its reference-data code (GM0344, 3311, ZK-UTRECHT...). */
  readonly recipientOrganisationId: string;
  readonly asked: AskedAction;
  /** Dutch calendar date (`YYYY-MM-DD`) by whose end the answer or action is due; absent when nothing is due. */
  readonly dueDate?: string;
  /** The case in the console and the API: `/cases/<caseId>`. */
  readonly link: string;
  /** The case event the notification follows from. */
  readonly eventId: string;
  readonly correlationId: string;
}

/**
 * The notification id: sha256 of `eventId`, recipient organisation id and kind (joined by a line feed), laid out as
 * an RFC 9562 version-8 UUID (the first 122 bits of the hash, with the version and variant bits set). Deterministic,
 * so a redelivered event yields the same ids and the inbox and consumers can deduplicate on them.
 */
export function notificationIdOf(eventId: string, recipientOrganisationId: string, kind: string): string {
  const hex = createHash('sha256').update(`${eventId}\n${recipientOrganisationId}\n${kind}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** The path of a case in the console and the API. */
export function caseLink(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}
