import type { PersonalDataAccess, PersonalField } from '@casusregie/security';
import type { StoredEvent } from '@casusregie/event-store';

/**
 * The streams and events of the client (subject). Stream names carry the opaque subject id only.
 *
 * `subject-<subjectId>`:
 * - `subject.SubjectRegistered.v1`: the personal fields as ciphertext (AES-256-GCM under the subject's own key,
 *   a fresh IV per field, bound to subject id and field name) and who registered the subject. Never plaintext.
 * - `subject.SubjectLinkedToCase.v1`: a case was registered for the subject, at a table. The tables of these
 *   links are the tables whose coordinators may read the personal data (a case never changes table).
 *
 * `accesslog-<subjectId>`:
 * - `subject.PersonalDataRead.v1`: one read of personal data (who, which subject, when, why, which fields).
 *   Kept in its own stream so that reads do not bump the subject stream, and so that the log outlives erasure:
 *   it holds ids and the stated purpose only.
 */
export const SUBJECT_REGISTERED = 'subject.SubjectRegistered.v1';
export const SUBJECT_LINKED_TO_CASE = 'subject.SubjectLinkedToCase.v1';
export const PERSONAL_DATA_READ = 'subject.PersonalDataRead.v1';

export const SUBJECT_STREAM_PREFIX = 'subject-';
export const ACCESS_LOG_STREAM_PREFIX = 'accesslog-';

export function subjectStreamId(subjectId: string): string {
  return `${SUBJECT_STREAM_PREFIX}${subjectId}`;
}

export function accessLogStreamId(subjectId: string): string {
  return `${ACCESS_LOG_STREAM_PREFIX}${subjectId}`;
}

/** Each personal field as `v1.<iv>.<ciphertext>.<tag>` (base64url), from the security library's encryptField. */
export type EncryptedFields = Readonly<Record<PersonalField, string>>;

export interface SubjectRegisteredData {
  readonly subjectId: string;
  readonly encrypted: EncryptedFields;
  /** The registering coordinator's organisation and tables (ids only). */
  readonly registeredBy: { readonly organisationId: string; readonly tableIds: readonly string[] };
  readonly occurredAt: string;
}

export interface SubjectLinkedToCaseData {
  readonly subjectId: string;
  readonly caseId: string;
  readonly tableId: string;
  readonly occurredAt: string;
}

export type PersonalDataReadData = PersonalDataAccess;

export interface SubjectCaseLink {
  readonly caseId: string;
  readonly tableId: string;
}

/** The subject as its stream tells it: still encrypted. */
export interface SubjectRecord {
  readonly subjectId: string;
  readonly encrypted: EncryptedFields;
  readonly registeredBy: SubjectRegisteredData['registeredBy'];
  readonly cases: readonly SubjectCaseLink[];
  /** The number of events in the subject stream. */
  readonly version: number;
}

/** Folds a subject stream. An event type this code does not know stops the read: nothing is skipped silently. */
export function foldSubject(events: readonly StoredEvent[]): SubjectRecord | undefined {
  let record: SubjectRecord | undefined;
  for (const event of events) {
    switch (event.type) {
      case SUBJECT_REGISTERED: {
        const data = event.data as SubjectRegisteredData;
        record = {
          subjectId: data.subjectId,
          encrypted: data.encrypted,
          registeredBy: data.registeredBy,
          cases: [],
          version: 0,
        };
        break;
      }
      case SUBJECT_LINKED_TO_CASE: {
        if (!record) throw new Error(`${event.streamId} links a case before the subject was registered`);
        const data = event.data as SubjectLinkedToCaseData;
        if (!record.cases.some((link) => link.caseId === data.caseId)) {
          record = { ...record, cases: [...record.cases, { caseId: data.caseId, tableId: data.tableId }] };
        }
        break;
      }
      default:
        throw new Error(
          `${event.streamId} holds event type ${event.type} at version ${event.streamVersion}, which this ` +
            'version of the case API cannot read',
        );
    }
    record = { ...record, version: event.streamVersion + 1 };
  }
  return record;
}

/** The distinct tables of the subject's cases. */
export function tablesOfSubjectCases(record: SubjectRecord): string[] {
  return [...new Set(record.cases.map((link) => link.tableId))];
}
