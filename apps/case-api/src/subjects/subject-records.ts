import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE_PORT,
  type EventMetadataInput,
  type EventStore,
  StreamNotFoundError,
} from '@casusregie/event-store';
import {
  decryptField,
  type PersonalDataAccess,
  personalDataAccess,
  type PersonalField,
  type SubjectKeyStore,
} from '@casusregie/security';
import type { RequestPrincipal } from '../auth/request-principal';
import type { CommandActor } from '../commands/case-command-executor';
import { CLOCK, type Clock } from '../platform/clock';
import { SUBJECT_KEY_STORE } from './subject-keys';
import {
  accessLogStreamId,
  foldSubject,
  PERSONAL_DATA_READ,
  type SubjectRecord,
  subjectStreamId,
} from './subject-streams';

/** Who caused an event and in which request: the metadata of every subject and access-log event. */
export interface SubjectEventContext {
  readonly actor: CommandActor;
  readonly correlationId: string;
}

export function subjectEventMetadata(context: SubjectEventContext, occurredAt: string): EventMetadataInput {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.correlationId,
    occurredAt,
    schemaVersion: 1,
  };
}

export function actorOfPrincipal(principal: RequestPrincipal): CommandActor {
  return { userId: principal.sub, role: principal.role, organisationId: principal.org };
}

/** Reading subject streams, decrypting their fields and writing the access log. */
@Injectable()
export class SubjectRecords {
  constructor(
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The subject as stored (still encrypted), or undefined when no such subject was registered. */
  async load(subjectId: string): Promise<SubjectRecord | undefined> {
    try {
      return foldSubject(await this.store.readStream(subjectStreamId(subjectId)));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Decrypts the given fields with one key lookup. Throws SubjectErasedError when the key was destroyed: then
   * nothing decrypts, here or anywhere else.
   */
  async decrypt<F extends PersonalField>(
    record: SubjectRecord,
    fields: readonly F[],
  ): Promise<Record<F, string>> {
    const key = await this.keys.getKey(record.subjectId);
    const values = {} as Record<F, string>;
    for (const field of fields) {
      values[field] = decryptField(key, record.encrypted[field], { subjectId: record.subjectId, field });
    }
    return values;
  }

  /**
   * Appends one access-log entry (NEN 7513: who, whose data, when, why, which fields) to
   * `accesslog-<subjectId>`. Callers append it before any personal data leaves the process; when the append
   * fails, the request fails and shows nothing.
   */
  async recordAccess(
    principal: RequestPrincipal,
    read: { readonly subjectId: string; readonly purpose: string; readonly fields: readonly PersonalField[] },
    correlationId: string,
  ): Promise<PersonalDataAccess> {
    const entry = personalDataAccess(principal, read, this.clock.now());
    await this.store.append(
      accessLogStreamId(read.subjectId),
      [
        {
          eventId: randomUUID(),
          type: PERSONAL_DATA_READ,
          data: entry,
          metadata: subjectEventMetadata({ actor: actorOfPrincipal(principal), correlationId }, entry.at),
        },
      ],
      'any',
    );
    return entry;
  }
}
