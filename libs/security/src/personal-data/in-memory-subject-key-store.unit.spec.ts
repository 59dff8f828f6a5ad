import { InMemorySubjectKeyStore } from './in-memory-subject-key-store';
import { subjectKeyStoreContract } from './test-support/subject-key-store.contract';

subjectKeyStoreContract('in memory', () => ({
  store: new InMemorySubjectKeyStore(),
  dispose: () => undefined,
}));
