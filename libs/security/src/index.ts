export { SecurityError } from './security-error';
export { SecurityConfigError } from './security-config-error';
export { SecretFileError } from './files/private-file';

// Authentication
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode } from './auth/auth-error';
export {
  type Actor,
  actorOf,
  isRole,
  type Principal,
  principalClaimProblems,
  principalFromClaims,
  type Role,
  ROLES,
} from './auth/principal';
export {
  type AccessTokenVerifier,
  createHs256Verifier,
  createRs256Verifier,
  DEFAULT_CLOCK_SKEW_SECONDS,
  type Hs256Verifier,
  MAX_CLOCK_SKEW_SECONDS,
  type Rs256Verifier,
  type Rs256VerifierOptions,
  type VerifierOptions,
} from './auth/access-token-verifier';
export { JwksKeySource, type JwksKeySourceOptions, type PublicKeySource } from './auth/jwks-key-source';
export { verifyAccessToken } from './auth/verify-access-token';
export { bearerToken } from './auth/bearer';
export { MIN_HS256_SECRET_BYTES } from './auth/hs256';
export {
  MAX_EXPIRES_IN_SECONDS,
  signAccessToken,
  type SignAccessTokenOptions,
} from './auth/sign-access-token';
export {
  DEVELOPMENT_SECRET_FILE,
  type DevelopmentSecret,
  ensureDevelopmentSecret,
} from './auth/development-secret';

// Authorisation
export {
  type CaseScope,
  type OrganisationScope,
  type Permission,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLE_SCOPES,
  type RoleScope,
} from './access/permissions';
export {
  type CaseAccessFacts,
  canAcknowledge,
  canActOnCase,
  canAnswerRequest,
  canReadInbox,
  canReadSubject,
  canSeeCase,
  type CaseView,
  caseView,
  hasPermission,
} from './access/policy';

// Personal data
export { type Bsn, isValidBsn, normaliseBsn, parseBsn } from './personal-data/bsn';
export {
  FieldDecryptionError,
  FieldEncryptionError,
  InvalidBsnError,
  InvalidSubjectIdError,
  MasterKeyError,
  SubjectErasedError,
  SubjectKeyExistsError,
  SubjectKeyNotFoundError,
} from './personal-data/personal-data-errors';
export { type SubjectKey, type SubjectKeyStore } from './personal-data/subject-key-store.port';
export {
  decryptField,
  encryptField,
  type FieldContext,
  MAX_FIELD_PLAINTEXT_LENGTH,
} from './personal-data/field-cipher';
export { PersonalDataCipher } from './personal-data/personal-data-cipher';
export { InMemorySubjectKeyStore } from './personal-data/in-memory-subject-key-store';
export {
  SqliteSubjectKeyStore,
  type SqliteSubjectKeyStoreOptions,
  SUBJECT_KEY_STORE_FILE,
  subjectKeyStoreFile,
} from './personal-data/sqlite-subject-key-store';
export {
  loadMasterKey,
  type LoadMasterKeyOptions,
  MASTER_KEY_FILE,
  type MasterKey,
  masterKeyFromBytes,
} from './personal-data/master-key';
export {
  InvalidPersonalDataAccessError,
  MAX_PURPOSE_LENGTH,
  PERSONAL_FIELDS,
  type PersonalDataAccess,
  personalDataAccess,
  personalDataAccessProblems,
  type PersonalField,
  purposeProblems,
  validatePersonalDataAccess,
} from './personal-data/personal-data-access';
