/**
 * Opaque identifiers (organisation codes and ids, table ids, subject ids): ASCII letters, digits and `._:-`,
 * starting with a letter or digit. Such ids are safe to put in events, logs and error messages.
 */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export const MAX_IDENTIFIER_LENGTH = 128;

export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(value);
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A non-empty, trimmed, single-line text of at most `maxLength` characters. */
export function isPlainText(value: unknown, maxLength: number): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= maxLength &&
    value.trim() === value &&
    !CONTROL_CHARACTERS.test(value)
  );
}
