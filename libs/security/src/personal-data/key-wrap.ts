import { createSecretKey } from 'node:crypto';
import { open, seal } from './aes-gcm-envelope';
import type { MasterKey } from './master-key';
import { MasterKeyError } from './personal-data-errors';
import { SUBJECT_KEY_BYTES, type SubjectKey } from './subject-key-store.port';

/** The AAD binds a wrapped key to its subject, so rows cannot be swapped between subjects in the key store. */
function wrapAad(subjectId: string): Buffer {
  return Buffer.from(`casusregie/subject-key/v1\0${subjectId}`, 'utf8');
}

export function wrapSubjectKey(masterKey: MasterKey, subjectId: string, keyBytes: Buffer): string {
  return seal(masterKey.key, keyBytes, wrapAad(subjectId));
}

export function unwrapSubjectKey(masterKey: MasterKey, subjectId: string, wrapped: string): SubjectKey {
  const result = open(masterKey.key, wrapped, wrapAad(subjectId));
  if (!result.ok || result.plaintext.length !== SUBJECT_KEY_BYTES) {
    throw new MasterKeyError(
      `The key of subject ${subjectId} does not unwrap with master key ${masterKey.id}: the master key is not the one ` +
        'the key store was written with, or the key store was altered',
    );
  }
  const key = createSecretKey(result.plaintext);
  result.plaintext.fill(0);
  return { subjectId, key };
}
