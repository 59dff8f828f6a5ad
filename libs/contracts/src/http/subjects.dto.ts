import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateBy } from 'class-validator';
import { isValidBsn } from '@casusregie/security';

/**
 * The client (subject) of a case: name, BSN and birth date. These are the only personal data the service
 * holds; the API stores them encrypted with a key per subject and never puts them in events, logs or errors
 * in plaintext. Error messages here never repeat the value they refuse.
 *
 * Example values in this file are fictitious (the BSN is from the 99999xxxx range used for test persons).
 */

/** Longest name accepted, in UTF-16 code units (as JavaScript counts `length`). */
export const SUBJECT_NAME_MAX_LENGTH = 200;
/** Earliest birth date accepted: older dates are typing errors, not clients. */
export const SUBJECT_EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * A name as people write it, in any script: one line, no control characters, no lone surrogates or private-use
 * characters, not starting or ending with white space.
 */
const SUBJECT_NAME = /^(?!\s)(?!.*\s$)[^\p{Cc}\p{Cs}\p{Co}\p{Zl}\p{Zp}]+$/u;
const SUBJECT_CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isSubjectBirthDate(value: unknown): boolean {
  if (typeof value !== 'string' || !SUBJECT_CALENDAR_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    value >= SUBJECT_EARLIEST_BIRTH_DATE
  );
}

export class RegisterSubjectDto {
  @ApiProperty({
    description:
      'Full name of the client as it should be shown to coordinators. Any script; one line, no leading or ' +
      'trailing spaces.',
    example: 'Jaimy de Voorbeeld',
    minLength: 1,
    maxLength: SUBJECT_NAME_MAX_LENGTH,
  })
  @IsString({ message: 'name must be a string' })
  @Length(1, SUBJECT_NAME_MAX_LENGTH, {
    message: `name must be 1 to ${SUBJECT_NAME_MAX_LENGTH} characters`,
  })
  @Matches(SUBJECT_NAME, {
    message: 'name must be one line without control characters, and not start or end with a space',
  })
  name!: string;

  @ApiProperty({
    description:
      'Burgerservicenummer: 9 digits (or 8 when a leading zero was dropped) that pass the elfproef. It is ' +
      'returned as 9 digits.',
    example: '999990019',
    pattern: '^\\d{8,9}$',
  })
  @IsString({ message: 'bsn must be a string of digits' })
  @ValidateBy({
    name: 'isBsn',
    validator: {
      validate: (value: unknown) => isValidBsn(value),
      defaultMessage: () => 'bsn must be 9 digits (or 8 without the leading zero) that pass the elfproef',
    },
  })
  bsn!: string;

  @ApiProperty({
    description: `Birth date (YYYY-MM-DD), from ${SUBJECT_EARLIEST_BIRTH_DATE} up to today (Dutch time).`,
    example: '2008-12-02',
    format: 'date',
  })
  @IsString({ message: 'birthDate must be a string' })
  @ValidateBy({
    name: 'isSubjectBirthDate',
    validator: {
      validate: (value: unknown) => isSubjectBirthDate(value),
      defaultMessage: () =>
        `birthDate must be a calendar date YYYY-MM-DD on or after ${SUBJECT_EARLIEST_BIRTH_DATE}`,
    },
  })
  birthDate!: string;
}

export class SubjectRegisteredDto {
  @ApiProperty({
    description: 'Opaque id of the subject: refer to the client by this id only (e.g. in POST /cases).',
    format: 'uuid',
    example: '0b7d1d53-2f39-4c1f-9d43-5c2f8e0d6a11',
  })
  subjectId!: string;
}

export class SubjectDto {
  @ApiProperty({ format: 'uuid', example: '0b7d1d53-2f39-4c1f-9d43-5c2f8e0d6a11' })
  subjectId!: string;

  @ApiProperty({ example: 'Jaimy de Voorbeeld' })
  name!: string;

  @ApiProperty({ description: 'Always 9 digits.', example: '999990019' })
  bsn!: string;

  @ApiProperty({ format: 'date', example: '2008-12-02' })
  birthDate!: string;
}
