/**
 * Base class of every error this library throws on purpose. `code` is stable and meant for machines (problem+json
 * `code`, log fields); messages never contain tokens, key material or personal data.
 */
export abstract class SecurityError extends Error {
  abstract readonly code: string;
}
