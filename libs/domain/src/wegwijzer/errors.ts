/** Machine-readable reasons why the wegwijzer refuses its input. */
export const WEGWIJZER_INPUT_ERROR_CODES = [
  'invalid-date',
  'unknown-category',
  'invalid-fact',
  'invalid-age',
  'birth-after-date',
  'age-mismatch',
  'ggz-verblijf-start-after-date',
] as const;
export type WegwijzerInputErrorCode = (typeof WEGWIJZER_INPUT_ERROR_CODES)[number];

/**
 * Thrown when the input to the wegwijzer is malformed or contradicts itself. The wegwijzer never
 * repairs input: a wrong date or age would silently pick the wrong rule.
 */
export class WegwijzerInputError extends Error {
  constructor(
    readonly code: WegwijzerInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WegwijzerInputError';
  }
}
