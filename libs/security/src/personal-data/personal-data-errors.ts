import { SecurityError } from '../security-error';

/** The subject was erased: their key is destroyed and their fields can never be read again. */
export class SubjectErasedError extends SecurityError {
  readonly code = 'personal-data.subject-erased';
  constructor(readonly subjectId: string) {
    super(`The personal data of subject ${subjectId} was erased`);
    this.name = 'SubjectErasedError';
  }
}

export class SubjectKeyNotFoundError extends SecurityError {
  readonly code = 'personal-data.subject-key-not-found';
  constructor(readonly subjectId: string) {
    super(`There is no key for subject ${subjectId}`);
    this.name = 'SubjectKeyNotFoundError';
  }
}

export class SubjectKeyExistsError extends SecurityError {
  readonly code = 'personal-data.subject-key-exists';
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} already has a key`);
    this.name = 'SubjectKeyExistsError';
  }
}

/** A subject id that is not an opaque identifier (letters, digits, ._:- and at most 128 characters). */
export class InvalidSubjectIdError extends SecurityError {
  readonly code = 'personal-data.subject-id-invalid';
  constructor() {
    super('A subject id must be an opaque identifier: letters, digits and ._:-, at most 128 characters');
    this.name = 'InvalidSubjectIdError';
  }
}

/** An encrypted field could not be decrypted: not in the v1 form, or altered, or meant for another subject/field. */
export class FieldDecryptionError extends SecurityError {
  readonly code = 'personal-data.field-unreadable';
  constructor(
    readonly reason: 'malformed' | 'integrity',
    message: string,
  ) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

/** The master key is unusable: badly configured, or not the key the key store was written with. */
export class MasterKeyError extends SecurityError {
  readonly code = 'personal-data.master-key-invalid';
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

export class InvalidBsnError extends SecurityError {
  readonly code = 'personal-data.bsn-invalid';
  constructor() {
    super('A BSN must be 9 digits (or 8 without the leading zero) that pass the elfproef');
    this.name = 'InvalidBsnError';
  }
}

/** Encryption was asked with unusable input (a key of another subject, a bad field name, too much text). */
export class FieldEncryptionError extends SecurityError {
  readonly code = 'personal-data.field-encryption-invalid';
  constructor(message: string) {
    super(message);
    this.name = 'FieldEncryptionError';
  }
}
