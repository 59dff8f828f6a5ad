import { decryptField, encryptField } from '../field-cipher';
import { PersonalDataCipher } from '../personal-data-cipher';
import {
  InvalidSubjectIdError,
  SubjectErasedError,
  SubjectKeyExistsError,
  SubjectKeyNotFoundError,
} from '../personal-data-errors';
import type { SubjectKeyStore } from '../subject-key-store.port';

export interface KeyStoreSubject {
  readonly store: SubjectKeyStore;
  dispose(): Promise<void> | void;
}

/** The behaviour every SubjectKeyStore must show. `create` gives a fresh, empty store per test. */
export function subjectKeyStoreContract(
  name: string,
  create: () => Promise<KeyStoreSubject> | KeyStoreSubject,
): void {
  describe(`SubjectKeyStore contract: ${name}`, () => {
    let subject: KeyStoreSubject;
    let store: SubjectKeyStore;
    beforeEach(async () => {
      subject = await create();
      store = subject.store;
    });
    afterEach(async () => subject.dispose());

    it('creates a 256-bit key and returns the same key afterwards', async () => {
      const created = await store.createKey('subject-1');
      expect(created.subjectId).toBe('subject-1');
      expect(created.key.symmetricKeySize).toBe(32);
      const fetched = await store.getKey('subject-1');
      expect(fetched.subjectId).toBe('subject-1');
      expect(fetched.key.equals(created.key)).toBe(true);
    });

    it('gives every subject its own key', async () => {
      const keys = await Promise.all(['s-1', 's-2', 's-3'].map((id) => store.createKey(id)));
      expect(keys[0].key.equals(keys[1].key) || keys[1].key.equals(keys[2].key)).toBe(false);
    });

    it('refuses to create a second key for a subject', async () => {
      const first = await store.createKey('subject-1');
      await expect(store.createKey('subject-1')).rejects.toBeInstanceOf(SubjectKeyExistsError);
      expect((await store.getKey('subject-1')).key.equals(first.key)).toBe(true);
    });

    it('reports an unknown subject', async () => {
      await expect(store.getKey('nobody')).rejects.toBeInstanceOf(SubjectKeyNotFoundError);
    });

    it('makes the key unavailable for good once destroyed', async () => {
      await store.createKey('subject-1');
      await store.destroyKey('subject-1');
      await expect(store.getKey('subject-1')).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(store.createKey('subject-1')).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(store.getKey('subject-1')).rejects.toMatchObject({ code: 'personal-data.subject-erased' });
    });

    it('destroys idempotently, and marks a never-seen subject as erased too', async () => {
      await store.createKey('subject-1');
      await store.destroyKey('subject-1');
      await expect(store.destroyKey('subject-1')).resolves.toBeUndefined();
      await store.destroyKey('never-registered');
      await expect(store.getKey('never-registered')).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(store.createKey('never-registered')).rejects.toBeInstanceOf(SubjectErasedError);
    });

    it('leaves other subjects readable when one is erased', async () => {
      const kept = await store.createKey('kept');
      await store.createKey('erased');
      await store.destroyKey('erased');
      expect((await store.getKey('kept')).key.equals(kept.key)).toBe(true);
    });

    it('makes every field of an erased subject unreadable, while the ciphertext stays', async () => {
      const cipher = new PersonalDataCipher(store);
      await store.createKey('subject-1');
      const fields = {
        name: await cipher.encrypt('subject-1', 'name', 'Zoë de Jong'),
        bsn: await cipher.encrypt('subject-1', 'bsn', '123456782'),
        birthDate: await cipher.encrypt('subject-1', 'birthDate', '2008-05-01'),
      };
      await expect(cipher.decrypt('subject-1', 'name', fields.name)).resolves.toBe('Zoë de Jong');

      await store.destroyKey('subject-1');
      for (const [field, encrypted] of Object.entries(fields)) {
        await expect(cipher.decrypt('subject-1', field, encrypted)).rejects.toBeInstanceOf(
          SubjectErasedError,
        );
      }
    });

    it('gives keys that work with encryptField and decryptField', async () => {
      const key = await store.createKey('subject-1');
      const encrypted = encryptField(key, 'Jan', { subjectId: 'subject-1', field: 'name' });
      const again = await store.getKey('subject-1');
      expect(decryptField(again, encrypted, { subjectId: 'subject-1', field: 'name' })).toBe('Jan');
    });

    it.each(['', 'with space', 'x'.repeat(129), 'naam\n', '../etc', 'Jansen 123456782'])(
      'refuses the subject id %p',
      async (subjectId) => {
        await expect(store.createKey(subjectId)).rejects.toBeInstanceOf(InvalidSubjectIdError);
        await expect(store.getKey(subjectId)).rejects.toBeInstanceOf(InvalidSubjectIdError);
        await expect(store.destroyKey(subjectId)).rejects.toBeInstanceOf(InvalidSubjectIdError);
      },
    );
  });
}
