import { IsISO8601, IsString, Length, Matches, MaxLength, type ValidationOptions } from 'class-validator';
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

/*
 * A calendar date `YYYY-MM-DD` that exists (ISO 8601, strict: 2026-02-30 is refused), without a time. Both
 * decorators accept and refuse the same strings; they differ only in their messages, which 400 answers show:
 *
 * - IsCalendarDay (agenda, responsibility and statutory DTOs): "must be a string", "must be a calendar date
 *   (YYYY-MM-DD)", "must be a valid calendar date".
 * - IsCalendarDate (escalation, placement and deadline DTOs): "must be a valid ISO 8601 date (YYYY-MM-DD)",
 *   "must be a calendar date (YYYY-MM-DD), without a time".
 *
 * Choosing one wording for all endpoints changes those answers, so it is left to a change of its own.
 */

/** A calendar date `YYYY-MM-DD` that exists; see above for its messages. */
export function IsCalendarDay(): PropertyDecorator {
  return allOf(
    IsString(),
    Matches(CALENDAR_DATE, { message: '$property must be a calendar date (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid calendar date' }),
  );
}

/** A calendar date `YYYY-MM-DD` that exists; see above for its messages. */
export function IsCalendarDate(): PropertyDecorator {
  return allOf(
    IsISO8601({ strict: true }, { message: '$property must be a valid ISO 8601 date (YYYY-MM-DD)' }),
    Matches(CALENDAR_DATE, { message: '$property must be a calendar date (YYYY-MM-DD), without a time' }),
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
