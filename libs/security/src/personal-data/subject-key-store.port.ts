import type { KeyObject } from 'node:crypto';
import { isIdentifier } from '../identifiers';
import { InvalidSubjectIdError } from './personal-data-errors';

/** A subject's data-encryption key (AES-256). The KeyObject never shows its bytes when logged. */
export interface SubjectKey {
  readonly subjectId: string;
  readonly key: KeyObject;
}

/**
 * Keeps one random 256-bit key per data subject (a person, not a case). Destroying the key is erasure: every
 * field encrypted with it becomes unreadable everywhere, and the subject id can never get a key again.
 * Implementations keep no unwrapped keys in caches that could outlive destroyKey.
 */
export interface SubjectKeyStore {
  /** Creates and stores the subject's key. Throws SubjectKeyExistsError, or SubjectErasedError after erasure. */
  createKey(subjectId: string): Promise<SubjectKey>;
  /** Throws SubjectKeyNotFoundError for an unknown subject and SubjectErasedError after erasure. */
  getKey(subjectId: string): Promise<SubjectKey>;
  /** Destroys the key for good. Idempotent; an unknown subject id is marked erased as well. */
  destroyKey(subjectId: string): Promise<void>;
}

export const SUBJECT_KEY_BYTES = 32;

export function assertSubjectId(subjectId: unknown): asserts subjectId is string {
  if (!isIdentifier(subjectId)) throw new InvalidSubjectIdError();
}
