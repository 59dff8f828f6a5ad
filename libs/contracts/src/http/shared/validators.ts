import {
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
  isISO8601,
} from 'class-validator';
import { TEXT_MAX_LENGTH } from '@casusregie/domain';
import { ORGANISATION_CODE } from '../registration.dto';
import { CALENDAR_DATE, OPAQUE_ID, OPAQUE_ID_MAX_LENGTH, ORGANISATION_CODE_MAX_LENGTH } from './patterns';

/**
 * Property decorators the case command DTOs share. The order in which a decorator applies its checks is the order
 * of the messages in a 400 answer, so each one keeps the order its fields always had.
 */

/** Applies the decorators in the order given. */
function allOf(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/**
 * Free text written by a professional: a string, not blank, at most `max` characters (the domain's limit by
 * default). The domain also refuses text that seems to hold a BSN (422 possible-personal-data).
 */
export function IsFreeText(max: number = TEXT_MAX_LENGTH): PropertyDecorator {
  return allOf(IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' }));
}

/** The one message of a calendar date field in a 400 answer, whichever command it belongs to. */
export const CALENDAR_DATE_MESSAGE = '$property must be an existing calendar date (YYYY-MM-DD)';

/** `YYYY-MM-DD`, and a day that exists (ISO 8601, strict: 2026-02-30 is refused), without a time. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });
}

/**
 * A calendar date `YYYY-MM-DD` that exists, for every date field of the case command DTOs: one check with one
 * message (CALENDAR_DATE_MESSAGE), whether the value is no string, has another shape or names no real day.
 */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate } },
    { message: CALENDAR_DATE_MESSAGE },
  );
}

/**
 * An id in the domain's opaque id syntax (OPAQUE_ID), at most OPAQUE_ID_MAX_LENGTH characters; `{ each: true }`
 * for a list of them. Its messages come in the order pattern, length, string.
 */
export function IsOpaqueId(options?: ValidationOptions): PropertyDecorator {
  return allOf(Matches(OPAQUE_ID, options), MaxLength(OPAQUE_ID_MAX_LENGTH, options), IsString(options));
}

/**
 * An organisation code (ORGANISATION_CODE), at most ORGANISATION_CODE_MAX_LENGTH characters, whose length is
 * also checked on its own. Its messages come in the order pattern, length, string. (The agenda, responsibility,
 * statutory and transition DTOs check their codes with IsString and Matches(ORGANISATION_CODE) alone: no
 * separate length message.)
 */
export function IsOrganisationCode(): PropertyDecorator {
  return allOf(Matches(ORGANISATION_CODE), MaxLength(ORGANISATION_CODE_MAX_LENGTH), IsString());
}
