import { decryptField, encryptField } from './field-cipher';
import type { SubjectKeyStore } from './subject-key-store.port';

/**
 * Field encryption with keys looked up per call, so erasure takes effect at once: after destroyKey, decrypt
 * throws SubjectErasedError for every field of that subject.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: SubjectKeyStore) {}

  async encrypt(subjectId: string, field: string, plaintext: string): Promise<string> {
    return encryptField(await this.keys.getKey(subjectId), plaintext, { subjectId, field });
  }

  async decrypt(subjectId: string, field: string, encrypted: string): Promise<string> {
    return decryptField(await this.keys.getKey(subjectId), encrypted, { subjectId, field });
  }
}
