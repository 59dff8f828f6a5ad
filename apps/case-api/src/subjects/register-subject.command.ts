import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RegisterSubjectDto } from '@casusregie/contracts';
import { toDutchDate } from '@casusregie/domain';
import { EVENT_STORE_PORT, type EventStore } from '@casusregie/event-store';
import {
  encryptField,
  parseBsn,
  PERSONAL_FIELDS,
  type PersonalField,
  SubjectErasedError,
  type SubjectKey,
  SubjectKeyExistsError,
  type SubjectKeyStore,
} from '@casusregie/security';
import type { RequestPrincipal } from '../auth/request-principal';
import type { CommandContext } from '../commands/command-context';
import { deterministicEventId } from '../commands/deterministic-event-id';
import { CLOCK, type Clock } from '../platform/clock';
import { SUBJECT_KEY_STORE, SubjectIdDeriver } from './subject-keys';
import { invalidField, subjectErased, subjectIdempotencyKeyReused } from './subject-problems';
import { SubjectRecords, subjectEventMetadata } from './subject-records';
import {
  type EncryptedFields,
  SUBJECT_REGISTERED,
  type SubjectRegisteredData,
  subjectStreamId,
} from './subject-streams';

export interface SubjectRegistered {
  readonly subjectId: string;
}

export class RegisterSubjectCommand extends Command<SubjectRegistered> {
  constructor(
    readonly input: RegisterSubjectDto,
    readonly principal: RequestPrincipal,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Registers a client: a new subject key in the key store, each field encrypted under it, and one
 * `subject.SubjectRegistered.v1` with only ciphertext and ids on `subject-<id>`.
 *
 * Idempotency-Key: the subject id is derived from the caller and the key (see SubjectIdDeriver) and the event
 * id from the subject id, so a retry finds the same key in the key store and its append is a no-op in the
 * event store, even after a crash between creating the key and appending. The same key with other data is
 * 422 and stores nothing; that is checked by decrypting what was stored, so no hash of the personal data is
 * kept anywhere.
 */
@CommandHandler(RegisterSubjectCommand)
export class RegisterSubjectHandler implements ICommandHandler<RegisterSubjectCommand> {
  constructor(
    @Inject(EVENT_STORE_PORT) private readonly store: EventStore,
    @Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly ids: SubjectIdDeriver,
    private readonly records: SubjectRecords,
  ) {}

  async execute({ input, principal, context }: RegisterSubjectCommand): Promise<SubjectRegistered> {
    const now = this.clock.now().toISOString();
    if (input.birthDate > toDutchDate(now)) {
      throw invalidField('birthDate', ['birthDate must not be in the future']);
    }
    const plaintext: Record<PersonalField, string> = {
      name: input.name,
      bsn: parseBsn(input.bsn), // always the 9-digit form
      birthDate: input.birthDate,
    };
    const idempotencyKey = context.idempotency?.key;
    const subjectId =
      idempotencyKey === undefined
        ? randomUUID()
        : this.ids.derive(`${principal.org}:${principal.sub}`, idempotencyKey);

    const key = await this.keyFor(subjectId, idempotencyKey !== undefined);
    const encrypted = Object.fromEntries(
      PERSONAL_FIELDS.map((field) => [field, encryptField(key, plaintext[field], { subjectId, field })]),
    ) as EncryptedFields;
    const data: SubjectRegisteredData = {
      subjectId,
      encrypted,
      registeredBy: { organisationId: principal.org, tableIds: [...principal.tables] },
      occurredAt: now,
    };
    await this.store.append(
      subjectStreamId(subjectId),
      [
        {
          eventId: deterministicEventId('casusregie/subject-registered', subjectId, 0),
          type: SUBJECT_REGISTERED,
          data,
          metadata: subjectEventMetadata(context, now),
        },
      ],
      'no_stream',
    );
    if (idempotencyKey !== undefined) await this.assertStoredAsGiven(subjectId, plaintext);
    return { subjectId };
  }

  /** A new key; on a retry of the same Idempotency-Key, the key the first attempt created. */
  private async keyFor(subjectId: string, retryable: boolean): Promise<SubjectKey> {
    try {
      return await this.keys.createKey(subjectId);
    } catch (error) {
      if (error instanceof SubjectErasedError) throw subjectErased();
      if (error instanceof SubjectKeyExistsError && retryable) return this.keys.getKey(subjectId);
      throw error;
    }
  }

  /** After an idempotent append: the registration stored under this key must be this request's data. */
  private async assertStoredAsGiven(
    subjectId: string,
    plaintext: Record<PersonalField, string>,
  ): Promise<void> {
    const record = await this.records.load(subjectId);
    if (!record) throw new Error(`Subject stream of ${subjectId} is missing right after its append`);
    let stored: Record<PersonalField, string>;
    try {
      stored = await this.records.decrypt(record, PERSONAL_FIELDS);
    } catch (error) {
      if (error instanceof SubjectErasedError) throw subjectErased();
      throw error;
    }
    if (PERSONAL_FIELDS.some((field) => stored[field] !== plaintext[field])) {
      throw subjectIdempotencyKeyReused();
    }
  }
}
