import { createSecretKey, randomBytes } from 'node:crypto';
import { SubjectErasedError, SubjectKeyExistsError, SubjectKeyNotFoundError } from './personal-data-errors';
import {
  assertSubjectId,
  SUBJECT_KEY_BYTES,
  type SubjectKey,
  type SubjectKeyStore,
} from './subject-key-store.port';

const ERASED = Symbol('erased');

/** A SubjectKeyStore in process memory, for tests. Keys are lost when the process ends. */
export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly keys = new Map<string, Buffer | typeof ERASED>();

  async createKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    const existing = this.keys.get(subjectId);
    if (existing === ERASED) throw new SubjectErasedError(subjectId);
    if (existing !== undefined) throw new SubjectKeyExistsError(subjectId);
    const bytes = randomBytes(SUBJECT_KEY_BYTES);
    this.keys.set(subjectId, bytes);
    return { subjectId, key: createSecretKey(bytes) };
  }

  async getKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    const bytes = this.keys.get(subjectId);
    if (bytes === ERASED) throw new SubjectErasedError(subjectId);
    if (bytes === undefined) throw new SubjectKeyNotFoundError(subjectId);
    return { subjectId, key: createSecretKey(bytes) };
  }

  async destroyKey(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    const bytes = this.keys.get(subjectId);
    if (bytes instanceof Buffer) bytes.fill(0);
    this.keys.set(subjectId, ERASED);
  }
}
