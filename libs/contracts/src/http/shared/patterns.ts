/**
 * Patterns and limits the case command DTOs share. Organisation codes themselves (ORGANISATION_CODE) and table ids
 * are defined with the registration DTOs.
 */

/**
 * The ids the case domain accepts for needs, offers, responsibilities, sessions...: letters, digits, `.`, `_`,
 * `:`, `-`, starting with a letter or digit; at most OPAQUE_ID_MAX_LENGTH characters.
 */
export const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const OPAQUE_ID_MAX_LENGTH = 128;

/** Organisation codes (see ORGANISATION_CODE) are at most 32 characters. */
export const ORGANISATION_CODE_MAX_LENGTH = 32;

/** Most items in one list of one command (needs, agreements, actions, routes, assignments...). */
export const MAX_LIST_ITEMS = 50;

/** The shape of a calendar date, `YYYY-MM-DD` (whether the date exists is checked separately). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
