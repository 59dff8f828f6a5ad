import { isIdentifier, MAX_IDENTIFIER_LENGTH } from '../identifiers';
import { open, seal } from './aes-gcm-envelope';
import { FieldDecryptionError, FieldEncryptionError } from './personal-data-errors';
import type { SubjectKey } from './subject-key-store.port';

/** What a ciphertext is bound to: it opens only for this subject and this field. */
export interface FieldContext {
  readonly subjectId: string;
  /** The field's name, e.g. 'name', 'bsn', 'birthDate'. */
  readonly field: string;
}

/** Longest plaintext accepted, in UTF-16 code units; personal fields are short. */
export const MAX_FIELD_PLAINTEXT_LENGTH = 64 * 1024;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

/**
 * Encrypts one personal field with AES-256-GCM under the subject's key: a fresh 12-byte IV, the subject id and
 * field name as additional authenticated data, output `v1.<iv>.<ciphertext>.<tag>` (base64url).
 */
export function encryptField(subjectKey: SubjectKey, plaintext: string, context: FieldContext): string {
  if (typeof plaintext !== 'string' || plaintext.length > MAX_FIELD_PLAINTEXT_LENGTH) {
    throw new FieldEncryptionError(
      `A field value must be a string of at most ${MAX_FIELD_PLAINTEXT_LENGTH} characters`,
    );
  }
  // A lone surrogate would not survive UTF-8 and come back as U+FFFD.
  if (/\p{Surrogate}/u.test(plaintext))
    throw new FieldEncryptionError('A field value must be well-formed Unicode');
  const aad = additionalData(subjectKey, context, (message) => new FieldEncryptionError(message));
  return seal(subjectKey.key, Buffer.from(plaintext, 'utf8'), aad);
}

/** Decrypts what encryptField produced for the same subject key and context; throws FieldDecryptionError. */
export function decryptField(subjectKey: SubjectKey, encrypted: string, context: FieldContext): string {
  const aad = additionalData(
    subjectKey,
    context,
    (message) => new FieldDecryptionError('integrity', message),
  );
  const result = open(subjectKey.key, encrypted, aad);
  if (!result.ok) {
    throw result.reason === 'malformed'
      ? new FieldDecryptionError(
          'malformed',
          'The encrypted field is not in the v1.<iv>.<ciphertext>.<tag> form',
        )
      : new FieldDecryptionError(
          'integrity',
          `The encrypted field "${context.field}" does not open with this subject's key: altered, or of another subject or field`,
        );
  }
  return result.plaintext.toString('utf8');
}

function additionalData(
  subjectKey: SubjectKey,
  context: FieldContext,
  fail: (message: string) => Error,
): Buffer {
  if (!isIdentifier(context.subjectId)) {
    throw fail(`The subject id must be an opaque identifier of at most ${MAX_IDENTIFIER_LENGTH} characters`);
  }
  if (typeof context.field !== 'string' || !FIELD_NAME.test(context.field)) {
    throw fail('The field name must be letters, digits, _ or . (at most 64, starting with a letter)');
  }
  if (subjectKey.subjectId !== context.subjectId)
    throw fail('The key belongs to another subject than the field');
  // Both parts are validated to contain no NUL, so the encoding is unambiguous.
  return Buffer.from(`casusregie/field/v1\0${context.subjectId}\0${context.field}`, 'utf8');
}
