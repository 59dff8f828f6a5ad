import { Inject, Injectable } from '@nestjs/common';
import { dateOfTurning18 } from '@casusregie/domain';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import { SubjectErasedError } from '@casusregie/security';
import type { RequestPrincipal } from '../auth/request-principal';
import { deterministicEventId } from '../commands/deterministic-event-id';
import { CLOCK, type Clock } from '../platform/clock';
import { subjectErasedForCase, unknownSubject } from './subject-problems';
import { type SubjectEventContext, SubjectRecords, subjectEventMetadata } from './subject-records';
import {
  SUBJECT_LINKED_TO_CASE,
  type SubjectLinkedToCaseData,
  type SubjectRecord,
  subjectStreamId,
} from './subject-streams';

/** The purpose written to the access log when case registration decrypts a birth date. */
export const DERIVE_BIRTHDAY_PURPOSE = 'derive the 18th birthday when registering a transition case';

/**
 * What case registration needs from subjects: that the subject was registered, the 18th birthday of a transition
 * case's client, and the link from the subject to the case (which is what gives the case's table access to the
 * personal data).
 *
 * Any coordinator may register a case for a subject registered by another organisation or table: one client
 * can have cases at several tables (e.g. after moving to another region), and the subject's key is per person,
 * not per case. The subject id is a random (or secretly derived) UUID that one only knows when told, and each
 * link records who made it, so the audit can show how a table came to read a client's data.
 */
@Injectable()
export class SubjectCaseLinks {
  constructor(
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly records: SubjectRecords,
  ) {}

  /**
   * The subject a case is registered for, still encrypted: 422 unknown-subject when the id was never registered
   * (POST /subjects), whatever the case type. The answer names the field only; it says nothing about subjects.
   */
  async requireSubject(subjectId: string): Promise<SubjectRecord> {
    const record = await this.records.load(subjectId);
    if (!record) throw unknownSubject();
    return record;
  }

  /**
   * The date the client turns 18, from the decrypted birth date. The decryption is written to the access log
   * (the birthday goes into the case, where everyone who may see the case can read it). 422 for an erased subject.
   */
  async birthday18(
    subject: SubjectRecord,
    principal: RequestPrincipal,
    correlationId: string,
  ): Promise<string> {
    let birthDate: string;
    try {
      ({ birthDate } = await this.records.decrypt(subject, ['birthDate']));
    } catch (error) {
      if (error instanceof SubjectErasedError) throw subjectErasedForCase();
      throw error;
    }
    await this.records.recordAccess(
      principal,
      { subjectId: subject.subjectId, purpose: DERIVE_BIRTHDAY_PURPOSE, fields: ['birthDate'] },
      correlationId,
    );
    return dateOfTurning18(birthDate);
  }

  /**
   * Appends `subject.SubjectLinkedToCase.v1` to the subject stream (which requireSubject found), after the case
   * was registered. The event id is derived from subject and case, so appending it again (a retried
   * registration) stores nothing: a retry with the same Idempotency-Key repairs a crash between the case append
   * and this one.
   */
  async linkCase(
    subjectId: string,
    link: { readonly caseId: string; readonly tableId: string },
    context: SubjectEventContext,
  ): Promise<void> {
    const occurredAt = this.clock.now().toISOString();
    const data: SubjectLinkedToCaseData = {
      subjectId,
      caseId: link.caseId,
      tableId: link.tableId,
      occurredAt,
    };
    await this.store.append(
      subjectStreamId(subjectId),
      [
        {
          eventId: deterministicEventId('casusregie/subject-case-link', `${subjectId}:${link.caseId}`, 0),
          type: SUBJECT_LINKED_TO_CASE,
          data,
          metadata: subjectEventMetadata(context, occurredAt),
        },
      ],
      'stream_exists',
    );
  }
}
