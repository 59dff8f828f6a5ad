import { createSecretKey, randomBytes } from 'node:crypto';
import { decryptField, encryptField, MAX_FIELD_PLAINTEXT_LENGTH } from './field-cipher';
import { FieldDecryptionError, FieldEncryptionError } from './personal-data-errors';
import type { SubjectKey } from './subject-key-store.port';

const keyFor = (subjectId: string): SubjectKey => ({ subjectId, key: createSecretKey(randomBytes(32)) });
const alice = keyFor('subject-a');
const bob = keyFor('subject-b');
const nameOfAlice = { subjectId: 'subject-a', field: 'name' };

function decryptionError(run: () => unknown): FieldDecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptionError);
    return error as FieldDecryptionError;
  }
  throw new Error('decrypted');
}

/** Flips one bit of one base64url part of `v1.<iv>.<ciphertext>.<tag>`. */
function flipBit(encrypted: string, part: 1 | 2 | 3): string {
  const parts = encrypted.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptField / decryptField', () => {
  it.each([
    'Jan de Vries',
    'Zoë Çelik-Ñúñez',
    'Łukasz Żółć',
    'Αλέξανδρος',
    '李小龍',
    'محمد',
    'Ayşe 👩🏽‍⚕️ van ’t Hof',
    '',
    '2009-03-14',
  ])('round-trips %p', (plaintext) => {
    const encrypted = encryptField(alice, plaintext, nameOfAlice);
    expect(decryptField(alice, encrypted, nameOfAlice)).toBe(plaintext);
  });

  it('round-trips the longest allowed value and refuses a longer one', () => {
    const long = 'é'.repeat(MAX_FIELD_PLAINTEXT_LENGTH);
    expect(decryptField(alice, encryptField(alice, long, nameOfAlice), nameOfAlice)).toBe(long);
    expect(() => encryptField(alice, `${long}x`, nameOfAlice)).toThrow(FieldEncryptionError);
  });

  it('writes v1.<iv>.<ciphertext>.<tag> in base64url with a 12-byte IV and a 16-byte tag', () => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    expect(encrypted).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    const [, iv, ciphertext, tag] = encrypted.split('.');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(Buffer.byteLength('Jan de Vries'));
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(encrypted).not.toContain('Jan');
  });

  it('uses a fresh IV for every encryption', () => {
    const ivs = new Set(
      Array.from({ length: 200 }, () => encryptField(alice, 'same text', nameOfAlice).split('.')[1]),
    );
    expect(ivs.size).toBe(200);
  });

  it.each([
    ['the IV', 1],
    ['the ciphertext', 2],
    ['the tag', 3],
  ] as const)('refuses a field whose %s was altered', (_name, part) => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    expect(decryptionError(() => decryptField(alice, flipBit(encrypted, part), nameOfAlice)).reason).toBe(
      'integrity',
    );
  });

  it('refuses a field moved to another field name (AAD)', () => {
    const encrypted = encryptField(alice, '123456782', { subjectId: 'subject-a', field: 'bsn' });
    const error = decryptionError(() => decryptField(alice, encrypted, nameOfAlice));
    expect(error.reason).toBe('integrity');
  });

  it('refuses a field moved to another subject, even under a key relabelled for that subject', () => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    const relabelled: SubjectKey = { subjectId: 'subject-b', key: alice.key };
    expect(() => decryptField(relabelled, encrypted, { subjectId: 'subject-b', field: 'name' })).toThrow(
      FieldDecryptionError,
    );
  });

  it('refuses the key of another subject', () => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    const bobsKeyAsAlice: SubjectKey = { subjectId: 'subject-a', key: bob.key };
    expect(decryptionError(() => decryptField(bobsKeyAsAlice, encrypted, nameOfAlice)).reason).toBe(
      'integrity',
    );
    expect(decryptionError(() => decryptField(bob, encrypted, nameOfAlice)).reason).toBe('integrity');
  });

  it.each([
    ['another version', (e: string) => e.replace(/^v1/, 'v2')],
    ['a missing part', (e: string) => e.split('.').slice(0, 3).join('.')],
    ['an extra part', (e: string) => `${e}.AAAA`],
    ['a short IV', (e: string) => e.replace(/^v1\.[^.]+/, 'v1.AAAAAAAAAAAA')],
    ['a short tag', (e: string) => e.replace(/\.[^.]+$/, '.AAAAAAAA')],
    ['characters outside base64url', (e: string) => e.replace(/\.([^.]+)\./, '.$1+.')],
    ['an empty string', () => ''],
  ])('reports %s as malformed', (_name, mangle) => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    expect(decryptionError(() => decryptField(alice, mangle(encrypted), nameOfAlice)).reason).toBe(
      'malformed',
    );
  });

  it('refuses to encrypt with a key of another subject, a bad field name or broken Unicode', () => {
    expect(() => encryptField(bob, 'x', nameOfAlice)).toThrow(FieldEncryptionError);
    expect(() => encryptField(alice, 'x', { subjectId: 'subject-a', field: 'na\0me' })).toThrow(
      FieldEncryptionError,
    );
    expect(() => encryptField(alice, 'x', { subjectId: 'subject a', field: 'name' })).toThrow(
      FieldEncryptionError,
    );
    expect(() => encryptField(alice, 'x\uD800', nameOfAlice)).toThrow(FieldEncryptionError);
  });

  it('never puts the plaintext in an error message', () => {
    const encrypted = encryptField(alice, 'Jan de Vries', nameOfAlice);
    const error = decryptionError(() =>
      decryptField(bob, encrypted, { subjectId: 'subject-b', field: 'name' }),
    );
    expect(error.message).not.toContain('Jan');
    expect(() => encryptField(bob, 'Jan de Vries', nameOfAlice)).not.toThrow(/Jan/);
  });
});
